import Testing

@testable import TriageCLI

@Suite struct SplitArgumentsTests {
  typealias Element = SplitArguments.Element

  struct Case: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var elements: [SplitArguments.Element]
    var testDescription: String { arguments.joined(separator: " ") }
  }

  static let cases: [Case] = [
    Case(arguments: ["parse", "a.yaml"], elements: [.value("parse"), .value("a.yaml")]),
    Case(arguments: ["--json"], elements: [.longOption(name: "json", value: nil)]),
    Case(
      arguments: ["--answers=a.yaml"], elements: [.longOption(name: "answers", value: "a.yaml")]),
    Case(arguments: ["--answers="], elements: [.longOption(name: "answers", value: "")]),
    Case(arguments: ["--set=a=b"], elements: [.longOption(name: "set", value: "a=b")]),
    Case(arguments: ["-q"], elements: [.shortOptions(["q"])]),
    Case(arguments: ["-nv"], elements: [.shortOptions(["n", "v"])]),
    Case(arguments: ["-"], elements: [.value("-")]),
    Case(
      arguments: ["--", "--json", "-q", "--"],
      elements: [.terminator, .value("--json"), .value("-q"), .value("--")]),
    Case(arguments: ["ключ", "-ä"], elements: [.value("ключ"), .shortOptions(["ä"])]),
  ]

  @Test(arguments: cases)
  func classifiesEachWord(_ testCase: Case) {
    let split = SplitArguments(testCase.arguments)
    #expect(split.words.map(\.element) == testCase.elements)
    #expect(split.words.map(\.index) == Array(testCase.arguments.indices))
  }
}
