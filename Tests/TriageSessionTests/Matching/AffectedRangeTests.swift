import Testing
import TriageSession

/// OSV `affected[].ranges` semantics, on the examples of the OSV schema's documentation.
@Suite struct AffectedRangeTests {
  private func range(_ kind: AffectedRange.Kind, _ events: AffectedRange.Event...) -> AffectedRange
  {
    AffectedRange(kind: kind, events: events)
  }

  /// `introduced: 0` then `fixed`: everything below the fix.
  @Test func introducedZeroThenFixedCoversEverythingBelowTheFix() {
    let r = range(.semver, .introduced("0"), .fixed("1.0.2"))
    #expect(r.includes("0.0.1", in: .npm))
    #expect(r.includes("1.0.1", in: .npm))
    #expect(r.includes("1.0.2-rc.1", in: .npm))
    #expect(!r.includes("1.0.2", in: .npm))
    #expect(!r.includes("2.0.0", in: .npm))
  }

  /// Several introduced/fixed pairs, events out of order: sorted first.
  @Test func severalPairsInAnyOrder() {
    let r = range(
      .ecosystem, .fixed("2.0.5"), .introduced("1.0.0"), .fixed("1.2.3"), .introduced("2.0.0"))
    let table: [(String, Bool)] = [
      ("0.9.0", false), ("1.0.0", true), ("1.2.2", true), ("1.2.3", false), ("1.9.0", false),
      ("2.0.0", true), ("2.0.4", true), ("2.0.5", false), ("3.0.0", false),
    ]
    for (version, expected) in table {
      #expect(r.includes(version, in: .npm) == expected, "\(version)")
    }
  }

  /// `last_affected` includes that version; `limit` caps the range.
  @Test func lastAffectedIncludesItsVersionAndLimitCaps() {
    let last = range(.ecosystem, .introduced("1.0.0"), .lastAffected("1.4.0"))
    #expect(last.includes("1.4.0", in: .crates))
    #expect(!last.includes("1.4.1", in: .crates))
    let limited = range(.semver, .introduced("0"), .limit("1.5.0"))
    #expect(limited.includes("1.4.9", in: .npm))
    #expect(!limited.includes("1.5.0", in: .npm))
  }

  /// An ECOSYSTEM range on PyPI uses PEP 440: a dev release of the fix is still affected.
  @Test func pypiRangesUsePEP440() {
    let r = range(.ecosystem, .introduced("2.0"), .fixed("2.31.0"))
    #expect(r.includes("2.31.0.dev1", in: .pypi))
    #expect(r.includes("2.30.0.post1", in: .pypi))
    #expect(!r.includes("2.31.0", in: .pypi))
    #expect(!r.includes("1!2.0", in: .pypi))
  }

  /// GIT ranges match an introduced or last-affected commit exactly (or by a 7+ hex prefix);
  /// commits between are not walked.
  @Test func gitRangesMatchNamedCommitsOnly() {
    let sha = "0e58ed8671d6b60d0890c21b07f8835ace038e67"
    let r = range(.git, .introduced(sha), .fixed("1111111111111111111111111111111111111111"))
    #expect(r.includes(sha, in: .githubActions))
    #expect(r.includes("0E58ED8", in: .githubActions))
    #expect(!r.includes("1111111111111111111111111111111111111111", in: .githubActions))
    #expect(!r.includes("2222222222222222222222222222222222222222", in: .githubActions))
  }

  /// A version the ecosystem cannot order is in no range.
  @Test func anUnreadableVersionIsInNoRange() {
    #expect(!range(.semver, .introduced("0")).includes("latest", in: .npm))
  }
}
