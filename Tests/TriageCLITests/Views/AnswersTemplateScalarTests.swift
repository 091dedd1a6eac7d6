import Testing

@testable import TriageCLI

/// Defaults are written into answers templates as YAML scalars that read back as written.
@Suite struct AnswersTemplateScalarTests {
  @Test(arguments: [
    ("no", "no"), ("api-keys", "api-keys"), ("now", "now"), ("3", "3"),
    ("a: b", "'a: b'"), ("- item", "'- item'"), ("it's", "it's"), ("'quoted'", "'''quoted'''"),
    ("x #y", "'x #y'"), ("[a, b]", "'[a, b]'"), (" padded", "' padded'"), ("", "''"),
  ])
  func quotesOnlyWhatNeedsIt(_ text: String, _ written: String) {
    #expect(AnswersTemplate.scalar(text) == written)
  }
}
