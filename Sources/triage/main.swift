import Foundation
import TriageCLI

exit(TriageCommand.main(Array(CommandLine.arguments.dropFirst())))
