#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output or standard error of the real process, written with `write(2)`.
final class FileDescriptorOutput: TextOutput {
  private let descriptor: Int32
  private(set) var didFail = false

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  func write(_ text: String) {
    write(visible: Array(text.utf8))
  }

  func write(visible bytes: [UInt8]) {
    var bytes = bytes[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress, buffer.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        didFail = true
        return
      }
      bytes = bytes.dropFirst(written)
    }
  }
}

/// Standard input of the real process, read with `read(2)`.
final class FileDescriptorInput: TextInput {
  private let descriptor: Int32

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  func readAll() throws(FileError) -> [UInt8] {
    try readAll(upTo: Int.max)
  }

  func readAll(upTo maxCount: Int) throws(FileError) -> [UInt8] {
    do {
      return try readToEnd(descriptor, upTo: maxCount)
    } catch {
      throw error.about("-")
    }
  }

  /// Reads a typed line with SIGINT and SIGHUP caught: Ctrl-C or a lost terminal ends the read
  /// with `.interrupted` (the read is not restarted), so the session can save a draft.
  func readAnswerLine() -> LineRead {
    InterruptSignals.install()
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      if InterruptSignals.wasRaised { return .interrupted }
      let count = systemRead(descriptor, &byte, 1)
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return .interrupted }
      if count == 0 {
        return line.isEmpty ? .endOfInput : .line(String(decoding: line, as: UTF8.self))
      }
      if byte == UInt8(ascii: "\n") { return .line(String(decoding: line, as: UTF8.self)) }
      line.append(byte)
    }
  }

  func readLine() -> String? {
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while true {
      let count = systemRead(descriptor, &byte, 1)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
      if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
      line.append(byte)
    }
  }
}

/// Reads `descriptor` to its end, or until `maxCount` bytes have been read.
func readToEnd(_ descriptor: Int32, upTo maxCount: Int = Int.max) throws(FileError) -> [UInt8] {
  var result: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65_536)
  while result.count < maxCount {
    let wanted = min(chunk.count, maxCount - result.count)
    let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
    if count < 0 {
      if errno == EINTR { continue }
      throw .unreadable(path: "", reason: errorDescription(errno))
    }
    if count == 0 { break }
    result.append(contentsOf: chunk[..<count])
  }
  return result
}

/// The C library's words for `code` (`strerror`), lower-cased like the rest of our messages.
func errorDescription(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "error \(code)" }
  let description = String(cString: text)
  return description.prefix(1).lowercased() + description.dropFirst()
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.write(fd, buffer, count)
  #else
    Darwin.write(fd, buffer, count)
  #endif
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
  #else
    Darwin.read(fd, buffer, count)
  #endif
}
