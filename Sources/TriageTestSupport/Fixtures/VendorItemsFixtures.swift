/// The small `vendor-items` runbook of the `run --vendor` tests at every layer (session,
/// command, terminal): its facts section asks when, where we are established and which
/// credentials, the last two answered by the inventory; `questions` adds questions to that
/// section and `rest` is the rest of the runbook (outcomes, actions, notifications): by
/// default ``vendorItemsRotation``.
package func vendorItemsRunbook(questions: String = "", rest: String = vendorItemsRotation)
  -> String
{
  """
  runbook: vendor-items
  title: Vendor items
  version: 1.0.0
  sections:
    - id: facts
      title: Facts
      questions:
        - id: discovered_at
          ask: When?
          type: datetime
        - id: established_in
          ask: Where are we established?
          type: list
          fact: established_in
        - id: credentials
          ask: Which credentials?
          type: list
          fact: vendor_credentials

  """ + questions + rest
}

/// The outcomes of ``vendorItemsRunbook(questions:rest:)`` unless a test gives its own: one
/// rotation per credential, its owner the inventory's.
package let vendorItemsRotation = """
  severity:
    - level: high
  decision:
    - say: Rotate.
  actions:
    - id: rotate
      kind: rotate
      for-each: credentials
      title: 'Rotate {{item}}'
      owner: '{{item.owner}}'
      due: immediately

  """

/// The facts vocabulary (`obligations/facts.yaml`) of ``vendorItemsRunbook(questions:rest:)``.
package let vendorItemsFacts = """
  facts:
    - {name: established_in, type: list, description: Where we are established.}
    - {name: vendor_credentials, type: list, description: The credentials the vendor holds.}

  """

/// The inventory's organisation file for ``vendorItemsRunbook(questions:rest:)``: we are
/// established in GB (line 4).
package let vendorItemsOrganisation =
  "organisation:\n  name: Us\n  facts:\n    established_in: [GB]\n"
