/// One declared option: `--json`, `-q, --quiet`, `--answers <file>`, `--runbooks <dir>...`.
package struct OptionSpec: Sendable, Equatable {
  /// What the option takes.
  package enum Kind: Sendable, Equatable {
    /// No value: present or not.
    case flag
    /// One value, given at most once (`--archive DIR`, `--archive=DIR`).
    case value(valueName: String)
    /// One value each time, any number of times; all are collected in order.
    case repeatedValue(valueName: String)
  }

  /// The long name without dashes (`answers`); also the key to read it from an `Invocation`.
  package var name: String
  /// The short letter, if any (`q` for `-q`).
  package var short: Character?
  package var kind: Kind
  /// One sentence for the help screen.
  package var help: String
  /// The values it takes when they are a fixed set (`mermaid`, `dot`), for shell completion.
  package var choices: [String]

  package init(
    _ name: OptionName, short: Character? = nil, kind: Kind, help: String, choices: [String] = []
  ) {
    self.name = name.rawValue
    self.short = short
    self.kind = kind
    self.help = help
    self.choices = choices
  }

  /// A flag: `.flag(.json, help: "Print the tree as JSON.")`.
  package static func flag(_ name: OptionName, short: Character? = nil, help: String) -> OptionSpec
  {
    OptionSpec(name, short: short, kind: .flag, help: help)
  }

  /// An option with one value: `.value(.archive, valueName: "dir", help: "...")`.
  package static func value(
    _ name: OptionName, short: Character? = nil, valueName: String, help: String,
    choices: [String] = []
  ) -> OptionSpec {
    OptionSpec(name, short: short, kind: .value(valueName: valueName), help: help, choices: choices)
  }

  /// An option that may be repeated, its values collected in order.
  package static func repeatedValue(
    _ name: OptionName, short: Character? = nil, valueName: String, help: String
  ) -> OptionSpec {
    OptionSpec(name, short: short, kind: .repeatedValue(valueName: valueName), help: help)
  }

  /// `--name`.
  var longName: String { "--\(name)" }

  /// The value's name, or nil for a flag.
  var valueName: String? {
    switch kind {
    case .flag: return nil
    case .value(let valueName), .repeatedValue(let valueName): return valueName
    }
  }

  /// `--archive <dir>`, as in a usage line.
  var synopsis: String { valueName.map { "\(longName) <\($0)>" } ?? longName }
}
