import Foundation
import Testing

@testable import IncidentLog

@Suite("Pretty and canonical JSON in one walk")
struct JSONTwinWriterTests {
  static let values: [JSONValue] = [
    ArchiveTestRecords.record(),
    ["id": "x", "text": "line one\nline \"two\"\t\u{1}\u{1F}é中😀/\\", "n": -42, "z": 0],
    ["b": [1, 2, [3, [:], []], ["k": true, "j": false, "i": nil]], "a": "", "": "empty key"],
    ["draft": "Dear authority,\r\n\u{8}\u{C}we report.", "count": 123_456_789_012_345],
    // Keys whose UTF-16 order differs from their UTF-8 order, and nested objects out of order.
    [
      "\u{FF61}": 1, "\u{1F600}": 2,
      "z": ["y": ["c": 1, "b": 2, "a": 3], "x": [["q": 1, "p": 2]]],
    ],
    // Numbers: integers on both sides of 2^53, fractions, exponents, negative zero.
    [
      "n": [0, -0.0, 1, -1, 9_007_199_254_740_991, 9_007_199_254_740_992, 1e21, 1e22, 0.5, 1e-7],
      "m": [-123_456, 2.5e-300, 333_333_333.333_333_3],
    ],
    // Objects sharing their keys, in other orders, and keys equal as characters but not as
    // bytes (KELVIN SIGN is `K` to `==`, but sorts after `L`).
    [
      ["b": 1, "a": 2], ["b": 3, "a": 4], ["a": 5, "b": 6], ["b": 7, "a": 8, "c": 9],
      ["K": 1, "L": 2], ["\u{212A}": 1, "L": 2], ["K": 3, "L": 4],
    ],
    // Keys of more than 15 bytes (kept outside the string), equal but in other storage: a
    // shape is matched by the keys' bytes, not only by the strings' bits.
    [
      ["a_key_longer_than_fifteen": 1, "b": 2],
      .object(
        JSONObject([
          .init(key: String(repeating: "a", count: 1) + "_key_longer_than_fifteen", value: 3),
          .init(key: "b", value: 4),
        ])),
      ["a_key_longer_than_fifteen": 5, "c": 6],
    ],
    .array([]), .object(JSONObject()), "just a string", 7, nil, true,
    .object(JSONObject((0..<40).map { .init(key: "key\(39 - $0)", value: .number(Double($0))) })),
    // More shapes than the writer keeps (the later ones written without one), each met twice,
    // and shapes of the same size whose keys differ only in the last one.
    .array(
      (0..<80).map { index in
        ["z\(index % 70)": .number(Double(index)), "a": "x", "m\(index % 3)": nil]
      }),
  ]

  @Test("writes what the pretty printer and the canonical form write", arguments: values)
  func agrees(value: JSONValue) {
    var writer = JSONTwinWriter(capacity: 16)
    writer.write(value, indent: 0)
    #expect(writer.pretty.array() + [UInt8(ascii: "\n")] == JSONPrettyPrinter.bytes(of: value))
    #expect(writer.canonical.array() == CanonicalJSON.bytes(of: value))
  }

  static let documents: [JSONValue] =
    values.filter { $0.objectValue != nil } + [
      // An `integrity` already there keeps its place; its old members are replaced.
      ["id": "x", "integrity": ["sha256": "old", "parents": ["old"]], "after": ["b": 1, "a": 2]],
      ["integrity": "not an object", "a": 1],
    ]

  @Test("seals to the same document, hash and bytes as sealing and printing", arguments: documents)
  func sealsTheSame(document: JSONValue) {
    let object = document.objectValue ?? JSONObject()
    let parents = [String(repeating: "b", count: 64), String(repeating: "a", count: 64)]
    for report in [nil, String(repeating: "c", count: 64)] {
      let (sealed, hash) = DocumentIntegrity.sealed(
        object, parents: parents, reportSHA256: report)
      let fast = DocumentIntegrity.sealedWithBytes(object, parents: parents, reportSHA256: report)
      #expect(fast.document == sealed)
      #expect(fast.hash == hash)
      #expect(fast.pretty == JSONPrettyPrinter.bytes(of: .object(sealed)))
    }
  }

  @Test("integers are written as ECMAScript writes them")
  func integers() {
    let numbers: [Double] = [0, -0.0, 1, -7, 10, 99, 100, 27_400, -1_000_000, 4_294_967_296]
    for number in numbers {
      #expect(CanonicalJSON.string(of: .number(number)) == ECMAScriptNumber.format(number))
    }
  }
}
