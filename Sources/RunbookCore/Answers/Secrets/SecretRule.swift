/// One kind of secret the scanner recognises: a stable id for tests and the name a person reads.
///
/// Each rule below names its source: the gitleaks rule it follows (github.com/gitleaks/gitleaks,
/// `config/gitleaks.toml`, checked on 2026-12-04 at commit b58d3f1), or, where gitleaks' default
/// configuration has no such rule, what it is modelled on instead.
package struct SecretRule: Sendable, Hashable, CustomStringConvertible {
  /// A stable, kebab-case identifier such as `aws-access-key`.
  package let id: String
  /// The kind of secret with its article, as it reads in "this looks like an AWS access key".
  package let name: String

  package var description: String { id }
}

extension SecretRule {
  /// gitleaks `private-key` (checked 2026-12-04), the `-----BEGIN … PRIVATE KEY-----` line only.
  package static let privateKey = SecretRule(id: "private-key", name: "a private key")
  /// gitleaks `aws-access-token` (checked 2026-12-04) with its entropy of 3 and its `.+EXAMPLE$`
  /// allowlist (AWS's documented example key passes), but `[A-Z0-9]` for the 16 characters
  /// (gitleaks: `[A-Z2-7]`, today's alphabet).
  package static let awsAccessKey = SecretRule(id: "aws-access-key", name: "an AWS access key")
  /// No rule in gitleaks' default configuration (checked 2026-12-04); the key-name-then-value
  /// shape of its `generic-api-key`, with a name mentioning `secret` and `aws` or `access`.
  package static let awsSecretAccessKey = SecretRule(
    id: "aws-secret-access-key", name: "an AWS secret access key")
  /// gitleaks `github-pat`, `github-oauth`, `github-app-token`, `github-refresh-token`
  /// (checked 2026-12-04).
  package static let gitHubToken = SecretRule(id: "github-token", name: "a GitHub token")
  /// gitleaks `github-fine-grained-pat` (checked 2026-12-04).
  package static let gitHubFineGrainedToken = SecretRule(
    id: "github-fine-grained-token", name: "a GitHub fine-grained token")
  /// gitleaks `gitlab-pat` (checked 2026-12-04).
  package static let gitLabToken = SecretRule(id: "gitlab-token", name: "a GitLab token")
  /// gitleaks `npm-access-token` (checked 2026-12-04).
  package static let npmToken = SecretRule(id: "npm-token", name: "an npm token")
  /// gitleaks `pypi-upload-token` (checked 2026-12-04).
  package static let pyPIToken = SecretRule(id: "pypi-token", name: "a PyPI token")
  /// gitleaks `slack-bot-token`, `slack-user-token` and the other `slack-*-token` rules
  /// (checked 2026-12-04).
  package static let slackToken = SecretRule(id: "slack-token", name: "a Slack token")
  /// gitleaks `slack-webhook-url` (checked 2026-12-04).
  package static let slackWebhook = SecretRule(id: "slack-webhook", name: "a Slack webhook")
  /// gitleaks `anthropic-api-key` (checked 2026-12-04).
  package static let anthropicAPIKey = SecretRule(
    id: "anthropic-api-key", name: "an Anthropic API key")
  /// gitleaks `openai-api-key` (checked 2026-12-04).
  package static let openAIAPIKey = SecretRule(id: "openai-api-key", name: "an OpenAI API key")
  /// gitleaks `gcp-api-key` (checked 2026-12-04).
  package static let googleAPIKey = SecretRule(id: "google-api-key", name: "a Google API key")
  /// gitleaks `stripe-access-token` (checked 2026-12-04): live, test and prod, secret and
  /// restricted keys; at least 20 characters after the prefix where gitleaks takes 10.
  package static let stripeKey = SecretRule(id: "stripe-key", name: "a Stripe key")
  /// gitleaks `huggingface-access-token` (checked 2026-12-04).
  package static let huggingFaceToken = SecretRule(
    id: "hugging-face-token", name: "a Hugging Face token")
  /// gitleaks `sendgrid-api-token` (checked 2026-12-04).
  package static let sendGridAPIKey = SecretRule(id: "sendgrid-api-key", name: "a SendGrid API key")
  /// gitleaks `twilio-api-key` (checked 2026-12-04) for `SK…`; gitleaks has no rule for the
  /// `AC…` account SID with the same shape, which we refuse as well, since it is half of a login.
  package static let twilioKey = SecretRule(id: "twilio-key", name: "a Twilio key")
  /// gitleaks `mailgun-private-api-token` (checked 2026-12-04), without its `mailgun` context.
  package static let mailgunKey = SecretRule(id: "mailgun-key", name: "a Mailgun API key")
  /// gitleaks `digitalocean-pat`, `digitalocean-access-token`, `digitalocean-refresh-token`
  /// (checked 2026-12-04).
  package static let digitalOceanToken = SecretRule(
    id: "digitalocean-token", name: "a DigitalOcean token")
  /// gitleaks `shopify-access-token`, `shopify-custom-access-token`,
  /// `shopify-private-app-access-token`, `shopify-shared-secret` (checked 2026-12-04).
  package static let shopifyToken = SecretRule(id: "shopify-token", name: "a Shopify token")
  /// gitleaks `vault-service-token` and `vault-batch-token` (checked 2026-12-04).
  package static let vaultToken = SecretRule(id: "vault-token", name: "a HashiCorp Vault token")
  /// gitleaks `atlassian-api-token` (checked 2026-12-04), its `ATATT3` branch.
  package static let atlassianAPIToken = SecretRule(
    id: "atlassian-api-token", name: "an Atlassian API token")
  /// gitleaks `linear-api-key` (checked 2026-12-04).
  package static let linearAPIKey = SecretRule(id: "linear-api-key", name: "a Linear API key")
  /// gitleaks `new-relic-user-api-key` (checked 2026-12-04), without its `newrelic` context.
  package static let newRelicAPIKey = SecretRule(
    id: "new-relic-api-key", name: "a New Relic API key")
  /// gitleaks `age-secret-key` (checked 2026-12-04).
  package static let ageSecretKey = SecretRule(id: "age-secret-key", name: "an age secret key")
  /// gitleaks `jwt` (checked 2026-12-04).
  package static let jsonWebToken = SecretRule(id: "json-web-token", name: "a JSON Web Token")
  /// No rule in gitleaks' default configuration (checked 2026-12-04; `curl-auth-user` and
  /// `sidekiq-sensitive-url` are the nearest): RFC 3986 userinfo `user:password@` in any URL.
  package static let urlPassword = SecretRule(id: "url-password", name: "a URL with a password")
  /// No rule in gitleaks' default configuration (checked 2026-12-04): `AccountKey=` in an Azure
  /// Storage connection string, 86 base64 characters and `==`.
  package static let azureStorageKey = SecretRule(
    id: "azure-storage-key", name: "an Azure storage account key")
  /// No rule in gitleaks' default configuration (checked 2026-12-04): a shared access
  /// signature, `sig=` in a query that also has `sv=` or `se=`.
  package static let azureSASToken = SecretRule(id: "azure-sas-token", name: "an Azure SAS token")
  /// gitleaks `heroku-api-key` (checked 2026-12-04): a UUID assigned to a name with `heroku`.
  package static let herokuAPIKey = SecretRule(id: "heroku-api-key", name: "a Heroku API key")
  /// gitleaks `datadog-access-token` (checked 2026-12-04), widened to `DD_API_KEY`/`DD_APP_KEY`
  /// names and 32-character API keys as well as 40-character application keys.
  package static let datadogKey = SecretRule(id: "datadog-key", name: "a Datadog key")
  /// gitleaks `generic-api-key` (checked 2026-12-04): a password, secret or token assigned a
  /// value of at least 10 characters with Shannon entropy of at least 3.5 bits per character,
  /// less for a short password (see `AssignedSecret`).
  package static let assignedSecret = SecretRule(
    id: "assigned-secret", name: "a password or secret")
}
