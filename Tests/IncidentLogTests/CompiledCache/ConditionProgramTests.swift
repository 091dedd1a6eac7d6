import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

/// The conditions of a cached obligation file evaluated on their programs: one set of values
/// passed from condition to condition (each name looked up once per file) gives what each tree
/// gives (whether it holds, the missing facts it reaches), and damaged bytes throw or give an
/// answer, never trap.
@Suite struct ConditionProgramTests {
  /// Every `when` of `file`'s duties, in order, each with the duty's jurisdiction.
  static func conditions(
    of file: EvaluableObligationFile
  ) throws -> [(jurisdiction: String, condition: EvaluableCondition)] {
    var conditions: [(String, EvaluableCondition)] = []
    for duty in file.duties {
      if let when = try duty.when() { conditions.append((duty.jurisdiction, when)) }
      for index in 0..<duty.undeterminedCount {
        if let when = try duty.undetermined(at: index).when {
          conditions.append((duty.jurisdiction, when))
        }
      }
      for index in 0..<duty.notRequiredCount {
        if let when = try duty.notRequired(at: index).when {
          conditions.append((duty.jurisdiction, when))
        }
      }
    }
    return conditions
  }

  @Test func valuesSharedAcrossAFilesConditionsGiveWhatEachTreeGives() throws {
    var compared = 0
    for path in EvaluableObligationFileTests.bundledPaths() {
      let loaded = try #require(
        ObligationFile.load(try SystemFileSystem().readFile(at: path), file: path).0, "\(path)")
      let plain = EvaluableObligationFile(loaded)
      let entry = CompiledCache.encode(
        loaded, key: EvaluableObligationFileTests.key, build: "b")
      for facts in EvaluableObligationFileTests.factSets + [[:]] {
        let read = try #require(
          CompiledCache.decode(
            EvaluableObligationFile.self, from: entry, key: EvaluableObligationFileTests.key,
            build: "b"))
        var scopes: [String: ConditionValues] = [:]
        for ((jurisdiction, cached), (_, tree)) in zip(
          try Self.conditions(of: read), try Self.conditions(of: plain))
        {
          var values =
            scopes[jurisdiction]
            ?? ConditionValues(ObligationScope.values(facts, jurisdiction: jurisdiction))
          let expected = try tree.holds(in: values.environment)
          #expect(try cached.holds(in: &values) == expected, "\(path)")
          let missing = ObligationScope.missingFacts(
            in: try tree.expression(), values: values.environment)
          #expect(try cached.missingFacts(in: &values) == missing, "\(path)")
          // Asked again with the names it looked up, it gives the same.
          #expect(try cached.holds(in: &values) == expected, "\(path)")
          scopes[jurisdiction] = values
          compared += 1
        }
      }
    }
    #expect(compared > 1000)
  }

  @Test func damagedBytesThrowOrGiveAnAnswerNeverTrap() throws {
    let path = BundledRunbooks.folder + "/obligations/au.yaml"
    let loaded = try #require(
      ObligationFile.load(try SystemFileSystem().readFile(at: path), file: path).0)
    var writer = BinaryWriter()
    loaded.encode(into: &writer)
    let body = writer.bytes
    let facts = EvaluableObligationFileTests.factSets[0]
    var evaluated = 0
    for position in body.indices {
      for byte: UInt8 in [0x00, 0x07, 0xFF] {
        var bytes = body
        bytes[position] = byte
        var reader = BinaryReader(bytes)
        guard let file = try? EvaluableObligationFile(decoding: &reader),
          let conditions = try? Self.conditions(of: file)
        else { continue }
        var values = ConditionValues(facts)
        for (_, condition) in conditions {
          _ = try? condition.holds(in: &values)
          _ = try? condition.missingFacts(in: &values)
          evaluated += 1
        }
      }
    }
    #expect(evaluated > 0)
  }
}
