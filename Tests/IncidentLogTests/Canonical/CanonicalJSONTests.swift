import IncidentLog
import Testing

@Suite("RFC 8785 canonical JSON")
struct CanonicalJSONTests {
  struct NumberCase: CustomTestStringConvertible, Sendable {
    var bits: UInt64
    var expected: String
    var testDescription: String { String(bits, radix: 16) + " → " + expected }
  }

  /// RFC 8785 Appendix B: IEEE 754 bit patterns and their serialization (the finite ones).
  static let appendixB: [NumberCase] = [
    .init(bits: 0x0000_0000_0000_0000, expected: "0"),
    .init(bits: 0x8000_0000_0000_0000, expected: "0"),
    .init(bits: 0x0000_0000_0000_0001, expected: "5e-324"),
    .init(bits: 0x8000_0000_0000_0001, expected: "-5e-324"),
    .init(bits: 0x7fef_ffff_ffff_ffff, expected: "1.7976931348623157e+308"),
    .init(bits: 0xffef_ffff_ffff_ffff, expected: "-1.7976931348623157e+308"),
    .init(bits: 0x4340_0000_0000_0000, expected: "9007199254740992"),
    .init(bits: 0xc340_0000_0000_0000, expected: "-9007199254740992"),
    .init(bits: 0x4430_0000_0000_0000, expected: "295147905179352830000"),
    .init(bits: 0x44b5_2d02_c7e1_4af5, expected: "9.999999999999997e+22"),
    .init(bits: 0x44b5_2d02_c7e1_4af6, expected: "1e+23"),
    .init(bits: 0x44b5_2d02_c7e1_4af7, expected: "1.0000000000000001e+23"),
    .init(bits: 0x444b_1ae4_d6e2_ef4e, expected: "999999999999999700000"),
    .init(bits: 0x444b_1ae4_d6e2_ef4f, expected: "999999999999999900000"),
    .init(bits: 0x444b_1ae4_d6e2_ef50, expected: "1e+21"),
    .init(bits: 0x3eb0_c6f7_a0b5_ed8c, expected: "9.999999999999997e-7"),
    .init(bits: 0x3eb0_c6f7_a0b5_ed8d, expected: "0.000001"),
    .init(bits: 0x41b3_de43_5555_5553, expected: "333333333.3333332"),
    .init(bits: 0x41b3_de43_5555_5554, expected: "333333333.33333325"),
    .init(bits: 0x41b3_de43_5555_5555, expected: "333333333.3333333"),
    .init(bits: 0x41b3_de43_5555_5556, expected: "333333333.3333334"),
    .init(bits: 0x41b3_de43_5555_5557, expected: "333333333.33333343"),
    .init(bits: 0xbecb_f647_612f_3696, expected: "-0.0000033333333333333333"),
    .init(bits: 0x4314_3ff3_c1cb_0959, expected: "1424953923781206.2"),
  ]

  @Test("numbers follow RFC 8785 Appendix B", arguments: appendixB)
  func appendixBNumbers(_ numberCase: NumberCase) {
    let value = JSONValue.number(Double(bitPattern: numberCase.bits))
    #expect(CanonicalJSON.string(of: value) == numberCase.expected)
  }

  @Test("more ECMAScript number layouts")
  func numberLayouts() {
    let cases: [(Double, String)] = [
      (1, "1"), (-1, "-1"), (100, "100"), (1e20, "100000000000000000000"), (1e21, "1e+21"),
      (1.5e21, "1.5e+21"), (0.1, "0.1"), (1e-6, "0.000001"), (1e-7, "1e-7"),
      (1.25e-7, "1.25e-7"), (123.456, "123.456"), (4.5, "4.5"), (2e-3, "0.002"),
      (1e-27, "1e-27"), (1e30, "1e+30"), (Double(Int64.max), "9223372036854776000"),
    ]
    for (number, expected) in cases {
      #expect(CanonicalJSON.string(of: .number(number)) == expected, "\(number)")
    }
  }

  @Test("RFC 8785 §3.2.2 sample: numbers, escaping, literals")
  func rfcSample() throws {
    let input = """
      {
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
        "literals": [null, true, false]
      }
      """
    let expected =
      #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#
      + #""string":"€$\u000f\nA'B\"\\\\\"/"}"#
    let canonical = CanonicalJSON.bytes(of: try JSONValue.parse(input))
    #expect(String(decoding: canonical, as: UTF8.self) == expected)
    // The RFC gives the UTF-8 bytes of this output (§3.2.4).
    let hex = """
      7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22
      6e 75 6d 62 65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b
      33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2
      82 ac 24 5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d
      """
    let bytes = hex.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap {
      UInt8($0, radix: 16)
    }
    #expect(canonical == bytes)
  }

