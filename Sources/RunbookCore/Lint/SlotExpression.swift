/// An expression whose names are numbered slots, evaluated in three values: true, false, or not
/// known yet (a slot with no value), for ``CaseSearch``.
///
/// With every slot filled it gives what ``ExpressionEvaluator`` gives. With some slots empty it
/// gives a value only when the empty ones cannot change it: `false and x` is false, `x == 'a'`
/// with `x` unset is false (every comparison with an unset side is), `x or y` with `y` true is
/// true.
indirect enum SlotExpression: Sendable {
  case slot(Int)
  case literal(Value)
  case list([SlotExpression])
  case not(SlotExpression)
  case and(SlotExpression, SlotExpression)
  case or(SlotExpression, SlotExpression)
  case comparison(ComparisonOperator, SlotExpression, SlotExpression)

  /// `expression` with each name replaced by its slot from `slots`; a name without a slot is
  /// unset.
  init(_ expression: Expression, slots: [String: Int]) {
    switch expression {
    case .name(let name, _):
      self = slots[name].map { .slot($0) } ?? .literal(.unset)
    case .string(let value, _): self = .literal(.string(value))
    case .number(let value, _): self = .literal(.number(value))
    case .boolean(let value, _): self = .literal(.boolean(value))
    case .list(let items, _): self = .list(items.map { SlotExpression($0, slots: slots) })
    case .not(let operand, _): self = .not(SlotExpression(operand, slots: slots))
    case .and(let left, let right, _):
      self = .and(SlotExpression(left, slots: slots), SlotExpression(right, slots: slots))
    case .or(let left, let right, _):
      self = .or(SlotExpression(left, slots: slots), SlotExpression(right, slots: slots))
    case .comparison(let comparison, let left, let right, _):
      self = .comparison(
        comparison, SlotExpression(left, slots: slots), SlotExpression(right, slots: slots))
    }
  }

  /// The value with the slots in `values` (nil: not known yet), or nil when it depends on an
  /// empty slot.
  func value(_ values: [Value?]) -> Value? {
    switch self {
    case .slot(let index):
      return values[index]
    case .literal(let value):
      return value
    case .list(let items):
      var rendered: [String] = []
      for item in items {
        guard let value = item.value(values) else { return nil }
        if value != .unset { rendered.append(value.rendered) }
      }
      return .list(rendered)
    case .not(let operand):
      return operand.value(values).map { .boolean(!$0.isTruthy) }
    case .and(let left, let right):
      let leftValue = left.value(values)
      if let leftValue, !leftValue.isTruthy { return .boolean(false) }
      let rightValue = right.value(values)
      if let rightValue, !rightValue.isTruthy { return .boolean(false) }
      return leftValue != nil && rightValue != nil ? .boolean(true) : nil
    case .or(let left, let right):
      let leftValue = left.value(values)
      if let leftValue, leftValue.isTruthy { return .boolean(true) }
      let rightValue = right.value(values)
      if let rightValue, rightValue.isTruthy { return .boolean(true) }
      return leftValue != nil && rightValue != nil ? .boolean(false) : nil
    case .comparison(let comparison, let left, let right):
      let leftValue = left.value(values)
      let rightValue = right.value(values)
      if leftValue == .unset || rightValue == .unset { return .boolean(false) }
      guard let leftValue, let rightValue else { return nil }
      return .boolean(ExpressionEvaluator.compare(leftValue, comparison, rightValue))
    }
  }

  /// Whether the expression is known to hold (true), known not to (false), or not known yet.
  func truth(_ values: [Value?]) -> Bool? {
    value(values).map(\.isTruthy)
  }
}
