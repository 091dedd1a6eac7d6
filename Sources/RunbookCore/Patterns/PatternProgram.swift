/// A compiled pattern: a small program run by a Thompson-style simulation that follows every
/// way through the pattern at once, so a match takes time linear in the text (no backtracking
/// blow-up on patterns like `(a*)*b`, whatever a runbook author writes).
struct PatternProgram: Sendable {
  /// One step of the program.
  enum Instruction: Sendable {
    /// Take one scalar of the class and go on.
    case take(ScalarClass)
    /// Go on at both places.
    case fork(Int, Int)
    /// Go on at the place.
    case jump(Int)
    /// Go on only at the start of the text.
    case atStart
    /// Go on only at the end of the text.
    case atEnd
    /// The pattern has matched (if the text is used up).
    case accept
  }

  /// The most instructions a program may have once counted repeats are written out.
  static let maximumSize = 20_000

  let instructions: [Instruction]

  /// Compiles `syntax`; the program is too large when it passes ``maximumSize``.
  init?(_ syntax: PatternSyntax) {
    var builder = Builder()
    guard builder.emit(syntax) else { return nil }
    builder.instructions.append(.accept)
    instructions = builder.instructions
  }

  /// Whether the whole of `text` matches.
  func matchesWhole(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    let count = scalars.count
    var current = ThreadSet(size: instructions.count)
    var following = ThreadSet(size: instructions.count)
    add(0, to: &current, position: 0, count: count)
    var position = 0
    for scalar in scalars {
      if current.isEmpty { return false }
      position += 1
      following.clear()
      for pc in current.members {
        if case .take(let set) = instructions[pc], set.contains(scalar) {
          add(pc + 1, to: &following, position: position, count: count)
        }
      }
      swap(&current, &following)
    }
    return current.members.contains { pc in
      if case .accept = instructions[pc] { return true }
      return false
    }
  }

  /// Adds the thread at `start` and every thread it reaches without taking a scalar.
  private func add(_ start: Int, to set: inout ThreadSet, position: Int, count: Int) {
    var pending = [start]
    while let pc = pending.popLast() {
      guard set.insert(pc) else { continue }
      switch instructions[pc] {
      case .fork(let first, let second):
        pending.append(second)
        pending.append(first)
      case .jump(let target):
        pending.append(target)
      case .atStart where position == 0, .atEnd where position == count:
        pending.append(pc + 1)
      case .take, .accept, .atStart, .atEnd:
        break
      }
    }
  }

  /// Writes the instructions of a syntax tree.
  private struct Builder {
    var instructions: [Instruction] = []

    /// Appends `syntax`'s instructions; false once the program grows too large.
    mutating func emit(_ syntax: PatternSyntax) -> Bool {
      guard instructions.count < PatternProgram.maximumSize else { return false }
      switch syntax {
      case .empty:
        return true
      case .scalar(let set):
        instructions.append(.take(set))
      case .start:
        instructions.append(.atStart)
      case .end:
        instructions.append(.atEnd)
      case .sequence(let parts):
        for part in parts where !emit(part) { return false }
      case .choice(let choices):
        var exits: [Int] = []
        for (number, choice) in choices.enumerated() {
          if number < choices.count - 1 {
            let fork = instructions.count
            instructions.append(.fork(fork + 1, 0))
            guard emit(choice) else { return false }
            exits.append(instructions.count)
            instructions.append(.jump(0))
            instructions[fork] = .fork(fork + 1, instructions.count)
          } else {
            guard emit(choice) else { return false }
          }
        }
        for exit in exits { instructions[exit] = .jump(instructions.count) }
      case .repeated(let body, let minimum, let maximum):
        return emitRepeated(body, minimum: minimum, maximum: maximum)
      }
      return instructions.count <= PatternProgram.maximumSize
    }

    private mutating func emitRepeated(
      _ body: PatternSyntax, minimum: Int, maximum: Int?
    ) -> Bool {
      for _ in 0..<minimum where !emit(body) { return false }
      guard let maximum else {
        // loop: fork(body, out); body; jump loop
        let loop = instructions.count
        instructions.append(.fork(loop + 1, 0))
        guard emit(body) else { return false }
        instructions.append(.jump(loop))
        instructions[loop] = .fork(loop + 1, instructions.count)
        return instructions.count <= PatternProgram.maximumSize
      }
      var forks: [Int] = []
      for _ in minimum..<max(minimum, maximum) {
        forks.append(instructions.count)
        instructions.append(.fork(instructions.count + 1, 0))
        guard emit(body) else { return false }
      }
      for fork in forks { instructions[fork] = .fork(fork + 1, instructions.count) }
      return instructions.count <= PatternProgram.maximumSize
    }
  }
}

/// The threads of one step: a set of instruction numbers, in the order added, cleared in O(1).
private struct ThreadSet {
  private(set) var members: [Int] = []
  private var stamps: [UInt32]
  private var generation: UInt32 = 1

  init(size: Int) {
    stamps = Array(repeating: 0, count: size)
    members.reserveCapacity(size)
  }

  var isEmpty: Bool { members.isEmpty }

  /// Adds `pc`; false when it was already there.
  mutating func insert(_ pc: Int) -> Bool {
    guard stamps[pc] != generation else { return false }
    stamps[pc] = generation
    members.append(pc)
    return true
  }

  mutating func clear() {
    members.removeAll(keepingCapacity: true)
    generation &+= 1
    if generation == 0 {
      stamps = Array(repeating: 0, count: stamps.count)
      generation = 1
    }
  }
}
