import Foundation
import YAMLLite

extension ObligationFile {
  /// The top-level keys of an obligation file.
  static let topLevelKeys = [
    "obligations", "jurisdiction", "title", "reviewed", "sources", "holidays", "duties",
  ]
  /// The keys of a duty.
  static let dutyKeys = [
    "id", "title", "to", "citation", "url", "in-force-from", "in-force-until", "when", "due",
    "no-fixed-deadline", "not-required", "undetermined", "thresholds", "content", "delay",
    "draft", "approver",
  ]

  /// Reads an obligation file's shape, reporting every problem with its position.
  ///
  /// Names, anchors and ids across the library are checked by ``ObligationLinter``.
  ///
  /// - Returns: the file (nil when any error was found) and all diagnostics.
  package static func load(_ bytes: [UInt8], file: String) -> (ObligationFile?, [Diagnostic]) {
    TreeReader.load(bytes, file: file) { reader, root in reader.readObligationFile(root) }
  }
}

extension TreeReader {
  /// Parses `bytes` as YAML and reads the tree with `read`, collecting every problem: the value
  /// (nil when any error was found) and all diagnostics, in file order.
  static func load<Loaded>(
    _ bytes: [UInt8], file: String, _ read: (inout TreeReader, Node) -> Loaded?
  ) -> (Loaded?, [Diagnostic]) {
    let root: Node
    do {
      root = try YAMLParser.parse(bytes, file: file)
    } catch {
      return (nil, [Diagnostic(error)])
    }
    var reader = TreeReader(file: file)
    let loaded = read(&reader, root)
    let diagnostics = reader.diagnostics.sortedByLocation()
    return (diagnostics.containsErrors ? nil : loaded, diagnostics)
  }
}

extension ObligationFile {
  /// Whether `text` is a file id: kebab words, optionally `--` and a kebab regime id
  /// (`us-tx`, `eu--gdpr`).
  package static func isFileID(_ text: String) -> Bool {
    let parts = splitAtDoubleDash(text)
    return (1...2).contains(parts.count) && parts.allSatisfy { IDPattern.kebab.matches($0) }
  }

  /// The jurisdiction a file id names: the part before `--`, upper-cased (`eu--gdpr` → `EU`).
  package static func jurisdiction(ofFileID id: String) -> String {
    // An ASCII id (every file id is) is cut and upper-cased on its bytes: a run asks this of
    // each of the library's files, and `uppercased()` with the split cost 1.5K instructions each.
    var id = id
    let code = id.withUTF8 { bytes -> String? in
      var end = 0
      while end < bytes.count,
        !(bytes[end] == UInt8(ascii: "-") && end + 1 < bytes.count
          && bytes[end + 1] == UInt8(ascii: "-"))
      {
        guard bytes[end] < 0x80 else { return nil }
        end += 1
      }
      return String(unsafeUninitializedCapacity: end) { upper in
        for index in 0..<end {
          let byte = bytes[index]
          upper[index] =
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
        }
        return end
      }
    }
    return code ?? (splitAtDoubleDash(id).first ?? id).uppercased()
  }

  /// `text` cut at each `--`, as `components(separatedBy: "--")` does (`a--b--c` → `a`, `b`,
  /// `c`; `a---b` → `a`, `-b`), found in the UTF-8 bytes instead of through Foundation.
  static func splitAtDoubleDash(_ text: String) -> [String] {
    let bytes = text.utf8
    var parts: [String] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let next = bytes.index(after: index)
      if bytes[index] == UInt8(ascii: "-"), next != bytes.endIndex,
        bytes[next] == UInt8(ascii: "-")
      {
        parts.append(String(text[start..<index]))
        index = bytes.index(after: next)
        start = index
      } else {
        index = next
      }
    }
    parts.append(String(text[start..<bytes.endIndex]))
    return parts
  }
}

