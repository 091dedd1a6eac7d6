/// A condition of a cached obligation file's duty, evaluated without making its expression tree
/// when it can be.
///
/// One read from a compiled cache entry names a tree of the file's ``ConditionPool``: whether it
/// holds is worked out from the tree's program (``ConditionProgram``), and the tree is made only
/// for what needs it (the missing facts of a duty no entry of which matched).
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

  /// Whether the condition holds with `values` (``ExpressionEvaluator/isTrue(_:in:)``); the
  /// names it looks up are kept there for the next condition of the same file.
  package func holds(in values: inout ConditionValues) throws(BinaryReadError) -> Bool {
    switch form {
    case .loaded(let condition):
      return ExpressionEvaluator.isTrue(condition.expression, in: values.environment)
    case .pooled(let pool, let number):
      return try pool.holds(number, in: &values)
    }
  }

  /// The unset facts the condition reaches with `values`
  /// (``ObligationScope/missingFacts(in:values:)-(Expression,_)``), without making the tree of
  /// a pooled one.
  package func missingFacts(in values: inout ConditionValues) throws(BinaryReadError) -> [String] {
    switch form {
    case .loaded(let condition):
      return ObligationScope.missingFacts(in: condition.expression, values: values.environment)
    case .pooled(let pool, let number):
      return try pool.missingFacts(number, in: &values)
    }
  }

  /// Whether the condition holds in `environment`.
  package func holds(in environment: [String: Value]) throws(BinaryReadError) -> Bool {
    var values = ConditionValues(environment)
    return try holds(in: &values)
  }

  /// The condition's expression tree.
  package func expression() throws(BinaryReadError) -> Expression {
    switch form {
    case .loaded(let condition): return condition.expression
    case .pooled(let pool, let number): return try pool.expression(number)
    }
  }
}
