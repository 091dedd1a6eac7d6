/// Comma-separated values that spreadsheets open (RFC 4180): every line ends with CRLF, and a
/// field holding a comma, a double quote, CR or LF is quoted, with its quotes doubled.
///
/// A field starting with `=`, `+`, `-`, `@`, tab or CR is written with a leading `'`, so that a
/// spreadsheet shows it as text instead of running it as a formula (CSV injection: record text
/// comes from vendors' statements and responders' answers).
package enum CSVWriter {
  /// One line of fields, with its CRLF.
  package static func line(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field, neutralized and quoted as needed.
  package static func field(_ text: String) -> String {
    var value = text
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      value = "'" + value
    }
    let needsQuotes = value.contains {
      $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n"
    }
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
