/// A condition of a cached obligation file's duty, evaluated without making its expression tree
/// when it can be.
///
/// One read from a compiled cache entry names a tree of the file's ``ConditionPool``: whether it
/// holds is worked out straight from the tree's bytes (``EncodedExpression``), and the tree is
/// made only for what needs it (the missing facts of a duty no entry of which matched).
package struct EvaluableCondition: Sendable {
  private let form: Form

  private enum Form: Sendable {
    case loaded(Condition)
    case pooled(ConditionPool, number: Int)
  }

  /// A loaded condition.
  package init(_ condition: Condition) {
    form = .loaded(condition)
  }

  /// The tree numbered `number` in `pool`.
  init(pool: ConditionPool, number: Int) {
    form = .pooled(pool, number: number)
  }

  /// Whether the condition holds in `environment` (``ExpressionEvaluator/isTrue(_:in:)``).
  package func holds(in environment: [String: Value]) throws(BinaryReadError) -> Bool {
    switch form {
    case .loaded(let condition):
      return ExpressionEvaluator.isTrue(condition.expression, in: environment)
    case .pooled(let pool, let number):
      return try pool.holds(number, in: environment)
    }
  }

  /// The condition's expression tree.
  package func expression() throws(BinaryReadError) -> Expression {
    switch form {
    case .loaded(let condition): return condition.expression
    case .pooled(let pool, let number): return try pool.expression(number)
    }
  }
}

/// Evaluates an expression tree as ``CacheCoder`` writes it (pre-order: a tag, the node's
/// operands or value, then its range), straight from the bytes, under the rules of
/// ``ExpressionEvaluator``: no node is made, names and strings become `String`s only when read,
/// and the side of an `and` or `or` that does not decide it is skipped.
struct EncodedExpression {
  private var reader: BinaryReader
  private let bytes: [UInt8]
  /// The shared strings met so far, in order: where their bytes are, and the string once made.
  private var shared: [(bytes: Range<Int>, text: String?)] = []
  private let environment: [String: Value]

  /// Whether the tree in `section` of `bytes` holds in `environment`.
  static func isTrue(
    _ bytes: [UInt8], section: Range<Int>, in environment: [String: Value]
  ) throws(BinaryReadError) -> Bool {
    var evaluator = EncodedExpression(
      reader: BinaryReader(bytes, section: section), bytes: bytes, environment: environment)
    evaluator.shared.reserveCapacity(16)
    let value = try evaluator.value()
    guard evaluator.reader.isAtEnd else { throw BinaryReadError() }
    return value.isTruthy
  }

  private init(reader: BinaryReader, bytes: [UInt8], environment: [String: Value]) {
    self.reader = reader
    self.bytes = bytes
    self.environment = environment
  }

  /// Reads a shared string (``BinaryWriter/write(shared:)``), making it a `String` when `make`.
  private mutating func sharedString(make: Bool) throws(BinaryReadError) -> String? {
    let raw = try reader.readUnsigned()
    let number: Int
    if raw & 1 == 1 {
      guard raw >> 1 < UInt64(shared.count) else { throw BinaryReadError() }
      number = Int(raw >> 1)
    } else {
      shared.append((try reader.skipBytes(Int(clamping: raw >> 1)), nil))
      number = shared.count - 1
    }
    guard make else { return nil }
    if let text = shared[number].text { return text }
    let text = String(decoding: bytes[shared[number].bytes], as: UTF8.self)
    shared[number].text = text
    return text
  }

  /// Skips a node's range.
  private mutating func skipRange() throws(BinaryReadError) {
    _ = try reader.readUnsigned()
    _ = try reader.readUnsigned()
  }

  /// The value of the node at the reader, read past it.
  private mutating func value() throws(BinaryReadError) -> Value {
    let tag = try reader.readByte()
    let value: Value
    switch tag {
    case 0:
      let name = try sharedString(make: true) ?? ""
      value = environment[name] ?? .unset
    case 1:
      value = .string(try sharedString(make: true) ?? "")
    case 2:
      value = .number(try reader.readDouble())
    case 3:
      value = .boolean(try reader.readBool())
    case 4:
      var items: [String] = []
      for _ in 0..<(try reader.readCount()) {
        let item = try self.value()
        if item != .unset { items.append(item.rendered) }
      }
      value = .list(items)
    case 5:
      value = .boolean(!(try self.value().isTruthy))
    case 6, 7:
      // `and` is false, and `or` true, as soon as its left side says so: the right is skipped.
      let left = try self.value().isTruthy
      if left == (tag == 7) {
        try skip()
        value = .boolean(left)
      } else {
        value = .boolean(try self.value().isTruthy)
      }
    case 8:
      let index = try reader.readInt()
      guard ComparisonOperator.ordered.indices.contains(index) else { throw BinaryReadError() }
      let left = try self.value()
      let right = try self.value()
      value = .boolean(
        ExpressionEvaluator.compare(left, ComparisonOperator.ordered[index], right))
    default:
      throw BinaryReadError()
    }
    try skipRange()
    return value
  }

  /// Reads past the node at the reader without evaluating it (its new shared strings are still
  /// numbered: later nodes may name them).
  private mutating func skip() throws(BinaryReadError) {
    let tag = try reader.readByte()
    switch tag {
    case 0, 1: _ = try sharedString(make: false)
    case 2: _ = try reader.readDouble()
    case 3: _ = try reader.readBool()
    case 4: for _ in 0..<(try reader.readCount()) { try skip() }
    case 5: try skip()
    case 6, 7:
      try skip()
      try skip()
    case 8:
      _ = try reader.readInt()
      try skip()
      try skip()
    default: throw BinaryReadError()
    }
    try skipRange()
  }
}
