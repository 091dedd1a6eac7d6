import Foundation

extension IncidentRecord {
  /// An entry of `trail`: `{question, asked, answer, at}`, the prompt as shown; `source` when
  /// the answer came from the inventory (or a responder replaced one), and `replaced` with the
  /// inventory answer a responder changed.
  package struct TrailEntry: Sendable, Equatable {
    /// The question's id.
    package var question: String
    /// The prompt as shown.
    package var asked: String
    /// The answer (`null` when skipped).
    package var answer: RecordValue
    /// When it was answered.
    package var at: Date
    /// Where the answer came from (`run --vendor`); nil for an answer the responder gave.
    package var source: Source? = nil
    /// The inventory's answer the responder replaced, with its source.
    package var replaced: Replaced? = nil

    /// Creates a trail entry.
    package init(
      question: String, asked: String, answer: RecordValue, at: Date, source: Source? = nil,
      replaced: Replaced? = nil
    ) {
      self.question = question
      self.asked = asked
      self.answer = answer
      self.at = at
      self.source = source
      self.replaced = replaced
    }
  }

  /// A trail entry's `source`: `{"kind":"inventory","file","line","inventory_sha256"}`, or
  /// `{"kind":"responder"}` for a responder's answer that replaced an inventory answer.
  package struct Source: Sendable, Equatable {
    package var kind: String
    package var file: String?
    package var line: Int?
    package var inventorySHA256: String?

    package init(
      kind: String, file: String? = nil, line: Int? = nil, inventorySHA256: String? = nil
    ) {
      self.kind = kind
      self.file = file
      self.line = line
      self.inventorySHA256 = inventorySHA256
    }
  }

  /// A trail entry's `replaced`: the inventory answer the responder changed, and its source.
  package struct Replaced: Sendable, Equatable {
    package var answer: RecordValue
    package var source: Source?

    package init(answer: RecordValue, source: Source?) {
      self.answer = answer
      self.source = source
    }
  }

  /// The record's `inventory`: the hash of the inventory that answered questions
  /// (`run --vendor`), the vendor, and the per-item fields the run's lists read
  /// (`items`: list question id, then item, then field), so that a replay needs no inventory.
  package struct InventoryReference: Sendable, Equatable {
    package var sha256: String
    package var vendor: String
    package var items: [String: [String: [String: String]]]

    package init(sha256: String, vendor: String, items: [String: [String: [String: String]]] = [:])
    {
      self.sha256 = sha256
      self.vendor = vendor
      self.items = items
    }
  }
}
