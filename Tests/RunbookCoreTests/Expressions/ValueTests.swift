import Foundation
import RunbookCore
import Testing

@Suite("Value")
struct ValueTests {
  @Test(
    "rendered for templates",
    arguments: [
      (Value.unset, ""), (.boolean(true), "yes"), (.boolean(false), "no"),
      (.string("Anthropic"), "Anthropic"), (.number(3), "3"), (.number(2.5), "2.5"),
      (.number(-1), "-1"), (.number(1_000_000), "1000000"), (.list(["a", "b", "c"]), "a, b, c"),
      (.list([]), ""), (.time(Date(timeIntervalSince1970: 1_775_035_800)), "2026-04-01T09:30:00Z"),
      (.time(Date(timeIntervalSince1970: 1_775_035_800.75)), "2026-04-01T09:30:00Z"),
    ])
  func rendered(value: Value, text: String) {
    #expect(value.rendered == text)
  }

  @Test(
    "truthiness",
    arguments: [
      (Value.unset, false), (.boolean(true), true), (.boolean(false), false),
      (.string(""), false), (.string("x"), true), (.number(0), false), (.number(-2), true),
      (.list([]), false), (.list(["a"]), true), (.time(Date(timeIntervalSince1970: 0)), true),
    ])
  func truthiness(value: Value, isTruthy: Bool) {
    #expect(value.isTruthy == isTruthy)
  }
}
