import Foundation
import IncidentLog

/// Everything a command may touch outside itself: its streams, files, environment, clock,
/// working directory and what is known about the terminal.
///
/// Commands never call `print`, the file system, `ProcessInfo` or `Date()` themselves; they go
/// through their context, so a test builds one with `CommandContext.testing(...)` and runs a
/// whole command line in-process. `live()` is the real one, built once by `main.swift`.
package struct CommandContext {
  /// Standard input (`-` as a file argument reads it).
  package var standardInput: any TextInput
  /// Standard output: results, help, JSON.
  package var standardOutput: any TextOutput
  /// Standard error: only `ErrorReporter` and progress messages write here.
  package var standardError: any TextOutput
  /// The file seam: every file a command lists, reads, writes or removes, the archive's
  /// included, goes through it (`SystemFileSystem` in `live()`, a tree in memory in tests).
  package var fileSystem: any FileSystem
  /// The process environment (`NO_COLOR`, `TRIAGE_ARCHIVE`, `TRIAGE_RUNBOOKS`, ...).
  package var environment: Environment
  /// The directory relative paths are resolved against.
  package var currentDirectory: String
  /// The clock: the only source of "now" for the layers below.
  package var now: @Sendable () -> Date
  /// Which streams are terminals, and how wide the terminal is.
  package var terminal: TerminalTraits
  /// Whether colour may be used at all (`--no-color` turns it off).
  package var colourChoice: ColourChoice
  /// The path of the running `triage` binary, to find the runbooks installed beside it
  /// (`PREFIX/bin/triage` → `PREFIX/share/triage/Runbooks`); nil in tests.
  package var executablePath: String?
  /// The SSH signature tool; nil means `ssh-keygen` on `PATH` (tests set a double).
  package var signatureTool: (any SignatureTool)?
  /// The program's name in commands suggested to the user (see `ProgramName`): `triage`, or
  /// `swift run triage` when started by `swift run`.
  package var programName: String

  package init(
    standardInput: any TextInput,
    standardOutput: any TextOutput,
    standardError: any TextOutput,
    fileSystem: any FileSystem,
    environment: [String: String],
    currentDirectory: String,
    now: @escaping @Sendable () -> Date,
    terminal: TerminalTraits,
    colourChoice: ColourChoice = .automatic,
    executablePath: String? = nil,
    programName: String = ProgramName.plain
  ) {
    self.standardInput = standardInput
    self.standardOutput = standardOutput
    self.standardError = standardError
    self.fileSystem = fileSystem
    self.environment = Environment(environment)
    self.currentDirectory = currentDirectory
    self.now = now
    self.terminal = terminal
    self.colourChoice = colourChoice
    self.executablePath = executablePath
    self.programName = programName
  }
}

extension CommandContext {
  /// The styles for text written to standard output (colour only on a terminal, never with
  /// `NO_COLOR` or `--no-color`).
  package var outputStyle: TextStyle {
    TextStyle(
      isEnabled: ColourPolicy.usesColour(
        isTerminal: terminal.isOutputTerminal, environment: environment, choice: colourChoice))
  }

  /// The styles for text written to standard error.
  package var errorStyle: TextStyle {
    TextStyle(
      isEnabled: ColourPolicy.usesColour(
        isTerminal: terminal.isErrorTerminal, environment: environment, choice: colourChoice))
  }

  /// The width to wrap text for standard output to: the terminal's, else 80.
  package var outputWidth: Int { terminal.isOutputTerminal ? terminal.width ?? 80 : 80 }

  /// Reads a file named on the command line, or standard input for `-`, up to the size limit
  /// for what it is read as.
  ///
  /// At most one byte more than the limit is read, so `/dev/zero` or a 1 GB file ends at once.
  ///
  /// - Throws: `FileError` (`noSuchFile` for a missing file, `tooLarge` past the limit,
  ///   `unreadable` otherwise).
  package func readInput(_ path: String, as input: InputKind) throws(FileError) -> [UInt8] {
    let bytes: [UInt8]
    if path == "-" {
      bytes = try standardInput.readAll(upTo: input.limit + 1)
    } else {
      do {
        bytes = try fileSystem.readFile(at: resolvedPath(path), upTo: input.limit + 1)
      } catch {
        throw FileError(error, path: path)
      }
    }
    guard bytes.count <= input.limit else { throw .tooLarge(path: path, input: input) }
    return bytes
  }

  /// Whether `path` (relative to `currentDirectory`) names a directory; false when it does not
  /// exist or cannot be looked at.
  package func isDirectory(_ path: String) -> Bool {
    (try? fileSystem.isDirectory(at: resolvedPath(path))) == true
  }

  /// `path` made absolute against `currentDirectory`.
  package func resolvedPath(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
    return base + path
  }
}
