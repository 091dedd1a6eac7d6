/// The one seam for SSH signatures: `ssh-keygen -Y sign|verify|find-principals` with the
/// namespace `triage`.
///
/// The real one (`OpenSSHSignatureTool`) runs `ssh-keygen` and lives in `TriageCLI`, the edge
/// that may start processes; tests use a double.
package protocol SignatureTool: Sendable {
  /// Why signing and signature checks cannot be done at all (no `ssh-keygen`), or nil.
  var unavailableReason: String? { get }

  /// The armored SSH signature (`-----BEGIN SSH SIGNATURE-----` ...) of `message` with the
  /// private key at `keyPath`.
  ///
  /// - Throws: ``SignatureError`` when the tool fails.
  func sign(_ message: [UInt8], keyPath: String) throws(SignatureError) -> String

  /// Checks the armored `signature` of `message` against the `allowed_signers` file at
  /// `allowedSignersPath` (which may be missing).
  func verify(_ message: [UInt8], signature: String, allowedSignersPath: String) -> SignatureCheck
}

/// Signing failed: what the tool said.
package struct SignatureError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The tool's message, or why it could not run.
  package var message: String

  /// Creates an error.
  package init(_ message: String) {
    self.message = message
  }

  package var description: String { message }
}

/// What checking one signature found.
package enum SignatureCheck: Sendable, Equatable {
  /// A good signature by a key listed in `allowed_signers` for this principal.
  case signed(principal: String)
  /// A good signature, by a key that `allowed_signers` does not list (its fingerprint).
  case unknownKey(fingerprint: String)
  /// The signature does not match the document (or cannot be read).
  case bad(reason: String)
  /// The check could not be made (no `ssh-keygen`): why.
  case notChecked(reason: String)
}
