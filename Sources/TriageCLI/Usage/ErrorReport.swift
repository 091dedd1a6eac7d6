import IncidentLog
import RunbookCore
import YAMLLite

/// What the user is told about an error and the status triage exits with: the one mapping from
/// errors to exit codes, computed without side effects (swift-argument-parser's `MessageInfo`).
///
/// Every value quoted in a message (a path, a word, a lower layer's description) is passed
/// through `VisibleText.line`, so the only line breaks in a message are ours.
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
  /// the command tree `root`, and commands suggested in a message start with `program` (see
  /// `ProgramName`).
  package init(for error: any Error, root: Command = .root, program: String = ProgramName.plain) {
    switch error {
    case let error as ArgumentError:
      self.init(
        message: Self.message(for: error.kind), exit: .usage,
        usage: Self.usage(for: error, root: root, program: program))
    case let error as FileError:
      switch error {
      case .noSuchFile(let path): self.init(message: "\(shown(path)): no such file", exit: .noInput)
      case .unreadable(let path, let reason):
        self.init(message: "\(shown(path)): \(shown(reason))", exit: .ioError)
      case .tooLarge(let path, let input):
        self.init(
          message:
            "\(shown(path)): larger than the limit of \(input.limitInMiB) MiB for \(input.noun)",
          exit: .dataError)
      }
    case let error as OutputError:
      switch error {
      case .standardOutputFailed:
        self.init(message: "cannot write to standard output", exit: .ioError)
      case .cannotWrite(let path, let reason):
        self.init(message: "\(shown(path)): cannot write: \(shown(reason))", exit: .cannotCreate)
      }
    case let error as SourceError:
      self.init(message: shown(error.description), exit: .dataError)
    case let error as YAMLError:
      self.init(message: shown(error.description), exit: .dataError)
    case let error as DiagnosticsError:
      self.init(message: error.lines.joined(separator: "\ntriage: "), exit: .dataError)
    case let error as RunbookLibrary.LookupError:
      self.init(message: Self.message(for: error), exit: Self.exit(for: error))
    case let error as RecordLookupError:
      self.init(message: shown(error.description), exit: Self.exit(for: error))
    case let error as AmendmentError:
      // A missing --approved-by is a missing option: a usage error, like any other.
      let isUsage: Bool
      if case .approvalRequired = error { isUsage = true } else { isUsage = false }
      self.init(message: shown(error.description), exit: isUsage ? .usage : .dataError)
    case let error as RevisionError:
      self.init(message: shown(error.description), exit: .dataError)
    case let error as EvidenceError:
      self.init(message: shown(error.description), exit: .dataError)
    case let error as RecordDecodingError:
      self.init(
        message: "not a readable record: \(shown(String(describing: error)))", exit: .dataError)
    case let error as ArchiveError:
      let exit: TriageExit =
        error.isBadData ? .dataError : error.isCannotCreate ? .cannotCreate : .ioError
      self.init(message: shown(error.description), exit: exit)
    case let error as VendorLookupError:
      // No vendor is missing input (66); several is an input that must be made precise (65).
      let exit: TriageExit = if case .ambiguous = error { .dataError } else { .noInput }
      self.init(message: shown(error.description), exit: exit)
    case let error as CommandError:
      self.init(message: Self.message(for: error, program: program), exit: Self.exit(for: error))
    case let error as CommandFailure:
      self.init(message: shown(error.message), exit: error.exit)
    default:
      self.init(message: shown(String(describing: error)), exit: .failure)
    }
  }

  private static func message(for kind: ArgumentError.Kind) -> String {
    switch kind {
    case .unknownCommand(let word, let suggestion):
      return "unknown command \(shown(SecretScanner.quoted(word)))"
        + Suggestion.didYouMean(suggestion.map(shown))
    case .unknownOption(let word, let suggestion):
      return "unknown option \(shown(SecretScanner.quoted(word)))"
        + Suggestion.didYouMean(suggestion.map(shown))
    case .missingValue(let option, let valueName):
      return "missing value for option '\(shown(option)) <\(shown(valueName))>'"
    case .unexpectedValue(let option):
      return "option '\(shown(option))' takes no value"
    case .repeatedOption(let option):
      return "option '\(shown(option))' may be given only once"
    case .missingArgument(let valueName):
      return "missing argument <\(shown(valueName))>"
    case .unexpectedArgument(let word):
      return "unexpected argument \(shown(SecretScanner.quoted(word)))"
    case .exclusiveOptions(let first, let second):
      return "options '\(shown(first))' and '\(shown(second))' cannot be used together"
    }
  }

  private static func message(for error: RunbookLibrary.LookupError) -> String {
    switch error {
    case .notFound(let reference, let searched, _) where searched.isEmpty:
      return "\(shown(reference)): no such file"
    case .notFound(let reference, let searched, let suggestion?):
      return "no runbook with id '\(shown(reference))'; did you mean '\(shown(suggestion))'? "
        + "(searched \(searched.map(shown).joined(separator: ", ")))"
    case .notFound(let reference, let searched, nil):
      return
        "no runbook with id '\(shown(reference))' in \(searched.map(shown).joined(separator: ", "))"
        + "; give a path, or a folder with --runbooks"
    case .duplicateID(let id, let paths):
      return
        "two runbooks have the id '\(shown(id))': \(paths.map(shown).joined(separator: " and "))"
    case .unreadable(let path):
      return "\(shown(path)): cannot read"
    }
  }

  private static func exit(for error: RunbookLibrary.LookupError) -> TriageExit {
    switch error {
    case .notFound: return .noInput
    case .duplicateID: return .dataError
    case .unreadable: return .ioError
    }
  }

  private static func message(for error: CommandError, program: String) -> String {
    switch error {
    case .noTerminalToAsk(let runbook):
      return "no terminal to ask the questions on; give the answers with --answers FILE "
        + "(\(program) answers-template \(shown(runbook)) writes one to fill in)"
    case .noResponder:
      return "who is answering? pass --responder NAME (or give responder: in the answers file, "
        + "or set $USER); the record names its responder"
    case .openQuestionsWithoutTerminal:
      return "the answers leave questions open and there is no terminal to ask them on"
    case .unknownValue(let what, let value, let allowed):
      return "unknown \(shown(what)) \(shown(SecretScanner.quoted(value))); use " + choices(allowed)
    case .emptyArgument(let what):
      return "the \(shown(what)) is empty"
    case .badDateFilter(let option, let value):
      return
        "--\(shown(option)) \(shown(SecretScanner.quoted(value))) is not a date or time; write 2026-04-01 or 2026-04-01T09:30:00Z"
    case .badSentTime(let value):
      return
        "--sent \(shown(SecretScanner.quoted(value))) is not a time; write RFC 3339 (2026-04-02T10:00:00Z) or now"
    case .notADraft(let path, let reason):
      return "\(shown(path)): not a draft: \(shown(reason))"
    case .notATriageDraft(let path, let format):
      return "\(shown(path)): not a triage draft (\(shown(format)))"
    case .draftForAnotherRunbook(let path, let draftRunbook, let runbook):
      return
        "\(shown(path)): this draft is for runbook \(shown(SecretScanner.quoted(draftRunbook))), "
        + "not '\(shown(runbook))'"
    case .notARecord(let path, let reason):
      return "\(shown(path)): not a record: \(shown(reason))"
    case .recordForAnotherRunbook(let runbookPath, let runbook, let recordRunbook):
      return "\(shown(runbookPath)) is runbook '\(shown(runbook))', but the record was made with "
        + "'\(shown(recordRunbook))'"
    case .noScenarioFiles(let searched):
      return "no scenario files found in \(searched.map(shown).joined(separator: ", "))"
    case .controlCharactersInArchivePath(let source, let value):
      return "\(source) \"\(shown(value))\" holds a control character; "
        + "name the archive folder without one"
    case .noArchive(let path):
      return "\(shown(path)): no incident log archive here (\(program) run creates one)"
    case .noObligationsLibrary(let searched):
      return "no obligations library (obligations/facts.yaml) in "
        + searched.map(shown).joined(separator: ", ")
    case .unknownObligation(let id, let suggestion):
      return "no duty or obligation file \(shown(SecretScanner.quoted(id))) in the library"
        + Suggestion.didYouMean(suggestion.map(shown))
    case .interruptedDryRun:
      return "interrupted; nothing was saved (--dry-run)"
    case .interruptedDraftSaved(let path, let resumeCommand):
      return
        "interrupted; the answers so far are saved in \(shown(path))\nResume with: \(shown(resumeCommand))"
    }
  }

  /// `a or b`, `a, b or c`, and past three `one of a, b, c, d`.
  private static func choices(_ allowed: [String]) -> String {
    guard allowed.count <= 3, let last = allowed.last else {
      return "one of " + allowed.map(shown).joined(separator: ", ")
    }
    let rest = allowed.dropLast()
    return rest.isEmpty
      ? shown(last) : rest.map(shown).joined(separator: ", ") + " or " + shown(last)
  }

  private static func exit(for error: CommandError) -> TriageExit {
    switch error {
    case .noTerminalToAsk, .noResponder, .unknownValue, .emptyArgument, .badDateFilter,
      .badSentTime,
      .controlCharactersInArchivePath:
      return .usage
    case .openQuestionsWithoutTerminal, .notADraft, .notATriageDraft, .draftForAnotherRunbook,
      .notARecord, .recordForAnotherRunbook:
      return .dataError
    case .noScenarioFiles: return .failure
    case .noArchive, .noObligationsLibrary, .unknownObligation: return .noInput
    case .interruptedDryRun, .interruptedDraftSaved: return .interrupted
    }
  }

  /// An unknown record is missing input (66); an ambiguous prefix is bad input (65).
  private static func exit(for error: RecordLookupError) -> TriageExit {
    switch error {
    case .noSuchRecord: return .noInput
    case .ambiguousPrefix: return .dataError
    }
  }

  private static func usage(for error: ArgumentError, root: Command, program: String) -> String {
    let path = root.path(named: error.commandPath)
    let names = ([program] + path.dropFirst().map(\.name)).joined(separator: " ")
    return """
      Usage: \(UsageGenerator(path: path).synopsis)
        See '\(names) --help' for more information.
      """
  }
}

/// `text` as one line of a message: a value's line breaks and control characters escaped, so that
/// a path or a word cannot forge a `triage:` line (see `VisibleText`).
private func shown(_ text: String) -> String { VisibleText.line(text) }

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
