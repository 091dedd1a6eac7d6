/// A credential a vendor holds or reaches.
///
/// What it is, where it is used, who owns it and how to rotate it; never its value: the
/// inventory is refused when a scalar looks like a secret.
package struct InventoryCredential: Sendable, Equatable {
  /// What kind of secret it is.
  package enum Kind: String, Sendable, Hashable, CaseIterable {
    case apiToken = "api-token"
    case oauthClient = "oauth-client"
    case sshKey = "ssh-key"
    case password
    case certificate
    case signingKey = "signing-key"
    case cloudAccessKey = "cloud-access-key"
    case webhookSecret = "webhook-secret"
    case sessionCookie = "session-cookie"
    case other
  }

  /// Unique across the inventory (lower-kebab).
  package var id: String
  package var name: String
  package var kind: Kind
  /// Where it is used (`api repo CI`, `production`).
  package var whereUsed: [String]
  /// Who rotates it (a person or a team).
  package var owner: String?
  /// How to rotate it, in words.
  package var rotate: String?
  package var lastRotated: CalendarDay?
  /// The vendor that holds it.
  package var vendor: String
  package var source: InventorySource

  package init(
    id: String, name: String, kind: Kind, whereUsed: [String], owner: String?, rotate: String?,
    lastRotated: CalendarDay?, vendor: String, source: InventorySource
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.whereUsed = whereUsed
    self.owner = owner
    self.rotate = rotate
    self.lastRotated = lastRotated
    self.vendor = vendor
    self.source = source
  }
}
