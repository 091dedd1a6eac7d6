import YAMLLite

/// The facts vocabulary (`facts.yaml`) in the compiled cache, so a run's deferred load of the
/// library reads an unchanged vocabulary without YAML or the tree reader.
extension FactVocabulary: CacheableDocument {
  package static let cacheKind = "facts"
  /// Bump when `FactVocabulary` or any type it holds changes shape.
  package static let cacheFormat = 3

  package func encode(into writer: inout BinaryWriter) {
    let file = facts.first?.location.file ?? regimes.first?.location.file ?? ""
    let coder = CacheCoder(file: file)
    writer.write(file)
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
    writer.write(regimes) { writer, regime in
      writer.write(regime.fileID)
      coder.write(regime.condition, into: &writer)
      coder.write(regime.location, into: &writer)
    }
  }

  package init(decoding reader: inout BinaryReader) throws(BinaryReadError) {
    let coder = CacheCoder(file: try reader.readString())
    let facts = try reader.readArray { reader throws(BinaryReadError) in
      let name = try reader.readString()
      let type = try coder.readCase(FactType.self, &reader)
      let choices = try reader.readArray { reader throws(BinaryReadError) in
        Choice(id: try reader.readString(), label: try reader.readString())
      }
      let description = try reader.readString()
      let source = try coder.readString(&reader)
      return Fact(
        name: name, type: type, choices: choices, description: description, source: source,
        location: try coder.readLocation(&reader))
    }
    let regimes = try reader.readArray { reader throws(BinaryReadError) in
      let fileID = try reader.readString()
      let condition = try coder.readCondition(&reader)
      return Regime(fileID: fileID, condition: condition, location: try coder.readLocation(&reader))
    }
    self.init(facts: facts, regimes: regimes)
  }
}
