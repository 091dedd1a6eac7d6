/// A condition tree as a program to evaluate, as a ``ConditionPool`` writes it.
///
/// The tree in pre-order, each node a tag, its range (its start, then its length) and its
/// operands:
///
/// ```
/// 0 name         the number of its text (the pool's texts)
/// 1 string       the number of its text
/// 2 number       8 bytes
/// 3 boolean      one byte
/// 4 list         a count, then the items
/// 5 not          the operand
/// 6 and, 7 or    the left side, then the right side as a section (its length first), skipped
///                whole when the left side decides
/// 8 comparison   the operator's number (`ComparisonOperator.ordered`), the left, the right
/// ```
///
/// Evaluated under the rules of ``ExpressionEvaluator``: no node is made, a name's value is
/// looked up and a text made a `String` once per pool and scope (see ``ConditionValues``), and
/// the side of an `and` or `or` that does not decide it is jumped over. Read back whole as the
/// tree (``expression(_:section:texts:)``) for what needs the tree.
struct ConditionProgram {
  /// The entry's bytes, for as long as one of the static functions below runs (all offsets
  /// read are checked against `end`, itself checked against the entry's count).
  private let bytes: UnsafeBufferPointer<UInt8>
  private var offset: Int
  private let end: Int
  /// Where each text's bytes are in `bytes`.
  private let texts: [Range<Int>]
  private let environment: [String: Value]
  /// Each name's value once looked up, by its text's number, then each text as a string value.
  private var names: [Value?] = []

  /// Writes `expression`'s program; `number` gives a text's number in the pool's texts.
  static func write(
    _ expression: Expression, into writer: inout BinaryWriter, number: (String) -> Int
  ) {
    let tag: UInt8
    switch expression {
    case .name: tag = 0
    case .string: tag = 1
    case .number: tag = 2
    case .boolean: tag = 3
    case .list: tag = 4
    case .not: tag = 5
    case .and: tag = 6
    case .or: tag = 7
    case .comparison: tag = 8
    }
    writer.write(byte: tag)
    let range = expression.range
    writer.write(UInt64(max(0, range.lowerBound)))
    writer.write(UInt64(range.count))
    switch expression {
    case .name(let text, _), .string(let text, _):
      writer.write(UInt64(number(text)))
    case .number(let value, _):
      writer.write(value)
    case .boolean(let value, _):
      writer.write(value)
    case .list(let items, _):
      writer.write(UInt64(items.count))
      for item in items { write(item, into: &writer, number: number) }
    case .not(let operand, _):
      write(operand, into: &writer, number: number)
    case .and(let left, let right, _), .or(let left, let right, _):
      write(left, into: &writer, number: number)
      writer.writeSection { write(right, into: &$0, number: number) }
    case .comparison(let comparison, let left, let right, _):
      writer.write(UInt64(ComparisonOperator.ordered.firstIndex(of: comparison) ?? 0))
      write(left, into: &writer, number: number)
      write(right, into: &writer, number: number)
    }
  }

  /// Whether the program in `section` of `bytes` holds in `environment`; `names` holds the
  /// values of the names looked up so far, by number, and gets those this one looks up.
  static func isTrue(
    _ bytes: [UInt8], section: Range<Int>, texts: [Range<Int>], environment: [String: Value],
    names: inout [Value?]
  ) throws(BinaryReadError) -> Bool {
    try reading(
      bytes, section: section, texts: texts, environment: environment, names: &names
    ) { program throws(BinaryReadError) in try program.truth(of: try program.nextTag()) }
  }

  /// The unset facts the program in `section` of `bytes` reaches in `environment`, as
  /// ``ObligationScope/missingFacts(in:values:)-(Expression,_)`` finds them in its tree: in order
  /// of first use, the counts as `residents`.
  static func missingFacts(
    _ bytes: [UInt8], section: Range<Int>, texts: [Range<Int>], environment: [String: Value],
    names: inout [Value?]
  ) throws(BinaryReadError) -> [String] {
    let reached = try reading(
      bytes, section: section, texts: texts, environment: environment, names: &names
    ) { program throws(BinaryReadError) in try program.reachedUnset().names.map(program.text) }
    var missing: [String] = []
    for name in reached {
      let fact = ObligationScope.counts.contains(name) ? ResidentCounts.factName : name
      if !missing.contains(fact) { missing.append(fact) }
    }
    return missing
  }

