/// Made-up, never-live secrets for tests of secret refusal, built when a test runs.
///
/// No key-shaped literal sits in the source, where a code host's push protection would rightly
/// object; each call gives a new random value, which also shows the tests do not depend on one.
package enum MadeUpSecrets {
  /// A GitHub classic token shape: `ghp_` and 36 random letters and digits.
  package static func gitHubToken() -> String {
    "ghp_" + randomAlphanumerics(36)
  }

  /// `count` random ASCII letters and digits.
  package static func randomAlphanumerics(_ count: Int) -> String {
    let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    return String((0..<count).compactMap { _ in characters.randomElement() })
  }
}
