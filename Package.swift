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
    .target(name: "TriageSession", dependencies: ["YAMLLite", "RunbookCore"]),
    .target(name: "IncidentLog", dependencies: ["RunbookCore", "TriageSession"]),
    .target(
      name: "TriageCLI",
      dependencies: ["YAMLLite", "RunbookCore", "TriageSession", "IncidentLog"]),
    .executableTarget(name: "triage", dependencies: ["TriageCLI"]),

    // Test doubles and fixtures shared by the test targets: only test targets depend on it,
    // and it is no product.
    .target(
      name: "TriageTestSupport",
      dependencies: ["RunbookCore", "IncidentLog", "TriageCLI"]),

    .testTarget(name: "YAMLLiteTests", dependencies: ["YAMLLite"]),
    .testTarget(
      name: "RunbookCoreTests", dependencies: ["YAMLLite", "RunbookCore", "TriageTestSupport"]),
    .testTarget(
      name: "TriageSessionTests",
      dependencies: ["YAMLLite", "RunbookCore", "TriageSession", "TriageTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "IncidentLogTests",
      dependencies: ["RunbookCore", "TriageSession", "IncidentLog", "TriageTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "TriageCLITests",
      dependencies: [
        "YAMLLite", "RunbookCore", "TriageSession", "IncidentLog", "TriageCLI",
        "TriageTestSupport",
      ]),
    .testTarget(
      name: "TriageEndToEndTests", dependencies: ["triage", "TriageTestSupport"],
      exclude: ["Fixtures/scenarios"]),
  ]
)
