import Testing
import TriageTestSupport

extension InProcessRun {
  /// The working folder of an in-process run holding only `SampleRunbooks.mini`, as `mini.yaml`.
  static let miniFiles = ["/w/mini.yaml": SampleRunbooks.mini]

  /// Runs `arguments` in-process and expects success, nothing on standard error and exactly
  /// `output` on standard output.
  static func expectOutput(
    of arguments: [String], files: [String: String] = miniFiles, is output: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let run = InProcessRun(arguments, files: files)
    #expect(run.exit == .success, sourceLocation: sourceLocation)
    #expect(run.error == "", sourceLocation: sourceLocation)
    #expect(run.output == output, sourceLocation: sourceLocation)
  }
}
