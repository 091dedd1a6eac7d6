/// How `triage archive show` ends for the first record of ``archiveFixtureDocuments``
/// (`…-0000000a`): its follow-ups and amendments, as the fixture's amendments leave them.
package let archiveFixtureFirstRecordFollowUps = """
  ## Follow-ups

  **Status:** open

  Actions:

  - rotate-vendor-keys: Rotate the keys Acme held (owner: security lead) — done (Rotated at 09:00; old keys revoked.)
  - review-contract: Review the Acme contract, notice clause (owner: vendor manager) — open, due 2099-01-01T00:00:00Z

  Notifications:

  - authority: to supervisory authority — sent at 2021-04-04T08:00:00Z
  - final-report: to supervisory authority — open, due 2021-05-04T08:00:00Z (1 month after authority.sent), overdue

  Amendments:

  - 2021-04-03T10:00:00Z, Sam Lee: action rotate-vendor-keys done: Rotated at 09:00; old keys revoked.
  - 2021-04-04T08:00:00Z, Sam Lee: notification authority sent at 2021-04-04T08:00:00Z

  """
