import RunbookCore
import Testing

/// Every prefix and suffix of valid inputs either parses or throws a positioned error inside the
/// text: none crashes or points outside it.
@Suite("Truncated inputs")
struct TruncatedInputTests {
  static func cuts(of text: String) -> [String] {
    (0...text.count).flatMap { count in [String(text.prefix(count)), String(text.suffix(count))] }
  }

  @Test
  func expressions() {
    let text = "not (a == 'x''y' or b in [\"c\\\"\", 2.5]) and n >= -3 or e has 'é👍🏽'"
    for cut in Self.cuts(of: text) {
      do {
        _ = try ExpressionParser.parse(cut)
      } catch {
        #expect((0...cut.count).contains(error.offset), "\(cut.debugDescription)")
      }
    }
  }

  @Test
  func templates() {
    for cut in Self.cuts(of: "Hi {{ vendor }}, {{x}} {{é") {
      do {
        _ = try Template.parse(cut)
      } catch {
        #expect((0..<max(1, cut.count)).contains(error.offset), "\(cut.debugDescription)")
      }
    }
  }

  @Test
  func dueRules() {
    for cut in Self.cuts(of: "4 business days after initial-report.sent")
      + Self.cuts(of: "72h after x")
      + Self.cuts(of: "earliest of 4 hours after a; 60 days after year-end of b by 17:30 UTC")
    {
      do {
        _ = try DueRule.parse(cut)
      } catch {
        #expect((0...cut.count).contains(error.offset), "\(cut.debugDescription)")
      }
    }
  }
}
