/// A listing for each document kind that has one: a record folder's and an amendment folder's.
///
/// Two stored properties rather than a dictionary keyed by ``DocumentKind``: the first
/// dictionary of a new key type costs the Swift runtime a scan of every conformance record of
/// the process (about 350,000 instructions, more than the whole heads cache otherwise).
struct ListingsByKind: Equatable {
  private var record: ArchiveListing?
  private var amendment: ArchiveListing?

  init() {}

  /// The listing of `kind`'s folder, nil when it holds no document.
  subscript(kind: DocumentKind) -> ArchiveListing? {
    get {
      switch kind {
      case .record: record
      case .amendment: amendment
      }
    }
    set {
      switch kind {
      case .record: record = newValue
      case .amendment: amendment = newValue
      }
    }
  }

  /// The kinds that have a listing, in ``DocumentKind/allCases`` order.
  var kinds: [DocumentKind] { DocumentKind.allCases.filter { self[$0] != nil } }
}