extension TreeReader {
  /// Reads `{obligations, jurisdiction, title, reviewed, sources?, duties}`.
  mutating func readObligationFile(_ root: Node) -> ObligationFile? {
    guard
      let map = MappingReader(
        root, as: "obligation file", known: ObligationFile.topLevelKeys,
        required: ["obligations", "jurisdiction", "title", "reviewed", "duties"],
        diagnostics: &diagnostics)
    else { return nil }
    var id: String?
    if let (text, node) = map.text("obligations", diagnostics: &diagnostics) {
      id = text
      if !ObligationFile.isFileID(text) {
        problem(.badFileID(text), at: node.location(ofTextOffset: 0))
      }
    }
    var jurisdiction: String?
    if let (text, node) = map.text("jurisdiction", diagnostics: &diagnostics) {
      jurisdiction = text
      if !ResidentCounts.isJurisdictionCode(text) {
        problem(.badJurisdiction(text), at: node.location(ofTextOffset: 0))
      }
    }
    let reviewed = readDay(map, "reviewed")?.text
    let title = map.text("title", diagnostics: &diagnostics)?.0
    let sources = readReferences(map, key: "sources")
    guard let id, let jurisdiction, let reviewed, let title else { return nil }
    let duties = (map.items("duties", diagnostics: &diagnostics) ?? []).compactMap {
      readDuty($0, fileID: id, jurisdiction: jurisdiction, reviewed: reviewed)
    }
    return ObligationFile(
      id: id, jurisdiction: jurisdiction, title: title, reviewed: reviewed, sources: sources,
      duties: duties, holidays: map.text("holidays", diagnostics: &diagnostics)?.0, file: file,
      idLocation: map.value("obligations")?.location(ofTextOffset: 0) ?? root.location,
      jurisdictionLocation: map.value("jurisdiction")?.location(ofTextOffset: 0) ?? root.location)
  }

  /// Reads a duty: a notification's keys plus the law behind it.
  mutating func readDuty(
    _ item: Node, fileID: String, jurisdiction: String, reviewed: String
  ) -> Duty? {
    guard
      let map = MappingReader(
        item, as: "duty", known: ObligationFile.dutyKeys,
        required: ["id", "title", "to", "citation", "url"], diagnostics: &diagnostics)
    else { return nil }
    // A duty id starts with its file id, so it may hold the file id's `--` (eu--gdpr-authority).
    var id: String?
    if let (text, node) = map.text("id", diagnostics: &diagnostics) {
      id = text
      if !ObligationFile.isFileID(text) {
        problem(.badDutyID(text), at: node.location(ofTextOffset: 0))
      }
    }
    let to = readTemplate(map, "to")
    let title = map.text("title", diagnostics: &diagnostics)?.0
    let citation = map.text("citation", diagnostics: &diagnostics)?.0
    let url = map.text("url", diagnostics: &diagnostics)?.0
    let from = readDay(map, "in-force-from")?.day
    let until = readDay(map, "in-force-until")?.day
    let noFixedDeadline = map.text("no-fixed-deadline", diagnostics: &diagnostics)?.0
    let thresholds = readTextList(map, "thresholds")
    let delay = map.text("delay", diagnostics: &diagnostics)?.0
    var requires: [String] = []
    var forbids: [String] = []
    if let node = map.value("content"),
      let content = MappingReader(
        node, as: "content", known: ["requires", "forbids"], required: [],
        diagnostics: &diagnostics)
    {
      requires = readTextList(content, "requires")
      forbids = readTextList(content, "forbids")
    }
    let when = readCondition(map, "when")
    let due = readDue(map)
    let draft = readTemplate(map, "draft")
    let notRequired = readOutcomeReasons(map, "not-required")
    let undetermined = readOutcomeReasons(map, "undetermined")
    guard let id, let to, let title, let citation, let url else { return nil }
    var rule = NotificationRule(
      id: id, to: to, when: when, due: due, basis: citation, draft: draft,
      notRequired: notRequired, undetermined: undetermined, location: item.location)
    rule.approver = readApprover(map)
    return Duty(
      rule: rule, title: title, citation: citation, url: url, reviewed: reviewed,
      jurisdiction: jurisdiction, fileID: fileID, inForceFrom: from, inForceUntil: until,
      noFixedDeadline: noFixedDeadline, thresholds: thresholds, contentRequires: requires,
      contentForbids: forbids, delay: delay)
  }

  /// Records an obligation problem as an error.
  mutating func problem(_ problem: ObligationProblem, at location: SourceLocation) {
    diagnostics.append(Diagnostic(.error, problem, at: location))
  }

  /// Reads a `YYYY-MM-DD` date at `key`, reporting one that is not a real day.
  mutating func readDay(_ map: MappingReader, _ key: String) -> (text: String, day: CalendarDay)? {
    guard let (text, node) = map.text(key, diagnostics: &diagnostics) else { return nil }
    guard text.count == 10, let day = CalendarDay(parsing: text) else {
      problem(.badDay(key: key, found: text), at: node.location(ofTextOffset: 0))
      return nil
    }
    return (text, day)
  }
}
