// SHA-256 throughput of IncidentLog's SHA256 against `sha256sum` (not a test). Compiled by
// Benchmarks/sha256/run with SHA256.swift, SHA256State.swift and Hex.swift:
//
//   sha256bench FILE     prints the file's digest, then "MB/s" of hashing it in memory (CPU time)
import Foundation

guard CommandLine.arguments.count == 2,
  let data = FileManager.default.contents(atPath: CommandLine.arguments[1])
else {
  print("usage: sha256bench FILE")
  exit(2)
}
let bytes = [UInt8](data)

/// This process's CPU time, in seconds.
func cpuSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
var best = Double.infinity
var digest = ""
for _ in 0..<3 {
  // CPU time, not wall time: the machine is shared, and a busy neighbour would count.
  let start = cpuSeconds()
  digest = SHA256.hexHash(bytes)
  let seconds = cpuSeconds() - start
  best = min(best, seconds)
}
print(digest)
print(String(format: "%.1f MB/s (%.3f s for %d bytes)", Double(bytes.count) / best / 1e6, best, bytes.count))
