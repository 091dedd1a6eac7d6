import Foundation
import Testing

@testable import IncidentLog

@Suite("Fast document digest") struct FastDocumentDigestTests {
  /// The general path: parse, canonicalize without `integrity.sha256`, hash.
  func slowDigest(_ bytes: [UInt8]) -> (computed: String, recorded: String, parents: [String])? {
    guard let value = try? JSONValue.parse(bytes), let object = value.objectValue,
      let recorded = DocumentIntegrity.recorded(in: object)
    else { return nil }
    return (DocumentIntegrity.computedHash(of: object), recorded.sha256, recorded.parents.sorted())
  }

  func sealed(_ value: JSONValue) -> [UInt8] {
    let (object, _) = DocumentIntegrity.sealed(
      value.objectValue ?? JSONObject(), parents: [String(repeating: "b", count: 64)])
    return JSONPrettyPrinter.bytes(of: .object(object))
  }

  static let documents: [JSONValue] = [
    ArchiveTestRecords.record(),
    ["id": "x", "text": "line one\nline \"two\"\t\u{1}\u{1F}é中😀/\\", "n": -42, "z": 0],
    ["b": [1, 2, [3, [:], []], ["k": true, "j": false, "i": nil]], "a": "", "": "empty key"],
    ["draft": "Dear authority,\r\n\u{8}\u{C}we report.", "count": 123_456_789_012_345],
  ]

  @Test("agrees with parse-and-canonicalize on what the archive writes", arguments: documents)
  func agrees(document: JSONValue) throws {
    let bytes = sealed(document)
    let fast = try #require(FastDocumentDigest(bytes: bytes))
    let slow = try #require(slowDigest(bytes))
    #expect(fast.computedSHA256 == slow.computed)
    #expect(fast.recordedSHA256 == slow.recorded)
    #expect(fast.computedSHA256 == fast.recordedSHA256)
    #expect(fast.parents == slow.parents)
  }

  static let declined: [String] = [
    #"{"n": 1.5, "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"s": "\u0041", "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"s": "a\/b", "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"é": 1, "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"a": 1, "a": 2, "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"n": -0, "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"n": 01, "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"n": 1234567890123456, "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"s": "\u000a", "integrity": {"parents": [], "sha256": "\#(String(repeating: "a", count: 64))"}}"#,
    #"{"integrity": {"parents": [], "sha256": "ABC"}}"#,
    #"{"s": "unterminated, "integrity": {}}"#,
    #"[1, 2]"#,
    #"{"a": 1} trailing"#,
  ]

  @Test("declines what it does not cover, for the general path to decide", arguments: declined)
  func declines(text: String) {
    #expect(FastDocumentDigest(bytes: Array(text.utf8)) == nil)
  }

  @Test("invalid UTF-8 is declined")
  func invalidUTF8() {
    let digest = String(repeating: "a", count: 64)
    for bad: [UInt8] in [
      [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82],
    ] {
      let bytes =
        Array(#"{"s": ""#.utf8) + bad
        + Array(#"", "integrity": {"parents": [], "sha256": "\#(digest)"}}"#.utf8)
      #expect(FastDocumentDigest(bytes: bytes) == nil)
    }
  }

  @Test("every single-byte edit of a record is caught or declined, never misjudged")
  func edits() throws {
    let original = sealed(ArchiveTestRecords.record())
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      var bytes = original
      let index = Int.random(in: 0..<bytes.count, using: &generator)
      bytes[index] = UInt8.random(in: 0x20...0x7E, using: &generator)
      guard let fast = FastDocumentDigest(bytes: bytes) else { continue }
      let slow = try #require(slowDigest(bytes), "fast path accepted what the parser refuses")
      #expect(fast.computedSHA256 == slow.computed)
      #expect(fast.recordedSHA256 == slow.recorded)
    }
  }
}