  @Test("RFC 8785 §3.2.3 sorting by UTF-16 code units")
  func sortsByUTF16() throws {
    let input = """
      {
        "\\u20ac": "Euro Sign",
        "\\r": "Carriage Return",
        "\\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\\ud83d\\ude00": "Emoji: Grinning Face",
        "\\u0080": "Control",
        "\\u00f6": "Latin Small Letter O With Diaeresis"
      }
      """
    let canonical = CanonicalJSON.string(of: try JSONValue.parse(input))
    let values = try #require(JSONValue.parse(canonical).objectValue).members.map {
      $0.value.stringValue ?? ""
    }
    #expect(
      values == [
        "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
        "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh",
      ])
    #expect(canonical.hasPrefix(#"{"\r":"Carriage Return","1":"One","#))
  }

  @Test("keys sharing an ASCII prefix still sort by UTF-16 after it")
  func sortsMixedKeys() {
    // U+1F600 is a surrogate pair (D83D DE00), which sorts before U+E000 in UTF-16, though
    // its code point (and UTF-8) is larger.
    let value: JSONValue = ["a\u{E000}": 1, "a\u{1F600}": 2, "a": 3, "ab": 4, "aa": 5]
    #expect(
      CanonicalJSON.string(of: value)
        == "{\"a\":3,\"aa\":5,\"ab\":4,\"a\u{1F600}\":2,\"a\u{E000}\":1}")
  }

  @Test("nested objects are sorted, arrays keep their order, no whitespace")
  func nested() {
    let value: JSONValue = ["b": [3, 1, ["z": nil, "y": [:]]], "a": ["d": "", "c": []]]
    #expect(
      CanonicalJSON.string(of: value) == #"{"a":{"c":[],"d":""},"b":[3,1,{"y":{},"z":null}]}"#)
  }

  @Test("the same value in any member order gives the same bytes")
  func orderIndependent() throws {
    let one = try JSONValue.parse(#"{"a": 1, "b": {"x": true, "y": [1.0, 2]}}"#)
    let two = try JSONValue.parse(#"{"b": {"y": [1, 2.00], "x": true}, "a": 1e0}"#)
    #expect(one != two)
    #expect(CanonicalJSON.bytes(of: one) == CanonicalJSON.bytes(of: two))
  }

  @Test("controls use lower-case \\u escapes; DEL and non-ASCII stay raw")
  func escapes() {
    #expect(
      CanonicalJSON.string(of: "\u{0}\u{1f}\u{7f}\u{8}\t\u{b}") == #""\u0000\u001f"# + "\u{7f}"
        + #"\b\t\u000b""#)
  }

  /// Strings are looked at eight bytes at a time, and their last eight at once: a
  /// character to escape is escaped at every position of texts of every length around those.
  @Test("escapes at every position of strings up to forty bytes")
  func escapesAtEveryPosition() {
    let escapes = [
      "\"": #"\""#, "\\": #"\\"#, "\n": #"\n"#, "\u{1}": #"\u0001"#, "\u{1F}": #"\u001f"#,
    ]
    for length in 1...40 {
      for position in 0..<length {
        for (character, escaped) in escapes {
          let before = String(repeating: "a", count: position)
          let after =
            String(repeating: "é", count: (length - position - 1) / 2)
            + String(repeating: "b", count: (length - position - 1) % 2)
          #expect(
            CanonicalJSON.string(of: .string(before + character + after))
              == "\"" + before + escaped + after + "\"")
        }
      }
      let plain = String(repeating: "x", count: length)
      #expect(CanonicalJSON.string(of: .string(plain)) == "\"" + plain + "\"")
    }
  }

  @Test("non-finite numbers are flagged")
  func nonFinite() {
    #expect(!CanonicalJSON.isCanonicalizable(["a": [.number(.nan)]]))
    #expect(!CanonicalJSON.isCanonicalizable(.number(.infinity)))
    #expect(CanonicalJSON.isCanonicalizable(["a": [1, "x"]]))
  }

  @Test("a non-finite number is found at any depth, among values of every kind")
  func nonFiniteAtDepth() {
    let finite: JSONValue = [
      "a": nil, "b": true, "c": "text", "d": 1.5, "e": [], "f": [:], "g": [[["h": [2, "x"]]]],
    ]
    #expect(CanonicalJSON.isCanonicalizable(finite))
    for bad in [JSONValue.number(.nan), .number(-.infinity)] {
      #expect(!CanonicalJSON.isCanonicalizable(["a": "x", "b": [1, ["c": [nil, bad]]]]))
      #expect(!CanonicalJSON.isCanonicalizable([1, "x", [[bad]], true]))
      #expect(!CanonicalJSON.isCanonicalizable(["z": 1, "last": bad]))
    }
  }
}
