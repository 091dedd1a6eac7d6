/// Why a file cannot be kept as evidence, as facts; the command line words it (exit 65).
package enum EvidenceError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file is larger than ``EvidenceFile/sizeLimit``.
  case tooLarge(name: String, size: Int, limit: Int)
  /// A text file holds something that looks like a live secret, first at `line`:`column`
  /// (both from 1; columns count characters). The value is never repeated.
  case looksLikeSecret(name: String, line: Int, column: Int, kind: String)
  /// The archive already keeps a file under this hash, and its bytes no longer hash to it:
  /// it was changed after it was kept. Never overwritten; `archive verify` names it too.
  case keptFileChanged(path: String)

  /// The error in words.
  package var description: String {
    switch self {
    case .tooLarge(let name, let size, let limit):
      "\(name): \(size) bytes, larger than the limit of \(limit >> 20) MiB for evidence. "
        + "Nothing was written."
    case .looksLikeSecret(let name, let line, let column, let kind):
      "\(name):\(line):\(column): looks like \(kind); evidence is kept as it stands, so "
        + "redact the secret (and rotate it) before attaching. Nothing was written."
    case .keptFileChanged(let path):
      "\(path): the evidence kept under this hash was changed after it was kept "
        + "(triage archive verify names it). Nothing was written."
    }
  }
}
