/// A version read by Semantic Versioning 2.0 rules, ordered by its precedence.
///
/// Build metadata is ignored. Lenient where lockfiles are: a leading `v` or `=`, and missing minor or patch
/// (`1.2` is `1.2.0`), are accepted.
package struct SemanticVersion: Sendable, Hashable, Comparable {
  package var major: Int
  package var minor: Int
  package var patch: Int
  /// The dot-separated prerelease identifiers; empty for a release.
  package var prerelease: [String]

  /// Reads `text`; nil when it is not a semantic version.
  package init?(_ text: String) {
    var rest = Substring(text)
    while let first = rest.first, first == "v" || first == "V" || first == "=" || first == " " {
      rest.removeFirst()
    }
    if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
    var prerelease: [String] = []
    if let dash = rest.firstIndex(of: "-") {
      prerelease = rest[rest.index(after: dash)...].split(
        separator: ".", omittingEmptySubsequences: false
      ).map(String.init)
      guard !prerelease.contains(where: \.isEmpty) else { return nil }
      rest = rest[..<dash]
    }
    let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...3).contains(numbers.count) else { return nil }
    var values: [Int] = []
    for number in numbers {
      guard !number.isEmpty, number.allSatisfy(\.isASCIIDigitCharacter), let value = Int(number)
      else { return nil }
      values.append(value)
    }
    while values.count < 3 { values.append(0) }
    major = values[0]
    minor = values[1]
    patch = values[2]
    self.prerelease = prerelease
  }

  package static func < (left: SemanticVersion, right: SemanticVersion) -> Bool {
    if (left.major, left.minor, left.patch) != (right.major, right.minor, right.patch) {
      return (left.major, left.minor, left.patch) < (right.major, right.minor, right.patch)
    }
    // A prerelease comes before its release.
    switch (left.prerelease.isEmpty, right.prerelease.isEmpty) {
    case (true, true), (true, false): return false
    case (false, true): return true
    case (false, false): break
    }
    for (a, b) in zip(left.prerelease, right.prerelease) where a != b {
      switch (Int(a), Int(b)) {
      case (let x?, let y?): return x < y
      case (.some, nil): return true  // numeric identifiers sort before alphanumeric ones
      case (nil, .some): return false
      case (nil, nil): return a < b  // ASCII order
      }
    }
    return left.prerelease.count < right.prerelease.count
  }
}

extension Character {
  /// `0` to `9`, nothing else.
  var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
