import Testing
import TriageSession
import TriageTestSupport

/// Each format's reader on its fixture: names, versions, lines, direct or transitive.
@Suite struct LockfileReaderTests {
  /// `name@version:line:direct` of what `relative` resolves.
  private func read(_ relative: String) throws -> [String] {
    let format = try #require(LockfileFormat(path: relative))
    let contents = try LockfileReader.read(
      Array(LockfileFixtures.text(relative).utf8), format: format, path: relative)
    return contents.packages.map { package in
      let direct = package.isDirect.map { $0 ? "direct" : "transitive" } ?? "unknown"
      return "\(package.name)@\(package.version):\(package.line):\(direct)"
    }
  }

  @Test func npmPackageLocks() throws {
    #expect(
      try read("web-npm-v3/package-lock.json") == [
        "asynckit@0.4.0:15:transitive", "axios@1.14.1:21:direct",
        "follow-redirects@1.15.9:32:transitive", "form-data@4.0.1:38:transitive",
        "proxy-from-env@1.1.0:47:transitive",
      ])
    #expect(
      try read("admin-npm-v2/package-lock.json") == [
        "payments-sdk@3.2.1:15:direct", "axios@1.14.1:23:transitive",
      ])
    #expect(
      try read("legacy-npm-v1/package-lock.json") == [
        "axios@1.14.0:8:unknown", "follow-redirects@1.15.9:16:unknown",
      ])
  }

  @Test func yarnLocks() throws {
    #expect(
      try read("widget-yarn-classic/yarn.lock") == [
        "axios@0.30.4:6:unknown", "follow-redirects@1.15.9:15:unknown",
        "@types/node@20.11.5:20:unknown",
      ])
    #expect(
      try read("docs-yarn-berry/yarn.lock") == [
        "axios@0.30.5:9:unknown", "follow-redirects@1.15.9:26:unknown",
      ])
  }

  @Test func pnpmLocks() throws {
    #expect(
      try read("dashboard-pnpm-v9/pnpm-lock.yaml") == [
        "axios@1.14.1:17:direct", "follow-redirects@1.15.9:20:transitive",
      ])
    #expect(
      try read("marketing-pnpm-v6/pnpm-lock.yaml") == [
        "axios@1.14.0:14:direct", "follow-redirects@1.15.9:22:transitive",
      ])
    #expect(
      try read("reports-pnpm-v5/pnpm-lock.yaml") == [
        "axios@0.30.5:11:direct", "follow-redirects@1.15.9:17:transitive",
      ])
  }

  @Test func pythonFiles() throws {
    #expect(
      try read("ml-python/requirements.txt") == [
        "axios@1.14.1:2:unknown", "requests@2.32.3:3:unknown", "urllib3@2.2.3:5:unknown",
      ])
    let requirements = try LockfileReader.read(
      Array(LockfileFixtures.text("ml-python/requirements.txt").utf8), format: .requirementsTxt,
      path: "r.txt")
    #expect(requirements.unpinned.map(\.text) == ["numpy>=1.26"])
    #expect(
      try read("poetry-service/poetry.lock") == [
        "certifi@2024.8.30:5:unknown", "requests@2.31.0:16:unknown",
      ])
    #expect(
      try read("uv-service/uv.lock") == [
        "idna@3.10:6:direct", "jinja2@3.1.4:12:direct", "markupsafe@2.1.5:20:transitive",
      ])
    #expect(
      try read("pipenv-service/Pipfile.lock") == [
        "django@4.2.16:25:unknown", "black@24.8.0:33:unknown",
      ])
  }

  /// Files made by the real tool (uv 0.13.9: `uv lock`, `uv pip compile`) read as written.
  @Test func realUvOutput() throws {
    #expect(
      try read("report-builder-uv-real/uv.lock") == [
        "certifi@2026.10.19.post1:7:transitive", "charset-normalizer@3.5.3:15:transitive",
        "idna@3.20:162:transitive", "jinja2@3.1.4:171:direct", "markupsafe@3.0.4:183:transitive",
        "requests@2.32.3:326:direct", "urllib3@2.8.0:341:transitive",
      ])
    #expect(
      try read("report-builder-uv-real/requirements.txt") == [
        "certifi@2026.10.19.post1:3:unknown", "charset-normalizer@3.5.3:5:unknown",
        "idna@3.20:7:unknown", "jinja2@3.1.6:9:unknown", "markupsafe@3.0.4:11:unknown",
        "requests@2.32.3:13:unknown", "urllib3@2.8.0:15:unknown",
      ])
  }

  @Test func goCargoGemsSwiftComposer() throws {
    #expect(
      try read("go-service/go.sum") == [
        "github.com/davecgh/go-spew@v1.1.1:1:unknown", "golang.org/x/net@v0.23.0:3:unknown",
        "golang.org/x/text@v0.14.0:5:unknown",
      ])
    #expect(
      try read("rust-service/Cargo.lock") == ["itoa@1.0.9:15:direct", "ryu@1.0.15:21:direct"])
    #expect(
      try read("rails-app/Gemfile.lock") == [
        "nokogiri@1.16.7:4:direct", "racc@1.8.1:6:transitive", "rack@2.2.8:7:direct",
      ])
    #expect(
      try read("ios-app-v1/Package.resolved") == [
        "https://github.com/apple/swift-log.git@1.4.0:10:unknown"
      ])
    #expect(
      try read("ios-app-v2/Package.resolved") == [
        "https://github.com/apple/swift-argument-parser@1.3.1:9:unknown"
      ])
    #expect(
      try read("ios-app-v3/Package.resolved") == [
        "https://github.com/apple/swift-collections.git@1.1.4:10:unknown"
      ])
    #expect(
      try read("php-site/composer.lock") == [
        "guzzlehttp/guzzle@7.8.1:9:unknown", "phpunit/phpunit@10.5.20:21:unknown",
      ])
  }

  @Test func workflowUses() throws {
    #expect(
      try read(".github/workflows/ci.yml") == [
        "actions/checkout@v4:10:direct", "tj-actions/changed-files@v35:13:direct",
        "tj-actions/changed-files@0e58ed8671d6b60d0890c21b07f8835ace038e67:14:direct",
        "octo-org/shared-workflows@v2:20:direct",
      ])
  }

  /// A malformed lockfile is refused at its line and column.
  @Test func malformedLockfilesArePositioned() {
    #expect(throws: LockfileProblem(path: "p", line: 2, column: 11, message: "expected ',' or '}'"))
    {
      try LockfileReader.read(
        Array("{\"packages\":\n  {\"a\": 1 \"b\": 2}}".utf8), format: .npmPackageLock, path: "p")
    }
    #expect(
      throws: LockfileProblem(
        path: "y", line: 3, column: 1,
        message: "expected an entry key ending in ':' (a yarn.lock entry)")
    ) {
      try LockfileReader.read(
        Array("# yarn lockfile v1\n\naxios@^1.0.0\n".utf8), format: .yarnLock, path: "y")
    }
    #expect(
      throws: LockfileProblem(
        path: "c", line: 3, column: 1, message: "expected 'key = value' or a [table] header")
    ) {
      try LockfileReader.read(
        Array("[[package]]\nname = \"a\"\nversion\n".utf8), format: .cargoLock, path: "c")
    }
  }

  /// File names to formats; other files are not read.
  @Test func formatsByFileName() {
    #expect(LockfileFormat(path: "a/requirements-dev.txt") == .requirementsTxt)
    #expect(LockfileFormat(path: "npm-shrinkwrap.json") == .npmPackageLock)
    #expect(LockfileFormat(path: ".github/workflows/release.yaml") == .githubWorkflow)
    #expect(LockfileFormat(path: "workflows/release.yaml") == nil)
    #expect(LockfileFormat(path: "package.json") == nil)
  }
}
