// Benchmark driver for Benchmarks/parse/run: what `triage parse --quiet FILE` does, without the
// command line's 4 MiB runbook limit: reads FILE into one array and parses it with
// `YAMLParser.parse`, dropping the tree before exit; prints the error and exits 65 when the
// document is refused.
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
// The file is read into an array of its size (from fstat), in one allocation: the parse is what
// is timed, and reading in 64 KiB chunks into a growing array (as `SystemFileSystem.readFile`
// does) touches about twice the file's pages in copies, which costs more system time than the
// parse's own memory.
var status = stat()
guard fstat(fd, &status) == 0 else {
  fputs("\(path): cannot stat\n", stderr)
  exit(74)
}
let size = Int(status.st_size)
var failed = false
let contents = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
  guard let base = buffer.baseAddress else { return }
  while initialized < size {
    let count = read(fd, base + initialized, size - initialized)
    if count < 0 && errno == EINTR { continue }
    if count <= 0 {
      failed = count < 0
      break
    }
    initialized += count
  }
}
guard !failed else {
  fputs("\(path): cannot read\n", stderr)
  exit(74)
}
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
