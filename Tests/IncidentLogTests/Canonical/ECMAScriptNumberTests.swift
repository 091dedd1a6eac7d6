import Foundation
import IncidentLog
import Testing
import TriageTestSupport

@Suite("ECMAScript number layout")
struct ECMAScriptNumberTests {
  static let node = ["/usr/bin/node", "/usr/local/bin/node"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test(
    "matches node's String(number) on random doubles",
    .enabled(if: node != nil, "needs node to compare against"))
  func matchesNode() throws {
    let node = try #require(Self.node)
    var generator = SeededGenerator(seed: 262)
    var numbers: [Double] = []
    while numbers.count < 20_000 {
      let candidate: Double
      switch numbers.count % 4 {
      case 0: candidate = Double(bitPattern: generator.next())
      case 1:
        candidate =
          Double(Int64.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / 1000
      case 2: candidate = Double.random(in: -1e25...1e25, using: &generator)
      default:
        candidate =
          Double.random(in: 0...1, using: &generator)
          * pow(10, Double(Int.random(in: -30...30, using: &generator)))
      }
      if candidate.isFinite { numbers.append(candidate) }
    }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let input = directory.path + "/bits.txt"
    try numbers.map { String($0.bitPattern, radix: 16) }.joined(separator: "\n")
      .write(toFile: input, atomically: false, encoding: .utf8)
    let script = """
      const lines = require('fs').readFileSync(process.argv[1], 'utf8').split('\\n');
      const view = new DataView(new ArrayBuffer(8));
      const out = lines.map(h => { view.setBigUint64(0, BigInt('0x' + h)); return String(view.getFloat64(0)); });
      process.stdout.write(out.join('\\n'));
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: node)
    process.arguments = ["-e", script, input]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let expected = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    try #require(expected.count == numbers.count)
    var mismatches: [String] = []
    for (number, javascript) in zip(numbers, expected) {
      // ECMAScript prints -0 as "0", like RFC 8785.
      let ours = CanonicalJSON.string(of: .number(number))
      if ours != javascript { mismatches.append("\(number.bitPattern): \(ours) vs \(javascript)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }
}
