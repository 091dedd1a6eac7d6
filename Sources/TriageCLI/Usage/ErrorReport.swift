import IncidentLog
import RunbookCore
import YAMLLite

/// What the user is told about an error and the status triage exits with: the one mapping from
/// errors to exit codes, computed without side effects (swift-argument-parser's `MessageInfo`).
package struct ErrorReport: Equatable {
  /// One line, without the `triage: ` prefix.
  package var message: String
  package var exit: TriageExit
  /// For usage errors, the lines shown under the message: the command's usage and a pointer to
  /// its help.
  package var usage: String?

  package init(message: String, exit: TriageExit, usage: String? = nil) {
    self.message = message
    self.exit = exit
    self.usage = usage
  }

  /// The report for any error a command line can end with; usage errors are described against
  /// the command tree `root`.
  package init(for error: any Error, root: Command = .root) {
    switch error {
    case let error as ArgumentError:
      self.init(
        message: Self.message(for: error.kind), exit: .usage,
        usage: Self.usage(for: error, root: root))
    case let error as FileError:
      switch error {
      case .noSuchFile(let path): self.init(message: "\(path): no such file", exit: .noInput)
      case .unreadable(let path, let reason):
        self.init(message: "\(path): \(reason)", exit: .ioError)
      }
    case let error as OutputError:
      switch error {
      case .standardOutputFailed:
        self.init(message: "cannot write to standard output", exit: .ioError)
      case .cannotCreate(let path, let reason):
        self.init(message: "\(path): cannot create: \(reason)", exit: .cannotCreate)
      }
    case let error as SourceError:
      self.init(message: error.description, exit: .dataError)
    case let error as YAMLError:
      self.init(message: error.description, exit: .dataError)
    case let error as DiagnosticsError:
      self.init(message: error.lines.joined(separator: "\ntriage: "), exit: .dataError)
    case let error as RunbookLibrary.LookupError:
      self.init(message: Self.message(for: error), exit: Self.exit(for: error))
    case let error as RecordLookupError:
      self.init(message: error.description, exit: Self.exit(for: error))
    case let error as AmendmentError:
      self.init(message: error.description, exit: .dataError)
    case let error as ArchiveError:
      self.init(message: error.description, exit: error.isCannotCreate ? .cannotCreate : .ioError)
    case let error as CommandFailure:
      self.init(message: error.message, exit: error.exit)
    default:
      self.init(message: String(describing: error), exit: .failure)
    }
  }

  private static func message(for kind: ArgumentError.Kind) -> String {
    switch kind {
    case .unknownCommand(let word, let suggestion):
      return "unknown command '\(word)'" + Suggestion.didYouMean(suggestion)
    case .unknownOption(let word, let suggestion):
      return "unknown option '\(word)'" + Suggestion.didYouMean(suggestion)
    case .missingValue(let option, let valueName):
      return "missing value for option '\(option) <\(valueName)>'"
    case .unexpectedValue(let option):
      return "option '\(option)' takes no value"
    case .repeatedOption(let option):
      return "option '\(option)' may be given only once"
    case .missingArgument(let valueName):
      return "missing argument <\(valueName)>"
    case .unexpectedArgument(let word):
      return "unexpected argument '\(word)'"
    case .exclusiveOptions(let first, let second):
      return "options '\(first)' and '\(second)' cannot be used together"
    }
  }

  private static func message(for error: RunbookLibrary.LookupError) -> String {
    switch error {
    case .notFound(let reference, let searched) where searched.isEmpty:
      return "\(reference): no such file"
    case .notFound(let reference, let searched):
      return "no runbook with id '\(reference)' in \(searched.joined(separator: ", "))"
        + "; give a path, or a folder with --runbooks"
    case .duplicateID(let id, let paths):
      return "two runbooks have the id '\(id)': \(paths.joined(separator: " and "))"
    case .unreadable(let path):
      return "\(path): cannot read"
    }
  }

  private static func exit(for error: RunbookLibrary.LookupError) -> TriageExit {
    switch error {
    case .notFound: return .noInput
    case .duplicateID: return .dataError
    case .unreadable: return .ioError
    }
  }

  /// An unknown record is missing input (66); an ambiguous prefix is bad input (65).
  private static func exit(for error: RecordLookupError) -> TriageExit {
    switch error {
    case .noSuchRecord: return .noInput
    case .ambiguousPrefix: return .dataError
    }
  }

  private static func usage(for error: ArgumentError, root: Command) -> String {
    let path = root.path(named: error.commandPath)
    let names = path.map(\.name).joined(separator: " ")
    return """
      Usage: \(UsageGenerator(path: path).synopsis)
        See '\(names) --help' for more information.
      """
  }
}

extension Command {
  /// The commands named by `names` (from the root's own name), as far as they exist.
  func path(named names: [String]) -> [Command] {
    var path = [self]
    for name in names.dropFirst() {
      guard let last = path.last, let next = last.subcommand(named: name) else { break }
      path.append(next)
    }
    return path
  }
}
