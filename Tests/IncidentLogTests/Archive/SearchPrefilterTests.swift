import IncidentLog
import Testing

/// The raw-byte prefilter of `archive search` never turns away a file whose decoded fields
/// hold the text.
@Suite("The search prefilter")
struct SearchPrefilterTests {
  static func mayMatch(_ text: String, _ raw: String) -> Bool {
    SearchPrefilter(text).mayMatch(Array(raw.utf8))
  }

  @Test("the text itself, in any ASCII letter case, lets a file through; its absence does not")
  func literal() {
    #expect(Self.mayMatch("initech", #"{"vendor": "INITECH Corp"}"#))
    #expect(!Self.mayMatch("initech", #"{"vendor": "Globex", "note": "line\nbreak"}"#))
  }

  @Test("an escape that may spell part of the text lets a file through")
  func escapes() {
    #expect(Self.mayMatch("initech", #"{"vendor": "Init\u0065ch"}"#))
    #expect(Self.mayMatch("a/b", #"{"path": "a\/b"}"#))
    #expect(Self.mayMatch("say \"hi\"", #"{"text": "say \"hi\""}"#))
    #expect(Self.mayMatch("c:\\temp", #"{"text": "c:\\temp"}"#))
    // Escapes that spell nothing in the text, or a backslash that is itself escaped.
    #expect(!Self.mayMatch("initech", #"{"text": "a\nb\"c\/d"}"#))
    #expect(!Self.mayMatch("initech", #"{"text": "c:\\users"}"#))
  }

  @Test("characters that lower to an ASCII letter of the text let a file through")
  func foldingCharacters() {
    #expect(Self.mayMatch("kelvin", "{\"unit\": \"\u{212A}elvin\"}"))
    #expect(Self.mayMatch("istanbul", "{\"city\": \"\u{130}stanbul\"}"))
    #expect(!Self.mayMatch("istanbul", "{\"unit\": \"\u{212A}elvin\"}"))
  }

  @Test("a list answer is searched joined with \", \": only a piece within one item is looked for")
  func joinedLists() {
    let raw = #"{"exposure": ["credentials", "source-code"]}"#
    #expect(Self.mayMatch("credentials, source", raw))
    #expect(Self.mayMatch("ials, sou", raw))
    #expect(Self.mayMatch(" source", raw))
    #expect(Self.mayMatch("credentials,", raw))
    #expect(!Self.mayMatch("credentials, secrets-and-more", raw))
  }

  @Test("text that may be a shown yes, no or number lets every file through")
  func shownValues() {
    for text in ["yes", "Ye", "no", "1000", "-1.5", "1e+20", "inf", "nan"] {
      #expect(Self.mayMatch(text, #"{"flag": true, "count": 1e3}"#), "\(text)")
    }
    #expect(!Self.mayMatch("nose", #"{"flag": true, "count": 1e3}"#))
  }

  @Test("non-ASCII text lets every file through")
  func nonASCII() {
    #expect(Self.mayMatch("ÉTÉ", #"{"text": "un été"}"#))
    #expect(Self.mayMatch("ÉTÉ", #"{"text": "nothing"}"#))
  }

  @Test("agrees with decoding: a field holding the text is never turned away")
  func agreesWithDecoding() throws {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let alphabet = Array("aAbB /\\\",\n\u{212A}k")
    for _ in 0..<2000 {
      let text = String((0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] })
      let field = String((0..<next(12)).map { _ in alphabet[next(alphabet.count)] })
      guard field.lowercased().contains(text.lowercased()) else { continue }
      // The field as a JSON string, escaped the usual way and with some letters as \u.
      var raw = "\""
      for character in field {
        switch character {
        case "\"": raw += "\\\""
        case "\\": raw += "\\\\"
        case "\n": raw += "\\n"
        case "/" where next(2) == 0: raw += "\\/"
        case "a" where next(3) == 0: raw += "\\u0061"
        default: raw.append(character)
        }
      }
      raw += "\""
      #expect(Self.mayMatch(text, raw), "\(text) in \(raw)")
    }
  }
}
