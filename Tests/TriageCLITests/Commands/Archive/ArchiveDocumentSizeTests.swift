import IncidentLog
import Testing
import TriageCLI
import TriageTestSupport

/// An archive document past ``ArchiveStore/documentSizeLimit`` is never read whole: it is named
/// as unreadable, like any record that does not read.
@Suite struct ArchiveDocumentSizeTests {
  static let huge = "records/2021/04/20210422T000000Z-0000000f.json"

  @Test("a record file past 16 MiB is named, not read, and list exits 65")
  func hugeRecordIsNamed() {
    let tree = InMemoryFileSystem(
      Dictionary(
        uniqueKeysWithValues: archiveFixtureDocuments.map { ("/w/log/" + $0.path, $0.text) }))
    let padding = String(repeating: " ", count: ArchiveStore.documentSizeLimit)
    tree.add(["/w/log/" + Self.huge: "{\"format\": \"triage-record/1\",\(padding)}"])
    let context = CommandContext.testing(fileSystem: tree)

    let exit = Triage.main(["archive", "list", "--archive", "log"], context: context)

    #expect(exit == .dataError)
    #expect(
      context.capturedError
        == "triage: /w/log/\(Self.huge): not a readable record: "
        + "larger than the limit of 16 MiB for an archive document\n")
    #expect(context.capturedOutput.split(separator: "\n").count == 3)
  }

  @Test("the real file system stops reading a document one byte past the limit it is given")
  func readingStopsAtTheLimit() throws {
    let bytes = try SystemFileSystem().readDocumentFile(at: "/dev/zero", upTo: 4097)
    #expect(bytes.count == 4097)
  }
}
