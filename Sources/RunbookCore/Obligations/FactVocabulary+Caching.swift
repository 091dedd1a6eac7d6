import Foundation
import YAMLLite

/// The facts vocabulary (`facts.yaml`) in the compiled cache, so a run's deferred load of the
/// library reads an unchanged vocabulary without YAML or the tree reader.
///
/// The facts are one section (``BinaryWriter/writeSection(_:)``), read when first asked for
/// (``FactList``); the regimes, which every run evaluates, follow it.
extension FactVocabulary: CacheableDocument {
  package static let cacheKind = "facts"
  /// Bump when `FactVocabulary` or any type it holds changes shape (format numbers of the
  /// `facts` kind are shared with ``LibraryHead``: 6, a repeated condition names its tree's
  /// number).
  package static let cacheFormat = 6

  package func encode(into writer: inout BinaryWriter) {
    let file = facts.first?.location.file ?? regimes.first?.location.file ?? ""
    let coder = CacheCoder(file: file)
    writer.write(file)
    writer.writeSection { writer in
      writer.write(facts) { writer, fact in
        writer.write(fact.name)
        writer.write(FactType.allCases.firstIndex(of: fact.type) ?? 0)
        writer.write(fact.choices) { writer, choice in
          writer.write(choice.id)
          writer.write(choice.label)
        }
        writer.write(fact.description)
        writer.write(fact.source) { $0.write($1) }
        coder.write(fact.location, into: &writer)
      }
    }
    writer.write(regimes) { writer, regime in
      writer.write(regime.fileID)
      coder.write(regime.condition, into: &writer)
      coder.write(regime.location, into: &writer)
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let file = try reader.readString()
    let coder = CacheCoder(file: file)
    let facts = FactList(entry: reader.source, section: try reader.skipSection(), file: file)
    let regimes = try reader.readArray { reader throws(BinaryReadError) in
      let fileID = try reader.readString()
      let condition = try coder.readCondition(&reader)
      return Regime(fileID: fileID, condition: condition, location: try coder.readLocation(&reader))
    }
    self.init(facts: facts, regimes: regimes)
  }

  /// Reads the facts section written by ``encode(into:)``.
  static func readFacts(
    _ bytes: [UInt8], section: Range<Int>, file: String
  ) throws(BinaryReadError) -> [Fact] {
    var reader = BinaryReader(bytes, section: section)
    let coder = CacheCoder(file: file)
    let facts = try reader.readArray { reader throws(BinaryReadError) in
      let name = try reader.readString()
      let type = try coder.readCase(in: CachedCases.factTypes, &reader)
      let choices = try reader.readArray { reader throws(BinaryReadError) in
        Choice(id: try reader.readString(), label: try reader.readString())
      }
      let description = try reader.readString()
      let source = try coder.readString(&reader)
      return Fact(
        name: name, type: type, choices: choices, description: description, source: source,
        location: try coder.readLocation(&reader))
    }
    guard reader.isAtEnd else { throw BinaryReadError() }
    return facts
  }
}

/// The facts of a ``FactVocabulary``: given, or read from a compiled cache entry when first
/// asked for, then kept (shared by every copy of the vocabulary).
///
/// An entry's facts that do not read back give no facts: the entry passed its checksum, so only
/// a writer and reader that disagree (a format not bumped) can make that happen, and the
/// round-trip tests guard against it.
final class FactList: @unchecked Sendable {
  /// Guards `read` and `unread`.
  private let lock = NSLock()
  private var read: [Fact]?
  private let unread: (bytes: [UInt8], section: Range<Int>, file: String)?

  init(_ facts: [Fact]) {
    read = facts
    unread = nil
  }

  init(entry bytes: [UInt8], section: Range<Int>, file: String) {
    read = nil
    unread = (bytes, section, file)
  }

  var facts: [Fact] {
    lock.withLock {
      if let read { return read }
      var facts: [Fact] = []
      if let unread {
        facts =
          (try? FactVocabulary.readFacts(unread.bytes, section: unread.section, file: unread.file))
          ?? []
      }
      read = facts
      return facts
    }
  }
}
