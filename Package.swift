// swift-tools-version:6.0
// triage: a runbook engine for third-party security incidents.
// Foundation and the toolchain only: this package has no package dependencies, on purpose.
import PackageDescription

let package = Package(
  name: "triage",
  products: [
    .executable(name: "triage", targets: ["triage"]),
  ],
  targets: [
    .target(name: "YAMLLite"),
    .target(name: "RunbookCore", dependencies: ["YAMLLite"]),
    .target(name: "TriageSession", dependencies: ["RunbookCore"]),
    .target(name: "IncidentLog", dependencies: ["TriageSession"]),
    .target(
      name: "TriageCLI",
      dependencies: ["YAMLLite", "RunbookCore", "TriageSession", "IncidentLog"]),
    .executableTarget(name: "triage", dependencies: ["TriageCLI"]),

    .testTarget(name: "YAMLLiteTests", dependencies: ["YAMLLite"]),
    .testTarget(name: "RunbookCoreTests", dependencies: ["RunbookCore"]),
    .testTarget(name: "TriageSessionTests", dependencies: ["TriageSession"]),
    .testTarget(name: "IncidentLogTests", dependencies: ["IncidentLog"], exclude: ["Fixtures"]),
    .testTarget(name: "TriageCLITests", dependencies: ["TriageCLI"]),
    .testTarget(
      name: "TriageEndToEndTests", dependencies: ["triage"],
      exclude: ["Fixtures/Runbooks", "Fixtures/scenarios"]),
  ]
)
