import IncidentLog
import Testing

/// The `evidence` change of an amendment: its JSON, read back, and what is refused.
@Suite struct EvidenceAmendmentTests {
  let file = EvidenceFile(
    sha256: String(repeating: "ab", count: 32), size: 48_213, name: "notice.html",
    mediaType: "text/html", note: "As published.")

  @Test func roundTrips() throws {
    let change = AmendmentChange.evidence(file)
    #expect(change.type == "evidence")
    #expect(change.text == "As published.")
    #expect(
      CanonicalJSON.string(of: change.jsonValue)
        == #"{"evidence":{"media_type":"text/html","name":"notice.html","note":"As published.","#
        + #""sha256":"\#(file.sha256)","size":48213},"type":"evidence"}"#)
    #expect(try AmendmentChange(json: change.jsonValue) == change)
    var unnoted = file
    unnoted.note = nil
    #expect(
      try AmendmentChange(json: AmendmentChange.evidence(unnoted).jsonValue) == .evidence(unnoted))
  }

  @Test(
    "a hash that could reach another path, or a size that is not a count, is refused",
    arguments: [
      ("sha256", JSONValue.string("../../records/2021/04/x")),
      ("sha256", .string(String(repeating: "AB", count: 32))),
      ("size", .number(-1)),
      ("size", .number(1.5)),
    ])
  func refused(_ member: String, _ value: JSONValue) {
    guard case .object(var evidence) = file.jsonValue else { return }
    evidence[member] = value
    let change: JSONValue = ["type": "evidence", "evidence": .object(evidence)]
    #expect(throws: RecordDecodingError.self) { try AmendmentChange(json: change) }
  }
}
