import Foundation

/// The distinct condition trees of an obligation file's entry, each written once, and numbered:
/// a duty's sections name a tree by its number (a third of the conditions of the library's files
/// repeat in their file).
///
/// Each tree is written as a program (``ConditionProgram``), a section of its own, whose names
/// and string literals are numbers in one table of the file's texts: evaluation reads the
/// program, and the tree is made from it only for what needs the tree (a duty's missing facts,
/// a whole file's decoding), once.
final class ConditionPool: @unchecked Sendable {
  /// Writing: the trees by source text, each with its number.
  private var numbers: [String: [(number: Int, expression: Expression)]] = [:]
  /// Writing: the trees in number order.
  private var trees: [Expression] = []
  /// Reading: the entry, and where each program is.
  private let bytes: [UInt8]
  private let programs: [Range<Int>]
  /// Reading: where the bytes of each text (a name or string literal) the programs use are.
  private let texts: [Range<Int>]
  /// Reading: the trees made so far, by number.
  ///
  /// Guarded by `lock` (a file read on demand is shared by every copy of its library);
  /// evaluation never takes it.
  private var made: [Expression?]
  private let lock = NSLock()

  /// A pool of the conditions of `duties`, to write.
  init(collecting duties: [Duty]) {
    bytes = []
    programs = []
    texts = []
    made = []
    for duty in duties {
      let rule = duty.rule
      for condition in [rule.when] + (rule.undetermined + rule.notRequired).map(\.when) {
        guard let condition, number(of: condition) == nil else { continue }
        numbers[condition.source, default: []].append((trees.count, condition.expression))
        trees.append(condition.expression)
      }
    }
  }

  /// The number of `condition`'s tree, when the pool has it.
  func number(of condition: Condition) -> Int? {
    numbers[condition.source]?.first { $0.expression == condition.expression }?.number
  }

  /// Writes the trees: their count, one program (a section) each, then the texts they use.
  func write(into writer: inout BinaryWriter) {
    writer.write(UInt64(trees.count))
    var textNumbers: [String: Int] = [:]
    var texts: [String] = []
    for tree in trees {
      writer.writeSection { program in
        ConditionProgram.write(tree, into: &program) { text in
          if let number = textNumbers[text] { return number }
          textNumbers[text] = texts.count
          texts.append(text)
          return texts.count - 1
        }
      }
    }
    writer.write(texts)
  }

  /// Reads where the programs and texts are.
  init(reading reader: inout BinaryReader) throws(BinaryReadError) {
    bytes = reader.source
    let count = try reader.readCount()
    var programs: [Range<Int>] = []
    programs.reserveCapacity(count)
    for _ in 0..<count { programs.append(try reader.skipSection()) }
    self.programs = programs
    let textCount = try reader.readCount()
    var texts: [Range<Int>] = []
    texts.reserveCapacity(textCount)
    for _ in 0..<textCount { texts.append(try reader.skipString()) }
    self.texts = texts
    made = Array(repeating: nil, count: count)
  }

  /// Whether the tree numbered `number` holds with `values` (``ExpressionEvaluator/isTrue(_:in:)``),
  /// evaluated on its program; each name is looked up in `values` once per pool.
  func holds(_ number: Int, in values: inout ConditionValues) throws(BinaryReadError) -> Bool {
    guard programs.indices.contains(number) else { throw BinaryReadError() }
    var names = values.names(for: self, count: 2 * texts.count)
    defer { values.keep(names) }
    return try ConditionProgram.isTrue(
      bytes, section: programs[number], texts: texts, environment: values.environment,
      names: &names)
  }

  /// The unset facts the tree numbered `number` reaches with `values`
  /// (``ObligationScope/missingFacts(in:values:)-(Expression,_)``), found on its program.
  func missingFacts(
    _ number: Int, in values: inout ConditionValues
  ) throws(BinaryReadError) -> [String] {
    guard programs.indices.contains(number) else { throw BinaryReadError() }
    var names = values.names(for: self, count: 2 * texts.count)
    defer { values.keep(names) }
    return try ConditionProgram.missingFacts(
      bytes, section: programs[number], texts: texts, environment: values.environment,
      names: &names)
  }

  /// The tree numbered `number`, made the first time it is asked for.
  func expression(_ number: Int) throws(BinaryReadError) -> Expression {
    guard programs.indices.contains(number) else { throw BinaryReadError() }
    if let tree = lock.withLock({ made[number] }) { return tree }
    let tree = try ConditionProgram.expression(bytes, section: programs[number], texts: texts)
    lock.withLock { made[number] = tree }
    return tree
  }
}

/// The values the conditions of a duty read: the facts in its scope (``environment``) and, for
/// conditions of a cached obligation file (``ConditionPool``), each name's value once looked up,
/// by the name's number in the file, for the file last evaluated.
///
/// Made once per scope and passed `inout` from condition to condition, so a name that several
/// conditions read is hashed once.
package struct ConditionValues: Sendable {
  /// The facts by name.
  package let environment: [String: Value]
  /// The pool whose names ``looked`` holds (held, so that no other pool takes its identity).
  private var pool: ConditionPool?
  /// Each name's value, by number, once looked up.
  private var looked: [Value?] = []

  /// The values of `environment`.
  package init(_ environment: [String: Value]) {
    self.environment = environment
  }

  /// The looked-up names of `pool` (of `count` texts), handed over to be filled in (give them
  /// back with ``keep(_:)``): none after another pool's.
  fileprivate mutating func names(for pool: ConditionPool, count: Int) -> [Value?] {
    guard self.pool === pool, looked.count == count else {
      self.pool = pool
      looked = []
      return Array(repeating: nil, count: count)
    }
    var names: [Value?] = []
    swap(&names, &looked)
    return names
  }

  /// Takes back what ``names(for:count:)`` handed over.
  fileprivate mutating func keep(_ names: [Value?]) {
    looked = names
  }
}
