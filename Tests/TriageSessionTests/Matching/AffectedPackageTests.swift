import Testing
import TriageSession

/// `--package` text, names per ecosystem, and OSV advisories.
@Suite struct AffectedPackageTests {
  @Test func readsPackageSpecs() throws {
    let axios = try AffectedPackage(parsing: "npm:axios@1.14.1,0.30.4")
    #expect(
      axios == AffectedPackage(ecosystem: .npm, name: "axios", versions: ["1.14.1", "0.30.4"]))
    let scoped = try AffectedPackage(parsing: "npm:@nx/devkit@20.9.0")
    #expect(scoped.name == "@nx/devkit")
    let action = try AffectedPackage(parsing: "GitHub Actions:tj-actions/changed-files@v35")
    #expect(action.ecosystem == .githubActions)
    #expect(try AffectedPackage(parsing: "pip:Flask_SQLAlchemy@3.1.1").ecosystem == .pypi)
  }

  @Test func refusesBadSpecs() {
    #expect(throws: PackageSpecError.self) { try AffectedPackage(parsing: "axios@1.0.0") }
    #expect(throws: PackageSpecError.self) { try AffectedPackage(parsing: "nuget:x@1.0.0") }
    #expect(throws: PackageSpecError.self) { try AffectedPackage(parsing: "npm:axios") }
    #expect(throws: PackageSpecError.self) { try AffectedPackage(parsing: "npm:axios@") }
  }

  /// PEP 503 names: case and `-_.` runs do not matter on PyPI; they do elsewhere.
  @Test func pypiNamesAreNormalised() {
    let package = AffectedPackage(ecosystem: .pypi, name: "flask-sqlalchemy", versions: ["3.1.1"])
    #expect(package.includes(ecosystem: .pypi, name: "Flask_SQLAlchemy", version: "3.1.1"))
    #expect(package.includes(ecosystem: .pypi, name: "flask.._sqlalchemy", version: "3.1.1"))
    #expect(!package.includes(ecosystem: .npm, name: "flask-sqlalchemy", version: "3.1.1"))
    #expect(
      PackageEcosystem.swiftURL.normalizedName("https://github.com/Apple/swift-log.git/")
        == "github.com/apple/swift-log")
  }

  @Test func readsAnOSVAdvisory() throws {
    let text = """
      {"id": "GHSA-x", "aliases": ["CVE-1"],
       "affected": [
         {"package": {"ecosystem": "npm", "name": "axios"},
          "ranges": [{"type": "SEMVER", "events": [{"introduced": "1.0.0"}, {"fixed": "1.6.0"}]}],
          "versions": ["1.0.0"]},
         {"package": {"ecosystem": "Debian:12", "name": "node-axios"}, "versions": ["1"]}]}
      """
    let advisory = try OSVAdvisory(json: Array(text.utf8))
    #expect(advisory.id == "GHSA-x")
    #expect(advisory.packages.count == 1)
    #expect(advisory.skippedEcosystems == ["Debian:12"])
    #expect(advisory.packages[0].includes(ecosystem: .npm, name: "axios", version: "1.5.9"))
    #expect(!advisory.packages[0].includes(ecosystem: .npm, name: "axios", version: "1.6.0"))
  }

  /// A broken advisory is refused at its line and column.
  @Test func refusesABrokenAdvisoryWithItsPosition() {
    let text = "{\"id\": \"X\",\n \"affected\": [\n  {\"package\": {\"ecosystem\": \"npm\"}}]}"
    #expect(
      throws: AdvisoryError(
        line: 3, column: 3, message: "an 'affected' entry needs package.ecosystem and package.name")
    ) {
      try OSVAdvisory(json: Array(text.utf8))
    }
    #expect(throws: AdvisoryError(line: 1, column: 8, message: "expected a value")) {
      try OSVAdvisory(json: Array("{\"id\": }".utf8))
    }
  }
}
