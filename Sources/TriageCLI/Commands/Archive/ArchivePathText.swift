/// Text from the archive (paths, reasons) made safe to show: control characters written out.
enum ArchivePathText {
  /// `text` with each C0 control, DEL and C1 control written as `\u{XX}` (and `\` as `\\`),
  /// so that nothing in a file name or an environment variable can move the cursor, clear the
  /// screen or hide the rest of the message.
  static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) || text.contains("\\") else {
      return text
    }
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar == "\\" {
        result += "\\\\"
      } else if isControl(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether `scalar` is a C0 control (U+0000–U+001F), DEL (U+007F) or a C1 control
  /// (U+0080–U+009F).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
