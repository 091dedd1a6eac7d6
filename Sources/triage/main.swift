import Foundation
import TriageCLI

exit(Triage.main(Array(CommandLine.arguments.dropFirst()), context: .live()).status)
