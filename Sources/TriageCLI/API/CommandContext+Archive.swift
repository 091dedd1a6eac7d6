import IncidentLog
import RunbookCore

extension CommandContext {
  /// The archive named by `--archive`, else `TRIAGE_ARCHIVE`, else `./incident-log`, made
  /// absolute against the working directory.
  ///
  /// - Throws: `CommandError.controlCharactersInArchivePath` (exit 2) when the name holds a
  ///   control character (C0, DEL or C1): such a name is a mistake or an attack, never a
  ///   folder anyone meant, and it would be written into messages and shell commands.
  func archivePath(_ invocation: Invocation) throws -> String {
    let named: (value: String, source: String)? =
      invocation.value(.archive).map { ($0, "--archive") }
      ?? environment[.triageArchive].map { ($0, "TRIAGE_ARCHIVE") }
    if let named, named.value.unicodeScalars.contains(where: Self.isControl) {
      throw CommandError.controlCharactersInArchivePath(source: named.source, value: named.value)
    }
    return resolvedPath(named?.value ?? "incident-log")
  }

  /// The existing archive named by the invocation, on this context's file system; warns when
  /// its folder is writable by group or others.
  ///
  /// - Throws: `CommandError.noArchive` (exit 66) when there is no archive folder there.
  func existingArchive(_ invocation: Invocation) throws -> ArchiveStore {
    let root = try archivePath(invocation)
    guard isDirectory(root) else { throw CommandError.noArchive(path: root) }
    warnIfWritableByOthers(archive: root)
    return ArchiveStore(root: root, fileSystem: fileSystem)
  }

  /// Warns on standard error when the archive folder `root` is writable by group or others.
  ///
  /// `triage: warning: …` when its mode has `0o022` bits: anyone who can write there can add,
  /// remove or rename records. Nothing when it does not exist or cannot be examined.
  func warnIfWritableByOthers(archive root: String) {
    guard let mode = try? fileSystem.permissions(at: root), mode & 0o022 != 0 else { return }
    let octal = String(mode & 0o7777, radix: 8)
    standardError.write(
      "triage: warning: \(VisibleText.line(root)): the archive folder is writable by "
        + "group or others (mode \(octal)); anyone who can write there can add, remove or "
        + "rename records (chmod go-w fixes it)\n")
  }

  /// Whether `scalar` is a C0 control (U+0000–U+001F), DEL (U+007F) or a C1 control
  /// (U+0080–U+009F).
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
