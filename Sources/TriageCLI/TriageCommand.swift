import Foundation
import YAMLLite

/// The triage command line: parses the arguments, runs one command, and returns the exit status.
///
/// Provisional frame: only `parse FILE --json` works until the argument parser lands.
public enum TriageCommand {
  /// Runs triage with `arguments` (without the program name) and returns the process exit status.
  public static func main(_ arguments: [String]) -> Int32 {
    guard arguments.count >= 2, arguments[0] == "parse" else { return 2 }
    let path = arguments[1]
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("triage: \(path): no such file\n".utf8))
      return 66
    }
    do {
      let node = try YAMLParser.parse(Array(data), file: path)
      if arguments.contains("--json") {
        print(NodeFormatter.json(node))
      }
      return 0
    } catch {
      FileHandle.standardError.write(Data("triage: \(error.description)\n".utf8))
      return 65
    }
  }
}
