import Foundation
import RunbookCore

/// Turns a `TestReport` into what `triage test` prints.
enum TestReportFormatter {
  /// `PASS name` / `FAIL name` lines, each failure and warning indented below its scenario as
  /// `FILE:LINE:COLUMN: message`, the coverage report if any, and last `N passed, N failed`.
  static func text(_ report: TestReport) -> String {
    var text = ""
    for entry in report.entries {
      text += "\(entry.passed ? "PASS" : "FAIL") \(entry.name)\n"
      for diagnostic in entry.failures + entry.warnings {
        text += "  \(DiagnosticsError.line(diagnostic))\n"
      }
    }
    if let coverage = report.coverage {
      text += "\n" + CoverageFormatter.text(coverage, untested: report.untestedRunbooks) + "\n"
    }
    text += "\(report.passedCount) passed, \(report.failedCount) failed\n"
    return text
  }

  /// The same as JSON: `{"scenarios": [...], "passed": N, "failed": N, "coverage": [...]}`.
  static func json(_ report: TestReport) -> String {
    func diagnostic(_ diagnostic: Diagnostic) -> [String: Any] {
      [
        "file": diagnostic.location.file, "line": diagnostic.location.line,
        "column": diagnostic.location.column, "code": diagnostic.code,
        "message": diagnostic.message,
      ]
    }
    var object: [String: Any] = [
      "scenarios": report.entries.map { entry -> [String: Any] in
        [
          "name": entry.name, "file": entry.file,
          "status": entry.passed ? "pass" : (entry.isMalformed ? "malformed" : "fail"),
          "failures": entry.failures.map(diagnostic), "warnings": entry.warnings.map(diagnostic),
        ]
      },
      "passed": report.passedCount,
      "failed": report.failedCount,
      "format": JSONOutputFormat.test.rawValue,
    ]
    if let coverage = report.coverage {
      object["coverage"] = CoverageFormatter.jsonObject(
        coverage, untested: report.untestedRunbooks)
    }
    let options: JSONSerialization.WritingOptions = [
      .prettyPrinted, .sortedKeys, .withoutEscapingSlashes,
    ]
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else {
      return "{}\n"
    }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
