import IncidentLog

extension Command {
  /// `triage archive verify [--json]`.
  static let archiveVerify = Command(
    "verify",
    abstract: "Check that no record or amendment was edited, deleted, truncated or forged.",
    discussion: """
      Reads every document, recomputes its SHA-256 over its canonical JSON and follows the \
      parent hashes. Exit 0 when the archive is intact: prints how many documents were checked \
      and the heads (the newest documents; two after a git merge, until the next record joins \
      them). Otherwise prints one line per problem, naming the record or amendment, and exits 65.

      Each record holds the SHA-256 of its Markdown report, so an edited or deleted report is \
      named too. Records written before that (without integrity.report_sha256) still verify; \
      their reports are "not covered" and counted on a line of their own (reports_not_covered \
      in --json). A report without its record is the leftover of an interrupted write: named \
      (leftover_reports), not a problem, safe to remove. Symbolic links inside the archive are \
      never followed and are named as problems.

      A deleted document shows as a missing parent of the documents written after it, and a \
      deleted or edited record also through its amendments, which name it by id and hash. A \
      deleted head leaves no trace in the files that remain: compare the heads with a copy (git \
      history), or keep a checkpoint (archive checkpoint) elsewhere and give it with \
      --checkpoint FILE: the archive must still hold every document it covered, unchanged \
      (each one dropped or changed is named), checked with an RFC 9162 consistency proof when \
      the archive grew linearly.

      Each document's SSH signature (<doc>.json.sig) is checked against the archive's \
      allowed_signers: signed by whom, unsigned, or badly signed (a bad signature, or a key \
      not listed). A signature that does not match its document fails verify; \
      --require-signatures also fails on any document not signed by a listed key, and \
      on an unsigned checkpoint. Without ssh-keygen (OpenSSH), signatures are not checked and \
      verify says so.
      """,
    options: [
      .json, .value(.checkpoint, valueName: "file", help: "Check that the archive extends it."),
      .flag(.requireSignatures, help: "Fail unless every document is signed by a listed key."),
      .archive,
    ],
    action: ArchiveVerifyCommand.run)
}

/// What `triage archive verify` does.
enum ArchiveVerifyCommand {
  static func run(_ invocation: Invocation, _ context: CommandContext) throws -> TriageExit {
    let store = try context.existingArchive(invocation)
    let report = try store.verify()
    let trust = try ArchiveTrustCheck(invocation, context, store: store)
    if invocation.flag(.json) {
      var value = json(report)
      if case .object(var object) = value {
        for (key, member) in trust.json { object[key] = member }
        object["intact"] = .bool(report.isIntact && trust.isIntact)
        value = .object(object)
      }
      context.standardOutput.write(JSONPrettyPrinter.string(of: value.stamped(.archiveVerify)))
    } else {
      context.standardOutput.write(text(report) + trust.lines.map { $0 + "\n" }.joined())
    }
    return report.isIntact && trust.isIntact ? .success : .dataError
  }

  static func text(_ report: VerificationReport) -> String {
    var lines: [String] = []
    if report.isIntact {
      lines.append("Archive intact: \(report.documentCount) documents checked.")
    } else {
      for issue in report.issues { lines.append(describe(issue)) }
      let count = report.issues.count
      lines.append(
        "Archive NOT intact: \(count) problem\(count == 1 ? "" : "s") in "
          + "\(report.documentCount) documents.")
    }
    if report.reportsNotCoveredCount > 0 {
      let count = report.reportsNotCoveredCount
      lines.append(
        "Reports not covered: \(count) record\(count == 1 ? "" : "s") written before records "
          + "held their report's hash; \(count == 1 ? "its report is" : "their reports are") "
          + "not checked.")
    }
    for path in report.leftoverReports {
      lines.append(
        "Leftover: \(path): a report without its record (an interrupted write); safe to remove.")
    }
    lines.append("Heads (\(report.heads.count)):")
    for head in report.heads { lines.append("  \(head.sha256)  \(head.location.path)") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `record ID: PATH: problem`, with the kind of tampering in plain words.
  static func describe(_ issue: VerificationReport.Issue) -> String {
    let kind = issue.path.hasPrefix("amendments/") ? "amendment" : "record"
    let subject =
      issue.id.map { "\(kind) \($0)" } ?? (issue.path.hasPrefix("evidence/") ? "evidence" : "file")
    let problem: String
    switch issue.kind {
    case .hashMismatch(let recorded, let computed):
      problem = "edited: the contents hash to \(computed), not the recorded \(recorded)"
    case .invalidJSON(let error):
      problem = "truncated or not valid JSON (\(error))"
    case .missingParent(let parent):
      problem =
        "names parent \(parent), which is not in the archive: that document was deleted "
        + "or edited, or this one was inserted with a forged parent"
    default:
      return "\(subject): \(issue.description)"
    }
    return "\(subject): \(issue.path): \(problem)"
  }

  static func json(_ report: VerificationReport) -> JSONValue {
    [
      "intact": .bool(report.isIntact),
      "documents": .number(Double(report.documentCount)),
      "issues": .array(
        report.issues.map { issue in
          [
            "path": .string(issue.path), "id": issue.id.map(JSONValue.string) ?? .null,
            "message": .string(describe(issue)),
          ]
        }),
      "reports_not_covered": .array(report.reportsNotCovered.map(JSONValue.string)),
      "leftover_reports": .array(report.leftoverReports.map(JSONValue.string)),
      "heads": .array(
        report.heads.map { head in
          ["sha256": .string(head.sha256), "path": .string(head.location.path)]
        }),
    ]
  }
}
