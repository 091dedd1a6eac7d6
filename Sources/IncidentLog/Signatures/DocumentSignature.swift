/// One archive document's signature status, as `archive verify` reports it.
package struct DocumentSignature: Sendable, Equatable {
  /// Signed by an allowed key, unsigned, or badly signed.
  package enum Status: Sendable, Equatable {
    /// No `<doc>.json.sig` beside the document.
    case unsigned
    /// What checking the `.sig` file found.
    case checked(SignatureCheck)
  }

  /// The document.
  package var location: DocumentLocation
  /// Its status.
  package var status: Status

  /// Creates a status.
  package init(location: DocumentLocation, status: Status) {
    self.location = location
    self.status = status
  }

  /// Whether the document is signed by a key in `allowed_signers` for a named principal.
  package var isGood: Bool {
    if case .checked(.signed) = status { return true }
    return false
  }
}
