/// What ``ArchiveStore/verify()`` found: every problem, by file, and the heads.
package struct VerificationReport: Sendable, Equatable {
  /// One problem with one file.
  package struct Issue: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    package enum Kind: Sendable, Equatable {
      /// The file could not be read.
      case unreadable(ArchiveError)
      /// The file is not valid JSON: edited by hand, or truncated.
      case invalidJSON(JSONParseError)
      /// The file is JSON but has no well-formed `integrity` member (or is not an object).
      case missingIntegrity
      /// The contents do not match the recorded hash: the document was edited.
      case hashMismatch(recorded: String, computed: String)
      /// A parent hash that no document in the archive has: a parent was deleted or altered,
      /// or this document was inserted with a forged parent.
      case missingParent(String)
      /// The document's `id` is not its file name: renamed, or another document's contents.
      case idDoesNotMatchFileName(documentID: String?)
      /// The document's `created_at` month is not its folder's: moved to another month.
      case misplaced(expectedDirectory: String)
      /// An amendment names a record (`record_sha256`) that is not in the archive: the record
      /// was deleted, or edited and sealed again.
      case missingRecord(String)
      /// Another file holds a document with the same id.
      case duplicateID(otherPath: String)
      /// A file that is not a document, among the documents.
      case unexpectedFile
      /// A symbolic link inside the archive (a folder or a document): never followed, never
      /// read as a document.
      case symbolicLink
      /// The record's report (`<id>.md`) is missing: deleted, or never written.
      case missingReport
      /// The record's report does not hash to the record's `integrity.report_sha256`: edited.
      case reportEdited(recorded: String, computed: String)
      /// The record's report could not be read.
      case unreadableReport(ArchiveError)
      /// The evidence file an amendment names (by SHA-256) is not under `evidence/`: deleted.
      case evidenceMissing(amendment: String, name: String)
      /// The evidence file an amendment names no longer hashes to the SHA-256 it holds: edited.
      case evidenceChanged(amendment: String, name: String, computed: String)
    }

    /// The file, relative to the archive root.
    package var path: String
    /// The id from the file name, when the file looks like a document.
    package var id: String?
    /// What is wrong.
    package var kind: Kind

    /// Creates an issue.
    package init(path: String, id: String?, kind: Kind) {
      self.path = path
      self.id = id
      self.kind = kind
    }

    /// `PATH: problem`.
    package var description: String {
      let problem =
        switch kind {
        case .unreadable(let error): "cannot be read: \(error)"
        case .invalidJSON(let error): "not valid JSON at \(error)"
        case .missingIntegrity: "no well-formed \"integrity\" member"
        case .hashMismatch(let recorded, let computed):
          "edited: recorded sha256 \(recorded), contents hash to \(computed)"
        case .missingParent(let parent): "parent \(parent) is not in the archive"
        case .idDoesNotMatchFileName(let documentID):
          "file name does not match the document id \(documentID ?? "(none)")"
        case .misplaced(let directory): "created_at says it belongs in \(directory)/"
        case .missingRecord(let record):
          "its record \(record) is not in the archive (deleted, or edited and sealed again)"
        case .duplicateID(let other): "same id as \(other)"
        case .unexpectedFile: "not an archive document"
        case .symbolicLink: "a symbolic link (never followed in an archive)"
        case .missingReport: "the record's report is missing (deleted)"
        case .reportEdited(let recorded, let computed):
          "report edited: the record says sha256 \(recorded), the report hashes to \(computed)"
        case .unreadableReport(let error): "the report cannot be read: \(error)"
        case .evidenceMissing(let amendment, let name):
          "evidence '\(name)' of amendment \(amendment) is missing (deleted)"
        case .evidenceChanged(let amendment, let name, let computed):
          "evidence '\(name)' of amendment \(amendment) was changed: its contents hash to "
            + "\(computed)"
        }
      return "\(path): \(problem)"
    }
  }

  /// How many document files were examined.
  package var documentCount: Int
  /// Every problem found, ordered by path.
  package var issues: [Issue]
  /// The documents no other names as a parent, sorted by hash.
  ///
  /// One head is a linear history;
  /// two after a merge of two copies; the next append names them all.
  package var heads: [DocumentHead]
  /// The records whose report is not covered by their hash, by path.
  ///
  /// They were written before records held their report's hash (`integrity.report_sha256`).
  /// Not a problem: their reports are simply not checked. Made on each use from a packed list
  /// (an old archive can hold hundreds of thousands); ``reportsNotCoveredCount`` is cheaper.
  package var reportsNotCovered: [String] {
    get { notCovered.paths }
    set { notCovered = PackedPaths(newValue) }
  }
  /// How many records ``reportsNotCovered`` names.
  package var reportsNotCoveredCount: Int { notCovered.count }
  /// ``reportsNotCovered``, 12 bytes a record.
  private var notCovered: PackedPaths
  /// Reports without their record, by path.
  ///
  /// Left by a write interrupted between the report and its record (the report is written
  /// first), so not a problem; safe to remove. (A record deleted with its report kept would
  /// look the same; see ``heads``.)
  package var leftoverReports: [String]

  /// Creates a report.
  package init(
    documentCount: Int, issues: [Issue], heads: [DocumentHead], reportsNotCovered: [String] = [],
    leftoverReports: [String] = []
  ) {
    self.documentCount = documentCount
    self.issues = issues
    self.heads = heads
    self.notCovered = PackedPaths(reportsNotCovered)
    self.leftoverReports = leftoverReports
  }

  /// Creates a report with the records not covered packed (see ``PackedPaths``).
  init(
    documentCount: Int, issues: [Issue], heads: [DocumentHead], notCovered: PackedPaths,
    leftoverReports: [String]
  ) {
    self.documentCount = documentCount
    self.issues = issues
    self.heads = heads
    self.notCovered = notCovered
    self.leftoverReports = leftoverReports
  }

  /// Whether no problem was found.
  package var isIntact: Bool { issues.isEmpty }
}
