import IncidentLog
import YAMLLite

/// The archive's optional `config.yaml`, as far as signing and checkpoints read it.
///
/// `signing-key: PATH` (relative to the archive) and `origin: NAME` (the checkpoints' origin).
/// Other keys belong to other features and are left alone; a file that does not parse is
/// treated as absent, and ``problem`` says why.
struct ArchiveConfig: Equatable {
  /// The file's name in the archive root.
  static let fileName = "config.yaml"

  /// The signing key's path, made absolute against the archive.
  var signingKey: String?
  /// The checkpoints' origin.
  var origin: String?
  /// Why the file that is there could not be read, with its position; nil when it could.
  var problem: String?

  /// Reads `config.yaml` of the archive at `root`; empty when missing or unreadable.
  init(archive root: String, fileSystem: any FileSystem) {
    let path = root + "/" + Self.fileName
    guard let bytes = try? fileSystem.readFile(at: path, upTo: 64 << 10) else { return }
    let node: Node
    do {
      node = try YAMLParser.parse(bytes, file: path)
    } catch {
      problem = "\(error)"
      return
    }
    if let key = node[key: "signing-key"]?.scalarText, !key.isEmpty {
      signingKey = key.hasPrefix("/") ? key : root + "/" + key
    }
    origin = node[key: "origin"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
  }
}
