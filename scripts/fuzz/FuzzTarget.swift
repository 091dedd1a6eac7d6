// libFuzzer entry point for YAMLLite, compiled together with Sources/YAMLLite by scripts/fuzz/run.
//
// Checks, for every input: no crash or hang; a refusal's line and column lie inside the input;
// an accepted tree prints as JSON that parses again (JSON is YAML flow syntax) to the same tree.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  do {
    let node = try YAMLParser.parse(bytes, file: "fuzz")
    let json = NodeFormatter.json(node, pretty: size % 2 == 0)
    _ = NodeFormatter.outline(node)
    do {
      let again = try YAMLParser.parse(json, file: "json")
      if !sameData(node, again) {
        fatalError("JSON round trip changed the data:\n\(json)")
      }
    } catch {
      if case .keyTooLong = error.kind { return 0 }
      fatalError("JSON output does not parse again: \(error)\n\(json)")
    }
  } catch {
    checkInside(error.location, bytes)
  }
  return 0
}

/// Traps unless `location` names a line of `bytes` and a column at most one past its end.
private func checkInside(_ location: SourceLocation, _ bytes: [UInt8]) {
  let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
  var lines: [ArraySlice<UInt8>] = []
  var lineStart = start
  var index = start
  while index < bytes.count {
    let byte = bytes[index]
    if byte == 10 || byte == 13 {
      lines.append(bytes[lineStart..<index])
      index += byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
      lineStart = index
    } else {
      index += 1
    }
  }
  lines.append(bytes[lineStart..<bytes.count])
  guard location.line >= 1, location.line <= lines.count else {
    fatalError("error line \(location.line) outside 1...\(lines.count): \(location)")
  }
  let characters = String(decoding: lines[location.line - 1], as: UTF8.self).count
  guard location.column >= 1, location.column <= characters + 1 else {
    fatalError("error column \(location.column) outside 1...\(characters + 1): \(location)")
  }
}

/// Equal as data: same shape, texts and key order; locations and styles ignored.
private func sameData(_ a: Node, _ b: Node) -> Bool {
  switch (a.content, b.content) {
  case (.scalar(let x), .scalar(let y)):
    return x.text == y.text
  case (.sequence(let x), .sequence(let y)):
    return x.count == y.count && zip(x, y).allSatisfy { sameData($0, $1) }
  case (.mapping(let x), .mapping(let y)):
    return x.count == y.count
      && zip(x, y).allSatisfy { $0.key == $1.key && sameData($0.value, $1.value) }
  default:
    return false
  }
}
