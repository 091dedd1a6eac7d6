// swift-tools-version:6.0
// triage: a runbook engine for third-party security incidents.
// Foundation and the toolchain only: this package has no package dependencies, on purpose.
import PackageDescription

/// Release builds reach generic type metadata through direct accessor calls, not by demangling
/// the type's mangled name at run time: the first use of each `[Duty]`, `Set<String>`, ... cost
/// about 11,000 instructions that way (demangling and conformance lookups, 2.8M in a library run).
let releaseSettings: [SwiftSetting] = [
  .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
    .when(configuration: .release))
]

let package = Package(
  name: "triage",
  products: [
    .executable(name: "triage", targets: ["triage"]),
  ],
  targets: [
    .target(name: "YAMLLite", swiftSettings: releaseSettings),
    // The CPU's SHA-256 instructions, which Swift cannot reach: one C function and its check
    // (IncidentLog's SHA256 falls back to its Swift rounds without them).
    .target(name: "CSHA256"),
    .target(name: "RunbookCore", dependencies: ["YAMLLite"], swiftSettings: releaseSettings),
    .target(
      name: "TriageSession", dependencies: ["YAMLLite", "RunbookCore"],
      swiftSettings: releaseSettings),
    .target(
      name: "IncidentLog", dependencies: ["CSHA256", "RunbookCore", "TriageSession"],
      swiftSettings: releaseSettings),
    .target(
      name: "TriageCLI",
      dependencies: ["YAMLLite", "RunbookCore", "TriageSession", "IncidentLog"],
      swiftSettings: releaseSettings),
    .executableTarget(
      name: "triage", dependencies: ["TriageCLI"], swiftSettings: releaseSettings),

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