  /// `body` on the program in `section` of `bytes`, with `names` (the values of the names looked
  /// up so far, by number) lent to it for the call; throws unless it read the whole section.
  @inline(__always)
  private static func reading<Result>(
    _ bytes: [UInt8], section: Range<Int>, texts: [Range<Int>], environment: [String: Value],
    names: inout [Value?], _ body: (inout ConditionProgram) throws(BinaryReadError) -> Result
  ) throws(BinaryReadError) -> Result {
    guard section.lowerBound >= 0, section.upperBound <= bytes.count,
      names.count == 2 * texts.count
    else { throw BinaryReadError() }
    return try bytes.withUnsafeBufferPointer { buffer throws(BinaryReadError) in
      var program = ConditionProgram(
        bytes: buffer, offset: section.lowerBound, end: section.upperBound, texts: texts,
        environment: environment)
      swap(&program.names, &names)
      defer { swap(&program.names, &names) }
      let result = try body(&program)
      guard program.offset == program.end else { throw BinaryReadError() }
      return result
    }
  }

  /// The tree of the program in `section` of `bytes`, as it was written.
  static func expression(
    _ bytes: [UInt8], section: Range<Int>, texts: [Range<Int>]
  ) throws(BinaryReadError) -> Expression {
    guard section.lowerBound >= 0, section.upperBound <= bytes.count else {
      throw BinaryReadError()
    }
    return try bytes.withUnsafeBufferPointer { buffer throws(BinaryReadError) in
      var program = ConditionProgram(
        bytes: buffer, offset: section.lowerBound, end: section.upperBound, texts: texts,
        environment: [:])
      let tree = try program.tree()
      guard program.offset == program.end else { throw BinaryReadError() }
      return tree
    }
  }

  private init(
    bytes: UnsafeBufferPointer<UInt8>, offset: Int, end: Int, texts: [Range<Int>],
    environment: [String: Value]
  ) {
    self.bytes = bytes
    self.offset = offset
    self.end = end
    self.texts = texts
    self.environment = environment
  }

  /// Reads one byte.
  @inline(__always)
  private mutating func byte() throws(BinaryReadError) -> UInt8 {
    guard offset < end else { throw BinaryReadError() }
    defer { offset += 1 }
    return bytes[offset]
  }

  /// Reads a node's tag, and skips its range.
  @inline(__always)
  private mutating func nextTag() throws(BinaryReadError) -> UInt8 {
    let tag = try byte()
    _ = try varint()
    _ = try varint()
    return tag
  }

  /// Reads a varint no larger than the bytes left (a count of items, a length).
  @inline(__always)
  private mutating func count() throws(BinaryReadError) -> Int {
    let value = try varint()
    guard value <= end - offset else { throw BinaryReadError() }
    return value
  }

