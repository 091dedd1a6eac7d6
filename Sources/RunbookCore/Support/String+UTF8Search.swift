extension String {
  /// Whether the UTF-8 form holds `byte`: a scan of the string's own storage when it has one
  /// (native strings do), which is several times cheaper than walking the UTF-8 view.
  func containsUTF8Byte(_ byte: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
  }
}
