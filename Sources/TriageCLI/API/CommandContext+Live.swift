import Foundation
import IncidentLog

#if canImport(Glibc)
  import Glibc
#endif

extension CommandContext {
  /// The real process: file descriptors 0, 1 and 2, the local file system, the process
  /// environment and working directory, the system clock and the real terminal.
  package static func live() -> CommandContext {
    let environment = processEnvironment()
    return CommandContext(
      standardInput: FileDescriptorInput(descriptor: 0),
      standardOutput: FileDescriptorOutput(descriptor: 1),
      standardError: FileDescriptorOutput(descriptor: 2),
      fileSystem: SystemFileSystem(),
      environment: environment,
      currentDirectory: SystemFileSystem.currentDirectory(),
      now: { Date() },
      terminal: LiveTerminal.traits(environment: Environment(environment)),
      executablePath: executablePath(),
      programName: ProgramName.shown(
        argumentZero: CommandLine.arguments.first ?? "", path: Environment(environment)[.path]))
  }

  /// The process environment, read from `environ`: what `ProcessInfo.environment` gives, at a
  /// small part of its cost (it took more instructions than reading an obligation file).
  ///
  /// Entries without `=` are left out; where a name repeats, the first entry wins, as for
  /// `getenv(3)`.
  package static func processEnvironment() -> [String: String] {
    #if canImport(Glibc)
      var variables: [String: String] = [:]
      var entry = environ
      while let pointer = entry.pointee {
        let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
        if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
          let name = String(decoding: bytes[..<equals], as: UTF8.self)
          if variables[name] == nil {
            variables[name] = String(decoding: bytes[(equals + 1)...], as: UTF8.self)
          }
        }
        entry += 1
      }
      return variables
    #else
      return ProcessInfo.processInfo.environment
    #endif
  }

  /// The running executable's path (`/proc/self/exe` on Linux, as `Bundle.main` finds it,
  /// without building the bundle); nil if it cannot be read.
  package static func executablePath() -> String? {
    #if os(Linux)
      var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = buffer.withUnsafeMutableBufferPointer { pointer in
        pointer.withMemoryRebound(to: CChar.self) { characters in
          guard let base = characters.baseAddress else { return -1 }
          return readlink("/proc/self/exe", base, characters.count - 1)
        }
      }
      if count > 0 { return String(decoding: buffer[..<count], as: UTF8.self) }
    #endif
    return Bundle.main.executablePath
  }
}