  /// Reads a varint (of at most four bytes).
  @inline(__always)
  private mutating func varint() throws(BinaryReadError) -> Int {
    var value = 0
    var shift = 0
    while true {
      let byte = try byte()
      value |= Int(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
      guard shift < 28 else { throw BinaryReadError() }
    }
    return value
  }

  /// Reads a text's number.
  @inline(__always)
  private mutating func textNumber() throws(BinaryReadError) -> Int {
    let number = try varint()
    guard number < texts.count else { throw BinaryReadError() }
    return number
  }

  /// The text numbered `number`, made a `String`.
  private func text(_ number: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[texts[number]]), as: UTF8.self)
  }

  /// Reads the node at the reader back as its tree.
  private mutating func tree() throws(BinaryReadError) -> Expression {
    let tag = try byte()
    let start = try varint()
    let range = start..<start + (try varint())
    switch tag {
    case 0: return .name(text(try textNumber()), range: range)
    case 1: return .string(text(try textNumber()), range: range)
    case 2, 3:
      switch try value(of: tag) {
      case .number(let number): return .number(number, range: range)
      case .boolean(let boolean): return .boolean(boolean, range: range)
      default: throw BinaryReadError()
      }
    case 4:
      let count = try count()
      var items: [Expression] = []
      items.reserveCapacity(count)
      for _ in 0..<count { items.append(try tree()) }
      return .list(items, range: range)
    case 5:
      return .not(try tree(), range: range)
    case 6, 7:
      let left = try tree()
      let length = try count()
      let rightEnd = offset + length
      let right = try tree()
      guard offset == rightEnd else { throw BinaryReadError() }
      return tag == 6 ? .and(left, right, range: range) : .or(left, right, range: range)
    case 8:
      let index = try varint()
      guard index < ComparisonOperator.ordered.count else { throw BinaryReadError() }
      let left = try tree()
      let right = try tree()
      return .comparison(ComparisonOperator.ordered[index], left, right, range: range)
    default:
      throw BinaryReadError()
    }
  }

  /// The value of the name numbered `number`, looked up once.
  @inline(__always)
  private mutating func lookUp(_ number: Int) -> Value {
    if let value = names[number] { return value }
    let value = environment[text(number)] ?? .unset
    names[number] = value
    return value
  }

  /// The unset names (by number) the node at the reader reaches, and, when there are none,
  /// whether it holds; read past it (``ObligationScope``'s `reachedUnset`, on the program).
  ///
  /// A side of an `and` or `or` that is known and decides it makes the other side's names
  /// irrelevant; any other node reaches every unset name in it.
  private mutating func reachedUnset() throws(BinaryReadError) -> (names: [Int], holds: Bool) {
    let start = offset
    let tag = try nextTag()
    if tag == 6 || tag == 7 {
      let isAnd = tag == 6
      let left = try reachedUnset()
      let length = try count()
      if left.names.isEmpty && left.holds != isAnd {
        offset += length
        return ([], left.holds)
      }
      let rightEnd = offset + length
      let right = try reachedUnset()
      guard offset == rightEnd else { throw BinaryReadError() }
      if right.names.isEmpty && right.holds != isAnd { return ([], right.holds) }
      return (left.names + right.names, isAnd)
    }
    offset = start
    var unset: [Int] = []
    try collectUnset(into: &unset)
    guard unset.isEmpty else { return (unset, false) }
    let end = offset
    offset = start
    let holds = try truth(of: try nextTag())
    guard offset == end else { throw BinaryReadError() }
    return ([], holds)
  }

  /// Adds the unset names (by number) of the node at the reader, in order, repeats included;
  /// read past it.
  private mutating func collectUnset(into unset: inout [Int]) throws(BinaryReadError) {
    switch try nextTag() {
    case 0:
      let number = try textNumber()
      if lookUp(number) == .unset { unset.append(number) }
    case 1: _ = try textNumber()
    case 2:
      guard end - offset >= 8 else { throw BinaryReadError() }
      offset += 8
    case 3: _ = try byte()
    case 4: for _ in 0..<(try count()) { try collectUnset(into: &unset) }
    case 5: try collectUnset(into: &unset)
    case 6, 7:
      try collectUnset(into: &unset)
      let length = try count()
      let rightEnd = offset + length
      try collectUnset(into: &unset)
      guard offset == rightEnd else { throw BinaryReadError() }
    case 8:
      _ = try varint()
      try collectUnset(into: &unset)
      try collectUnset(into: &unset)
    default: throw BinaryReadError()
    }
  }

  /// Whether the node whose tag was just read holds, read past it.
  private mutating func truth(of tag: UInt8) throws(BinaryReadError) -> Bool {
    switch tag {
    case 5:
      return !(try truth(of: try nextTag()))
    case 6, 7:
      // `and` is false, and `or` true, as soon as its left side says so.
      let left = try truth(of: try nextTag())
      let length = try count()
      if left == (tag == 7) {
        offset += length
        return left
      }
      let rightEnd = offset + length
      let right = try truth(of: try nextTag())
      guard offset == rightEnd else { throw BinaryReadError() }
      return right
    default:
      return try value(of: tag).isTruthy
    }
  }

  /// The value of the node whose tag was just read, read past it.
  private mutating func value(of tag: UInt8) throws(BinaryReadError) -> Value {
    switch tag {
    case 0:
      return lookUp(try textNumber())
    case 1:
      let number = try textNumber()
      if let value = names[texts.count + number] { return value }
      let value = Value.string(text(number))
      names[texts.count + number] = value
      return value
    case 2:
      guard end - offset >= 8 else { throw BinaryReadError() }
      var bits: UInt64 = 0
      for index in 0..<8 { bits |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
      offset += 8
      return .number(Double(bitPattern: bits))
    case 3:
      switch try byte() {
      case 0: return .boolean(false)
      case 1: return .boolean(true)
      default: throw BinaryReadError()
      }
    case 4:
      let count = try count()
      var items: [String] = []
      items.reserveCapacity(count)
      for _ in 0..<count {
        let item = try value(of: try nextTag())
        if item != .unset { items.append(item.rendered) }
      }
      return .list(items)
    case 5, 6, 7:
      return .boolean(try truth(of: tag))
    case 8:
      let index = try varint()
      guard index < ComparisonOperator.ordered.count else { throw BinaryReadError() }
      let left = try value(of: try nextTag())
      let right = try value(of: try nextTag())
      return .boolean(
        ExpressionEvaluator.compare(left, ComparisonOperator.ordered[index], right))
    default:
      throw BinaryReadError()
    }
  }
}
