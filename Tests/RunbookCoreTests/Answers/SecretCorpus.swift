import RunbookCore
import Testing

/// One answer for the scanner: a secret it should name by `expected`, or a look-alike
/// (`expected` nil) it should let through.
struct SecretCorpusCase: CustomTestStringConvertible, Sendable {
  let name: String
  let text: String
  let expected: SecretRule?
  /// A secret the scanner is known to miss, within the corpus' allowance; its test expects the
  /// miss, so that catching it one day prompts an update here.
  var isKnownMiss = false
  /// For a look-alike the scanner is known to refuse, within the allowance, the rule it is
  /// refused by; its test expects that, for the same reason.
  var knownRefusal: SecretRule?

  var testDescription: String { name }

  static func secret(_ name: String, _ rule: SecretRule, _ text: String) -> Self {
    Self(name: name, text: text, expected: rule)
  }

  static func knownMiss(_ name: String, _ rule: SecretRule, _ text: String) -> Self {
    Self(name: name, text: text, expected: rule, isKnownMiss: true)
  }

  static func lookAlike(_ name: String, _ text: String) -> Self {
    Self(name: name, text: text, expected: nil)
  }

  static func knownFalsePositive(_ name: String, _ rule: SecretRule, _ text: String) -> Self {
    Self(name: name, text: text, expected: nil, knownRefusal: rule)
  }
}

