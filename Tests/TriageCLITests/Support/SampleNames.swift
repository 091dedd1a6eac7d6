@testable import TriageCLI

// Names only the sample commands of these tests declare.
extension OptionName {
  static let aRatherLongOption = OptionName("a-rather-long-option")
  static let set = OptionName("set")
  static let verbose = OptionName("verbose")
}

extension ArgumentName {
  static let filter = ArgumentName("filter")
}
