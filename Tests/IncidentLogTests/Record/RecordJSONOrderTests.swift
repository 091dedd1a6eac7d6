import Foundation
import Testing

@testable import IncidentLog

/// The orders the record's JSON keeps: named values in their own order (a repeated name keeps
/// its first place and last value), an inventory's lists, items and fields by key.
@Suite("Member order in the record's JSON")
struct RecordJSONOrderTests {
  @Test("named values keep their order; a repeated name its first place and last value")
  func namedValues() {
    let names = ["b", "a", "b", "ab", "ba", "\u{212A}", "K", "a"]
    let record = IncidentRecord(
      id: "20260401T000000Z-1a2b3c4d",
      answers: names.enumerated().map { .init(name: $1, value: .number(Double($0))) })
    let answers = record.jsonValue.objectValue?["answers"]?.objectValue
    #expect(answers?.keys == ["b", "a", "ab", "ba", "\u{212A}", "K"])
    #expect(answers?["b"] == .number(2))
    #expect(answers?["a"] == .number(7))
    let different = IncidentRecord(
      id: "20260401T000000Z-1a2b3c4d",
      answers: ["x", "y", "xy"].map { .init(name: $0, value: .boolean(true)) })
    #expect(different.jsonValue.objectValue?["answers"]?.objectValue?.keys == ["x", "y", "xy"])
  }

  @Test("an inventory's lists, items and fields are in key order")
  func inventoryOrder() {
    var record = IncidentRecord(id: "20260401T000000Z-1a2b3c4d")
    record.inventory = IncidentRecord.InventoryReference(
      sha256: "h", vendor: "v",
      items: [
        "vendor_credentials": ["c-2": ["z": "1", "a": "2", "m": "3"], "c-10": ["k": "4"]],
        "affected_clients": ["b": ["x": "5"], "a": ["y": "6", "é": "7", "e": "8"]],
      ])
    let items = record.jsonValue.objectValue?["inventory"]?.objectValue?["items"]?.objectValue
    #expect(items?.keys == ["affected_clients", "vendor_credentials"])
    let clients = items?["affected_clients"]?.objectValue
    #expect(clients?.keys == ["a", "b"])
    #expect(clients?["a"]?.objectValue?.keys == ["e", "y", "é"])
    let credentials = items?["vendor_credentials"]?.objectValue
    #expect(credentials?.keys == ["c-10", "c-2"])
    #expect(credentials?["c-2"]?.objectValue?.keys == ["a", "m", "z"])
  }
}
