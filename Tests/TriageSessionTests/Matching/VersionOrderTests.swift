import Testing
import TriageSession

/// The version orders: Semantic Versioning 2.0 precedence, PEP 440, RubyGems, the fallback.
@Suite struct VersionOrderTests {
  /// semver.org §11's example chain, each before the next.
  @Test func semanticVersionsFollowThePrecedenceRules() {
    let chain = [
      "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
      "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1",
    ]
    for (earlier, later) in zip(chain, chain.dropFirst()) {
      #expect(VersionOrder.compare(earlier, later, in: .npm) == -1, "\(earlier) < \(later)")
      #expect(VersionOrder.compare(later, earlier, in: .npm) == 1)
    }
    #expect(VersionOrder.compare("1.0.0+build.5", "1.0.0", in: .crates) == 0)
    #expect(VersionOrder.compare("v1.14.1", "1.14.1", in: .go) == 0)
    #expect(VersionOrder.compare("not-a-version", "1.0.0", in: .npm) == nil)
  }

  /// Go pseudo-versions read as pre-releases of the next patch: before the release.
  @Test func goPseudoVersionsSortBeforeTheirRelease() {
    #expect(VersionOrder.compare("v0.0.0-20240101120000-abcdef123456", "v0.0.1", in: .go) == -1)
    #expect(VersionOrder.compare("v2.0.0+incompatible", "v2.0.0", in: .go) == 0)
  }

  /// PEP 440's ordering example, each before the next.
  @Test func pythonVersionsFollowPEP440() {
    let chain = [
      "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
      "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5",
      "1.0.post456.dev34", "1.0.post456", "1.1.dev1", "1!0.1",
    ]
    for (earlier, later) in zip(chain, chain.dropFirst()) {
      #expect(VersionOrder.compare(earlier, later, in: .pypi) == -1, "\(earlier) < \(later)")
    }
    #expect(VersionOrder.compare("1.0.0", "1.0", in: .pypi) == 0)
    #expect(VersionOrder.compare("1.0-1", "1.0.post1", in: .pypi) == 0)
    #expect(VersionOrder.compare("1.0alpha1", "1.0a1", in: .pypi) == 0)
    #expect(VersionOrder.compare("1.0c1", "1.0rc1", in: .pypi) == 0)
  }

  /// RubyGems: letters mark a pre-release, before the release; numbers as numbers.
  @Test func rubyGemsVersionsCompareBySegments() {
    let chain = ["1.0.a", "1.0.b1", "1.0.rc1", "1.0", "1.0.1", "1.10"]
    for (earlier, later) in zip(chain, chain.dropFirst()) {
      #expect(VersionOrder.compare(earlier, later, in: .rubyGems) == -1, "\(earlier) < \(later)")
    }
    #expect(VersionOrder.compare("1.0.0", "1", in: .rubyGems) == 0)
  }

  /// The fallback (Actions tags, Packagist, Swift): semver with a `v` and short forms, else
  /// dotted numbers, else unordered.
  @Test func theFallbackReadsTagsAndDottedNumbers() {
    #expect(VersionOrder.compare("v35", "46.0.1", in: .githubActions) == -1)
    #expect(VersionOrder.compare("v46.0.1", "46.0.1", in: .githubActions) == 0)
    #expect(VersionOrder.compare("1.2.3.4", "1.2.3.10", in: .packagist) == -1)
    #expect(VersionOrder.compare("main", "1.0", in: .githubActions) == nil)
  }
}
