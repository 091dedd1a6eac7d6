import IncidentLog

/// The name and version of each command's `--json` output, written as its `"format"` member
/// (docs/json-output.md describes each shape).
///
/// A change that removes or renames a member, or changes its type, gets a new version; new
/// members may be added within a version.
enum JSONOutputFormat: String, CaseIterable, Sendable {
  case runbooks = "triage-runbooks/1"
  case show = "triage-show/1"
  case lint = "triage-lint/1"
  case test = "triage-test/1"
  case replay = "triage-replay/1"
  case obligations = "triage-obligations/1"
  case obligationsShow = "triage-obligations-show/1"
  case archiveList = "triage-archive-list/1"
  case archiveFollowUps = "triage-archive-follow-ups/1"
  case archiveStats = "triage-archive-stats/1"
  case archiveSearch = "triage-archive-search/1"
  case archiveVerify = "triage-archive-verify/1"
  case due = "triage-due/1"
  case affected = "triage-affected/1"
  case inventoryList = "triage-inventory-list/1"
  case inventoryShow = "triage-inventory-show/1"
  case inventoryDue = "triage-inventory-due/1"
  case drafts = "triage-drafts/1"

  /// The `"format"` member, to put first in an object.
  var member: JSONObject.Member { .init("format", .string(rawValue)) }

  /// The opening of a streamed object whose one list is `key`:
  /// `{"format": "...", "records": [`.
  func streamHead(listKey key: String) -> String {
    "{\n  \"format\": \"\(rawValue)\",\n  \"\(key)\": ["
  }

  /// The closing of a streamed object after `count` items.
  static func streamTail(count: Int) -> String {
    count == 0 ? "]\n}\n" : "\n  ]\n}\n"
  }
}

extension JSONValue {
  /// This object with `"format": format` as its first member (anything else unchanged).
  func stamped(_ format: JSONOutputFormat) -> JSONValue {
    guard case .object(let object) = self else { return self }
    return .object(JSONObject([format.member] + object.members.filter { $0.key != "format" }))
  }
}
