extension YAMLError {
  /// The kinds of refusal. Cases name what the input did.
  public enum Kind: Sendable, Equatable {
    case notImplemented

    var message: String {
      switch self {
      case .notImplemented: return "the parser is not written yet"
      }
    }
  }
}
