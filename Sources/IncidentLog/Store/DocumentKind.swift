/// What an archive document is: a record, or an amendment that follows one up.
package enum DocumentKind: String, Sendable, Equatable, CaseIterable {
  /// An incident record, under `records/`.
  case record
  /// A follow-up (an action done, a note, a closure), under `amendments/`.
  case amendment

  /// The top-level folder of this kind in an archive.
  package var directoryName: String {
    switch self {
    case .record: "records"
    case .amendment: "amendments"
    }
  }
}