/// Realistic secrets, all made up (`FakeSecrets`), and realistic look-alikes.
enum SecretCorpus {
  static let secrets: [SecretCorpusCase] = {
    var fake = FakeSecrets(seed: 2026_12_04)
    return [
      .secret(
        "AWS key id in prose", .awsAccessKey, "the key AKIA\(fake.awsKeyID()) was in the logs"),
      .secret(
        "AWS key id in a credentials file", .awsAccessKey,
        "[default]\naws_access_key_id = AKIA\(fake.awsKeyID())\nregion = eu-west-1"),
      .secret(
        "AWS STS key id in JSON", .awsAccessKey,
        #"{"AccessKeyId": "ASIA\#(fake.awsKeyID())", "Expiration": "2026-12-04T20:00:00Z"}"#),
      .secret("AWS bearer key id", .awsAccessKey, "ABIA\(fake.awsKeyID())"),
      .secret("AWS context key id", .awsAccessKey, "export ACCA\(fake.awsKeyID());"),
      .secret(
        "AWS secret in a credentials file", .awsSecretAccessKey,
        "aws_secret_access_key = \(fake.base64(40))"),
      .secret(
        "AWS secret in YAML", .awsSecretAccessKey, "AWS_SECRET_ACCESS_KEY: \(fake.base64(40))"),
      .secret(
        "AWS secret in STS JSON", .awsSecretAccessKey,
        #"{"SecretAccessKey": "\#(fake.base64(40))", "SessionToken": "…"}"#),
      .secret(
        "AWS secret exported", .awsSecretAccessKey,
        "export AWS_SECRET_ACCESS_KEY=\(fake.base64(40))"),
      .secret(
        "AWS secret quoted", .awsSecretAccessKey, "aws_secret_key = '\(fake.base64(40))'"),
      .secret(
        "private key after a certificate", .privateKey,
        "-----BEGIN CERTIFICATE-----\nMIIB\(fake.base64(60))\n-----END CERTIFICATE-----\n"
          + "-----BEGIN RSA PRIVATE KEY-----\nMIIE\(fake.base64(60))\n"),
      .secret(
        "EC private key", .privateKey,
        "-----BEGIN EC PRIVATE KEY-----\nMHcC\(fake.base64(60))\n-----END EC PRIVATE KEY-----"),
      .secret(
        "encrypted private key", .privateKey,
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIF\(fake.base64(60))"),
      .secret(
        "PGP private key block", .privateKey,
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdG\(fake.base64(60))"),
      .secret(
        "DSA private key in prose", .privateKey,
        "the vendor mailed us this: -----BEGIN DSA PRIVATE KEY----- MIIBuw\(fake.base64(40))"),
      .secret(
        "OpenSSH private key", .privateKey,
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\(fake.base64(40))"),
      .secret(
        "postgres URL", .urlPassword,
        "postgres://app:\(fake.password(16))@db.internal:5432/prod"),
      .secret(
        "postgresql URL", .urlPassword,
        "DATABASE_URL=postgresql://report_ro:\(fake.password(20))@10.0.4.12/warehouse"),
      .secret(
        "mysql URL", .urlPassword, "mysql://root:\(fake.password(12))@mysql.vendor.example/app"),
      .secret(
        "mongodb URL", .urlPassword,
        "mongodb://svc:\(fake.password(18))@mongo-0.internal:27017,mongo-1.internal:27017/app"),
      .secret(
        "mongodb+srv URL", .urlPassword,
        "mongodb+srv://etl:\(fake.password(24))@cluster0.ab12c.mongodb.net/?retryWrites=true"),
      .secret(
        "redis URL with an empty user", .urlPassword,
        "redis://:\(fake.password(32))@cache.internal:6379/0"),
      .secret(
        "rediss URL", .urlPassword,
        "rediss://default:\(fake.password(24))@eu1-redis.example.io:6380"),
      .secret("amqp URL", .urlPassword, "amqp://worker:\(fake.password(14))@rabbit:5672/jobs"),
      .secret(
        "amqps URL", .urlPassword, "amqps://ingest:\(fake.password(20))@mq.vendor.example/prod"),
      .secret(
        "https URL with a password", .urlPassword,
        "git clone https://deploy:\(fake.password(20))@git.vendor.example/infra.git"),
      .secret(
        "http URL with a password", .urlPassword,
        "http://admin:\(fake.password(10))@192.168.10.4:8080/manager/html"),
      .secret(
        "URL password starting with a dollar", .urlPassword,
        "sftp://upload:$ecret\(fake.password(10))@sftp.vendor.example:2222/in"),
      .secret(
        "ftp URL", .urlPassword, "ftp://backup:\(fake.password(12))@ftp.vendor.example/nightly/"),
      .secret(
        "Azure storage connection string", .azureStorageKey,
        "DefaultEndpointsProtocol=https;AccountName=vendorlogs;AccountKey=\(fake.base64(86))==;"
          + "EndpointSuffix=core.windows.net"),
      .secret(
        "Azure SAS URL", .azureSASToken,
        "https://vendorlogs.blob.core.windows.net/exports/2026-12.csv?sv=2022-11-02&ss=b&srt=o"
          + "&sp=r&se=2026-12-31T00:00:00Z&spr=https&sig=\(fake.base64(43))%3D"),
      .secret(
        "Azure SAS token alone", .azureSASToken,
        "?se=2026-12-05T10%3A00%3A00Z&sp=racwdl&sv=2023-01-03&sr=c&sig=\(fake.base64(43))%3D"),
      .secret(
        "SendGrid key", .sendGridAPIKey, "SG.\(fake.base64URL(22)).\(fake.base64URL(43))"),
      .secret(
        "SendGrid key in env", .sendGridAPIKey,
        "SENDGRID_API_KEY=SG.\(fake.base64URL(22)).\(fake.base64URL(43))."),
      .secret("Twilio API key", .twilioKey, "SK\(fake.hex(32))"),
      .secret("Twilio account SID", .twilioKey, "TWILIO_ACCOUNT_SID=AC\(fake.hex(32))"),
      .secret("Twilio key in JSON", .twilioKey, #"{"twilio": {"key": "SK\#(fake.hex(32))"}}"#),
      .secret("Mailgun key", .mailgunKey, "MAILGUN_API_KEY=key-\(fake.hex(32))"),
      .secret("Mailgun key in prose", .mailgunKey, "we used key-\(fake.hex(32)) for the relay"),
      .secret("Heroku key in env", .herokuAPIKey, "HEROKU_API_KEY=\(fake.uuid())"),
      .secret("Heroku key in YAML", .herokuAPIKey, "heroku_api_key: \"\(fake.uuid())\""),
      .secret("DigitalOcean PAT", .digitalOceanToken, "dop_v1_\(fake.hex(64))"),
      .secret("DigitalOcean OAuth token", .digitalOceanToken, "token doo_v1_\(fake.hex(64))"),
      .secret("DigitalOcean refresh token", .digitalOceanToken, "dor_v1_\(fake.hex(64))"),
      .secret("Shopify access token", .shopifyToken, "shpat_\(fake.hex(32))"),
      .secret("Shopify custom app token", .shopifyToken, "shpca_\(fake.hex(32))"),
      .secret(
        "Shopify private app token", .shopifyToken, "X-Shopify-Access-Token: shppa_\(fake.hex(32))"),
      .secret("Shopify shared secret", .shopifyToken, "shpss_\(fake.hex(32))"),
      .secret("Vault service token", .vaultToken, "VAULT_TOKEN=hvs.\(fake.base64URL(91))"),
      .secret("Vault batch token", .vaultToken, "hvb.\(fake.base64URL(140))"),
      .secret("Datadog API key", .datadogKey, "DD_API_KEY=\(fake.hex(32))"),
      .secret("Datadog app key", .datadogKey, "DD_APP_KEY: \(fake.hex(40))"),
      .secret("Datadog key in Terraform", .datadogKey, "datadog_api_key = \"\(fake.hex(32))\""),
      .secret("Atlassian API token", .atlassianAPIToken, "ATATT3\(fake.base64URL(186))"),
      .secret(
        "Atlassian token in env", .atlassianAPIToken, "JIRA_API_TOKEN=ATATT3\(fake.base64URL(186))"),
      .secret("Linear API key", .linearAPIKey, "lin_api_\(fake.alphanumeric(40))"),
      .secret(
        "Linear key in env", .linearAPIKey, "LINEAR_API_KEY=lin_api_\(fake.alphanumeric(40))"),
      .secret(
        "New Relic user key", .newRelicAPIKey,
        "NRAK-\(fake.string(27, of: FakeSecrets.upper + FakeSecrets.digits))"),
      .secret(
        "New Relic key in env", .newRelicAPIKey,
        "NEW_RELIC_API_KEY=NRAK-\(fake.string(27, of: FakeSecrets.upper + FakeSecrets.digits))"),
      .secret(
        "age secret key", .ageSecretKey,
        "AGE-SECRET-KEY-1\(fake.string(58, of: FakeSecrets.upperBech32))"),
      .secret(
        "age key file", .ageSecretKey,
        "# created: 2026-12-04T10:00:00Z\n# public key: age1\(fake.hex(20))\n"
          + "AGE-SECRET-KEY-1\(fake.string(58, of: FakeSecrets.upperBech32))"),
      .secret("Stripe live key", .stripeKey, "sk_live_51\(fake.alphanumeric(96))"),
      .secret("Stripe test key", .stripeKey, "STRIPE_KEY=sk_test_\(fake.alphanumeric(24))"),
      .secret("Stripe restricted live key", .stripeKey, "rk_live_\(fake.alphanumeric(24))"),
      .secret("Stripe restricted test key", .stripeKey, "rk_test_\(fake.alphanumeric(99))"),
      .secret("password assignment", .assignedSecret, "password=\(fake.password(16))"),
      .secret("passwd in YAML", .assignedSecret, "  passwd: \(fake.password(14))"),
      // Ends with a digit: a value of letters only reads as a word and passes (AssignedSecret).
      .secret("12-character password", .assignedSecret, "SMTP_PASS=\(fake.password(11))9"),
      .secret("guessable password with digits", .assignedSecret, "password: Summer2026!"),
      .secret("api_key in YAML", .assignedSecret, "api_key: \(fake.alphanumeric(32))"),
      .secret("secret in env", .assignedSecret, "CLIENT_SECRET=\(fake.base64URL(40))"),
      .secret(
        "token in a query", .assignedSecret, "GET /export?token=\(fake.alphanumeric(28))&day=4"),
      .secret(
        "password in JSON", .assignedSecret,
        #"{"user": "etl", "db_password": "\#(fake.password(18))"}"#),
      .secret(
        "basic authorization header", .assignedSecret,
        "Authorization: Basic \(fake.base64(36))=="),
      .secret(
        "GitHub token with a zero-width space", .gitHubToken,
        "ghp_\(fake.alphanumeric(10))\u{200B}\(fake.alphanumeric(26))"),
      .secret(
        "AWS key id with a zero-width non-joiner", .awsAccessKey,
        "AKIA\(fake.string(8, of: FakeSecrets.awsKeyID))\u{200C}"
          + fake.string(8, of: FakeSecrets.awsKeyID)),
      .secret(
        "SendGrid key with a byte-order mark", .sendGridAPIKey,
        "SG.\(fake.base64URL(22))\u{FEFF}.\(fake.base64URL(43))"),
      .secret(
        "Stripe key with a word joiner", .stripeKey,
        "sk_live_\(fake.alphanumeric(12))\u{2060}\(fake.alphanumeric(12))"),
      .secret(
        "age key with zero-width joiners", .ageSecretKey,
        "AGE-SECRET-KEY-1\u{200D}\(fake.string(29, of: FakeSecrets.upperBech32))\u{200D}"
          + fake.string(29, of: FakeSecrets.upperBech32)),
      .secret(
        "GitHub fine-grained token", .gitHubFineGrainedToken,
        "github_pat_11\(fake.string(20, of: FakeSecrets.upper + FakeSecrets.digits))_"
          + fake.alphanumeric(59)),
      .secret(
        "Slack bot token", .slackToken,
        "xoxb-\(fake.string(13, of: FakeSecrets.digits))-\(fake.string(13, of: FakeSecrets.digits))-"
          + fake.alphanumeric(24)),
      .secret("OpenAI project key", .openAIAPIKey, "OPENAI_API_KEY=sk-proj-\(fake.base64URL(120))"),
      .secret(
        "JSON Web Token", .jsonWebToken,
        "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJ\(fake.base64URL(80)).\(fake.base64URL(86))"
      ),
      .secret(
        "npm token in .npmrc", .npmToken,
        "//registry.npmjs.org/:_authToken=npm_\(fake.alphanumeric(36))"),
      .secret(
        "password in a kubectl command", .assignedSecret,
        "kubectl create secret generic db --from-literal=password=\(fake.password(20))"),
      .knownMiss(
        "AWS secret with nothing naming it", .awsSecretAccessKey,
        "the second value in the export was \(fake.base64(40))"),
      .knownMiss(
        "password in a sentence", .assignedSecret,
        "the db password is \(fake.password(14)) until we rotate it"),
    ]
  }()

  static let lookAlikes: [SecretCorpusCase] = {
    var fake = FakeSecrets(seed: 4_12_2026)
    return [
      .lookAlike(
        "AWS's documented example key id", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
      .lookAlike(
        "AWS's documented example secret",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
      .lookAlike("placeholder AWS key id", "key = AKIAXXXXXXXXXXXXXXXX"),
      .lookAlike(
        "AWS key id named in prose",
        "the access key id ending in 7QXZ belongs to the deploy user; rotate the AKIA key"),
      .lookAlike(
        "AWS secret key mentioned", "we rotated the aws_secret_access_key of the build user"),
      .lookAlike("git SHA", "fixed in commit \(fake.hex(40)) on main"),
      .lookAlike("git SHA assigned", "revision: \(fake.hex(40))"),
      .lookAlike("UUID", "incident id \(fake.uuid()) opened by the vendor"),
      .lookAlike("Heroku app id", "HEROKU_APP_ID=\(fake.uuid())"),
      .lookAlike("container digest", "image digest sha256:\(fake.hex(64))"),
      .lookAlike(
        "prose about passwords",
        "the vendor's password policy requires 14 characters; the password was reset at 10:42"),
      .lookAlike("redacted password", "password: <redacted>"),
      .lookAlike("low-entropy password", "password=changeme"),
      .lookAlike("weak repeated password", "password: hunter2hunter2"),
      .lookAlike("masked password", "password: ********"),
      .lookAlike("password from a variable", "DB_PASSWORD=${DB_PASSWORD}"),
      .lookAlike("masked token", "token: ghp_****************************abcd"),
      .lookAlike("secret name", "secret_name: prod/payments/db-password"),
      .lookAlike("token endpoint", "token_url: https://auth.vendor.example/oauth/token"),
      .lookAlike("key id assignment", "api_key_id: \(fake.alphanumeric(20))"),
      .lookAlike("URL with a user and no password", "https://jane@git.vendor.example/infra.git"),
      .lookAlike("URL without credentials", "https://status.vendor.example/incidents/2026-12-04"),
      .lookAlike("URL with a port", "http://localhost:8080/admin?user=jane"),
      .lookAlike("URL with a placeholder password", "postgres://app:password@localhost/dev"),
      .lookAlike("URL with a masked password", "mysql://root:****@db.internal/app"),
      .lookAlike("URL with an angle-bracket password", "redis://:<password>@cache:6379"),
      .lookAlike("URL with a variable password", "amqp://worker:${RABBIT_PASSWORD}@rabbit/jobs"),
      .lookAlike(
        "certificate only",
        "-----BEGIN CERTIFICATE-----\nMIIB\(fake.base64(60))\n-----END CERTIFICATE-----"),
      .lookAlike("public key", "-----BEGIN PUBLIC KEY-----\nMFkw\(fake.base64(60))"),
      .lookAlike(
        "SSH public key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI\(fake.base64(43)) jane@ci"),
      .lookAlike("Stripe prefix in prose", "the sk_live_ keys belong to the payments team"),
      .lookAlike(
        "signed URL without SAS fields", "https://cdn.example/a.png?sig=\(fake.base64(43))"),
      .lookAlike("Datadog site", "DD_SITE=datadoghq.eu"),
      .lookAlike("ticket name with key-", "see key-rotation-2026-q4 in the tracker"),
      .lookAlike(
        "age prefix in prose", "age keys start with AGE-SECRET-KEY-1 and are 74 characters"),
      .lookAlike("Twilio SID mentioned", "the Twilio account SID ending in 4f2a"),
      .lookAlike("JWT header only", "alg header eyJhbGciOiJIUzI1NiJ9 was weak"),
      .lookAlike("token flags", "token: true, auth_token_ttl: 3600, token_type: bearer"),
      .lookAlike(
        "Vault prefix in prose", "hvs. tokens are Vault service tokens; NRAK- is New Relic"),
      .lookAlike("GitHub Actions secret", "token: ${{ secrets.GITHUB_TOKEN }}"),
      .lookAlike("template password", "password: '{{ vault_db_password }}'"),
      .lookAlike(
        "Secrets Manager ARN",
        "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/payments/db-AbCdEf"),
      .lookAlike("password change time", "password_last_changed: 2026-11-01T10:00:00Z"),
      .lookAlike("timestamps and times", "detected: 2026-12-04T09:40:00Z, contained: 10:42 UTC"),
    ]
  }()
}
