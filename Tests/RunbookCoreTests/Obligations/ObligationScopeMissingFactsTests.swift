import RunbookCore
import Testing

/// `ObligationScope.missingFacts`: the unset facts a condition reaches, in one pass over long
/// `or` and `and` chains (the form of the EU member-state conditions).
@Suite("Missing facts of a condition")
struct ObligationScopeMissingFactsTests {
  static func missing(_ text: String, _ values: [String: Value]) throws -> [String] {
    ObligationScope.missingFacts(in: try ExpressionParser.parse(text), values: values)
  }

  static let chain =
    "established_in has 'AT' or established_in has 'BE' or established_in has 'DE'"
    + " or residents_here > 0"

  @Test func aChainSettledByItsLastSideMissesNothing() throws {
    #expect(try Self.missing(Self.chain, ["residents_here": .number(3)]) == [])
  }

  @Test func aChainNoSideSettlesNamesEachUnsetFactOnce() throws {
    #expect(try Self.missing(Self.chain, [:]) == ["established_in", "residents"])
    #expect(try Self.missing(Self.chain, ["established_in": .list(["FR"])]) == ["residents"])
  }

  @Test func aFalseSideOfAnAndSettlesTheChainUnderIt() throws {
    let text = "gdpr_role == 'controller' and data_elements != ['none'] and (\(Self.chain))"
    #expect(try Self.missing(text, ["gdpr_role": .string("processor")]) == [])
    #expect(
      try Self.missing(text, ["gdpr_role": .string("controller")])
        == ["data_elements", "established_in", "residents"])
    // Every side known and true: nothing is missing.
    let known: [String: Value] = [
      "gdpr_role": .string("controller"), "data_elements": .list(["name"]),
      "established_in": .list(["DE"]),
    ]
    #expect(try Self.missing(text, known) == [])
  }
}
