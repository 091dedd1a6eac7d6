// Benchmark driver for Benchmarks/parse/run: what `triage parse --quiet FILE` does, without the
// command line's 4 MiB runbook limit. Reads FILE in 64 KiB chunks into one growing array (as
// `SystemFileSystem.readFile` does) and parses it with `YAMLParser.parse`; prints the error and
// exits 65 when the document is refused.
//
// Built by the run script together with Sources/YAMLLite into one optimised module:
//
//   swiftc -O -wmo -package-name triage -module-name YAMLLite Sources/YAMLLite/**/*.swift main.swift

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
  fputs("usage: \(arguments[0]) FILE\n", stderr)
  exit(2)
}
let path = arguments[1]
let fd = open(path, O_RDONLY | O_CLOEXEC)
guard fd >= 0 else {
  fputs("\(path): cannot open\n", stderr)
  exit(66)
}
var contents: [UInt8] = []
let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
while true {
  let count = read(fd, chunk.baseAddress, chunk.count)
  if count < 0 && errno == EINTR { continue }
  guard count >= 0 else {
    fputs("\(path): cannot read\n", stderr)
    exit(74)
  }
  if count == 0 { break }
  contents += UnsafeRawBufferPointer(rebasing: chunk[..<count])
}
chunk.deallocate()
close(fd)

/// Parses the bytes and drops the tree, as the command does when it returns.
func parse(_ bytes: [UInt8], file: String) -> Int32 {
  do {
    let node = try YAMLParser.parse(bytes, file: file)
    if case .scalar = node.content { print("the document is a scalar") }
    return 0
  } catch {
    fputs("\(error)\n", stderr)
    return 65
  }
}

exit(parse(contents, file: path))
