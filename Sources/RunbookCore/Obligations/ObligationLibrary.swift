import Foundation
import YAMLLite

/// The shared obligations library (`Runbooks/obligations/`): the facts vocabulary and the
/// obligation files a runbook uses.
///
/// Files are chosen by name: a selection's globs decide which files may be read at all, and at
/// evaluation ``files(involvedBy:)`` keeps those whose jurisdiction the facts involve. A library
/// loaded `deferred` reads a file only then, so a run reads only the files its facts involve.
package struct ObligationLibrary: Sendable, Equatable {
  /// An obligation file known by its name, not read yet.
  package struct UnreadFile: Sendable, Equatable {
    package var id: String
    /// The folder's path with a trailing slash (one string shared by every file of the
    /// listing), and the file's name: the path is put together only for a file read.
    private var folder: String
    private var name: String

    package var path: String { folder + name }

    package init(id: String, path: String) {
      self.id = id
      let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
      let nameStart = slash.map { path.utf8.index(after: $0) } ?? path.startIndex
      folder = String(path[..<nameStart])
      name = String(path[nameStart...])
    }

    init(id: String, folder: String, name: String) {
      self.id = id
      self.folder = folder
      self.name = name
    }
  }

  /// The folder the files came from.
  package var folder: String
  package var vocabulary: FactVocabulary
  /// The files read, sorted by id.
  package var files: [ObligationFile]
  /// The files selected but not read yet (a deferred load), sorted by id.
  package var unread: [UnreadFile] = []
  /// What `unread` files are read through.
  package var fileSystem: (any FileReading)? = nil
  /// The compiled cache `unread` files are looked up in first (a run's deferred load only; lint
  /// never uses it).
  package var cache: (any DocumentCache)? = nil
  /// The `unread` files read so far.
  package var readOnDemand = FilesReadOnDemand()
  /// The version of the vocabulary file this library's vocabulary was read from, when the
  /// compiled cache was asked about it (a `run`): what ``CheckedAttachment`` records.
  package var vocabularyKey: CacheKey? = nil

  package init(folder: String, vocabulary: FactVocabulary, files: [ObligationFile]) {
    self.folder = folder
    self.vocabulary = vocabulary
    self.files = files
  }

  package static func == (lhs: ObligationLibrary, rhs: ObligationLibrary) -> Bool {
    lhs.folder == rhs.folder && lhs.vocabulary == rhs.vocabulary && lhs.files == rhs.files
      && lhs.unread == rhs.unread
  }

  /// The name of the vocabulary file inside the folder.
  package static let factsFileName = "facts.yaml"
  /// The name of the library folder beside a runbooks folder.
  package static let folderName = "obligations"

  /// The holiday calendar `name` from `calendars/` beside the library folder; nil for `none`
  /// or one that is missing or does not load (lint reports those).
  ///
  /// A run's deferred library (one with a `cache`) reads an unchanged calendar from the
  /// compiled cache.
  package func calendar(named name: String) -> HolidayCalendar? {
    guard name != "none", let fileSystem else { return nil }
    let runbooks = (folder as NSString).deletingLastPathComponent
    let path = ((runbooks as NSString).appendingPathComponent("calendars") as NSString)
      .appendingPathComponent(name + ".yaml")
    let lookup = cache?.lookup(HolidayCalendar.self, at: path)
    if case .hit(let calendar)? = lookup { return calendar }
    guard let bytes = try? fileSystem.readFile(at: path),
      let node = try? YAMLParser.parse(bytes, file: path),
      let calendar = try? HolidayCalendar.load(from: node, file: path)
    else { return nil }
    if let cache, case .miss(let key?)? = lookup { cache.store(calendar, for: key) }
    return calendar
  }

  /// Every duty of the files read, in file order.
  package var duties: [Duty] { files.flatMap(\.duties) }

  /// The duty with `id`, if any.
  package func duty(_ id: String) -> Duty? {
    for file in files {
      if let duty = file.duties.first(where: { $0.id == id }) { return duty }
    }
    return nil
  }

  /// What the facts make of the library's files.
  package struct Involved {
    /// The files to evaluate, sorted by id: a file read from the compiled cache reads each
    /// duty's parts when evaluation asks for them (``EvaluableObligationFile``).
    package var files: [EvaluableObligationFile]
    /// Files that did not load, each with its first error: a run says so instead of leaving
    /// their duties out.
    package var failed: [(id: String, problem: Diagnostic)]
    /// Sector regimes whose condition misses facts, with the facts missing: each is one
    /// undetermined item, its file not read.
    package var undecided: [(id: String, missing: [String])]
  }

  /// The files the facts involve.
  ///
  /// A file is involved when its jurisdiction is (a `residents` code equal to it or under it, an
  /// `established_in` code, the EU for a member state) or it is an `ANY` file; except a sector
  /// regime's file (the vocabulary's `regimes:`), which its condition alone decides: read when it
  /// holds, wherever the incident is (an SEC registrant with only EU residents affected owes the
  /// 8-K); left out when it is false; when a fact it needs is unset, among `undecided` if its
  /// jurisdiction is involved (else left out).
  ///
  /// Unread files are read now, those involved only.
  package func files(involvedBy facts: [String: Value]) -> Involved {
    let involved = Self.involvedJurisdictions(facts)
    let here = InvolvedCodes(involved)
    var undecided: [(id: String, missing: [String])] = []
    // The regimes' places by file id, made once: `regime(ofFile:)` compared every regime's id
    // with each of the library's files (1.6K instructions a file). Places, not copies of the
    // regimes: each copy retained every part of its condition.
    let allRegimes = vocabulary.regimes
    var regimes: [String: Int] = [:]
    regimes.reserveCapacity(allRegimes.count)
    for (index, regime) in allRegimes.enumerated() where regimes[regime.fileID] == nil {
      regimes[regime.fileID] = index
    }
    func isInvolved(_ id: String) -> Bool {
      let here = here.contains(fileID: id)
      guard let index = regimes[id] else { return here }
      switch FactVocabulary.state(of: allRegimes[index], facts: facts) {
      case .applies: return true
      case .doesNotApply: return false
      case .undetermined(let missing):
        if here { undecided.append((id, missing)) }
        return false
      }
    }
    var chosen = files.filter { isInvolved($0.id) }.map(EvaluableObligationFile.init)
    var failed: [(id: String, problem: Diagnostic)] = []
    for source in unread where isInvolved(source.id) {
      if case .read(let file) = readOnDemand.claim(source.id) {
        chosen.append(file)
        continue
      }
      var key: CacheKey?
      if let cache {
        switch cache.lookup(EvaluableObligationFile.self, at: source.path) {
        case .hit(let file):
          chosen.append(file)
          readOnDemand.keep(file, as: source.id)
          continue
        case .miss(let missed): key = missed
        }
      }
      let location = SourceLocation(file: source.path, line: 1, column: 1)
      guard let bytes = try? fileSystem?.readFile(at: source.path) else {
        readOnDemand.release(source.id)
        let problem = ObligationProblem.unreadableFile(source.path)
        failed.append((source.id, Diagnostic(.error, problem, at: location)))
        continue
      }
      let (file, diagnostics) = ObligationFile.load(bytes, file: source.path)
      if let file {
        let evaluable = EvaluableObligationFile(file)
        chosen.append(evaluable)
        readOnDemand.keep(evaluable, as: source.id)
        if let cache, let key { cache.store(file, for: key) }
      } else {
        readOnDemand.release(source.id)
        if let first = diagnostics.first(where: { $0.severity == .error }) {
          failed.append((source.id, first))
        }
      }
    }
    return Involved(
      files: chosen.sorted { $0.id < $1.id }, failed: failed,
      undecided: undecided.sorted { $0.id < $1.id })
  }

  /// Reads the unread files that `facts` involve, for a later ``files(involvedBy:)`` (on this
  /// copy or another, on any thread) to find read.
  ///
  /// A run does this on another thread while it evaluates its own rules; a file this is still
  /// reading then is waited for, not read twice, and one it has not begun is read by whichever
  /// thread comes to it first.
  package func readAhead(involvedBy facts: [String: Value]) {
    guard !unread.isEmpty else { return }
    _ = files(involvedBy: facts)
  }

  /// The unread file `id` read again from its source instead of the compiled cache.
  ///
  /// For a file a part of whose cached form did not read back: it is kept for later
  /// evaluations in place of the cached one, and its entry is written anew. Nil when it cannot
  /// be read or does not load.
  package func rereadFromSource(_ id: String) -> EvaluableObligationFile? {
    guard let source = unread.first(where: { $0.id == id }) else { return nil }
    // The key is taken before the bytes are read, as for any entry.
    let key = cache?.keyedLookup(ObligationFile.self, at: source.path).key
    guard let bytes = try? fileSystem?.readFile(at: source.path),
      let file = ObligationFile.load(bytes, file: source.path).0
    else { return nil }
    if let cache, let key { cache.store(file, for: key) }
    let evaluable = EvaluableObligationFile(file)
    readOnDemand.keep(evaluable, as: id)
    return evaluable
  }

  /// The jurisdiction codes the facts involve, to ask whether a file's is one of them on the
  /// file id's bytes: upper-casing each of the library's ids into a new string and hashing it
  /// cost 600 instructions a file.
  struct InvolvedCodes {
    let codes: Set<String>
    /// The codes' bytes, and `ANY`'s; nil when a code is not ASCII (then compared as strings).
    let bytes: [[UInt8]]?

    init(_ codes: Set<String>) {
      self.codes = codes
      let bytes = codes.map { Array($0.utf8) }
      self.bytes =
        bytes.allSatisfy { $0.allSatisfy { $0 < 0x80 } } ? bytes + [Array("ANY".utf8)] : nil
    }

    /// Whether the jurisdiction of the file `id` (``ObligationFile/jurisdiction(ofFileID:)``)
    /// is one of the codes or `ANY`.
    func contains(fileID id: String) -> Bool {
      if let bytes {
        var id = id
        let found = id.withUTF8 { text -> Bool? in
          // The part before the first `--`; nil when it is not ASCII.
          var end = 0
          while end < text.count,
            !(text[end] == UInt8(ascii: "-") && end + 1 < text.count
              && text[end + 1] == UInt8(ascii: "-"))
          {
            guard text[end] < 0x80 else { return nil }
            end += 1
          }
          return bytes.contains { code in
            guard code.count == end else { return false }
            for index in 0..<end {
              let byte = text[index]
              let upper =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
              guard upper == code[index] else { return false }
            }
            return true
          }
        }
        if let found { return found }
      }
      let code = ObligationFile.jurisdiction(ofFileID: id)
      return code == "ANY" || codes.contains(code)
    }
  }

  /// The jurisdiction codes the facts involve.
  package static func involvedJurisdictions(_ facts: [String: Value]) -> Set<String> {
    var codes: [String] = []
    if let residents = facts[ResidentCounts.factName].flatMap(ResidentCounts.init) {
      codes += residents.entries.map(\.code)
    }
    if case .list(let places) = facts["established_in"] ?? .unset {
      codes += places.map { $0.trimmedOfSpaces.uppercased() }
    }
    return ResidentCounts.involved(by: codes)
  }

  /// The obligation file names (`*.yaml` other than the vocabulary) in `folder`, sorted, with
  /// their ids: read from the names, not the contents.
  package static func fileIDs(
    in folder: String, fileSystem: any FileReading
  ) -> [(id: String, path: String)] {
    fileNames(in: folder, fileSystem: fileSystem).map { ($0.id, $0.path) }
  }

  /// ``fileIDs(in:fileSystem:)`` as files not read yet, their paths not put together.
  static func fileNames(in folder: String, fileSystem: any FileReading) -> [UnreadFile] {
    unreadFiles(named: obligationFileNames(in: folder, fileSystem: fileSystem), in: folder)
  }

  /// The obligation file names in `folder`: its YAML names other than the vocabulary's, sorted.
  static func obligationFileNames(in folder: String, fileSystem: any FileReading) -> [String] {
    let names = (try? fileSystem.contentsOfDirectory(at: folder)) ?? []
    var kept: [String] = []
    kept.reserveCapacity(names.count)
    for name in names.sorted() where name != factsFileName && yamlFileID(name) != nil {
      kept.append(name)
    }
    return kept
  }

  /// The files `names` (obligation file names, sorted) in `folder`, not read yet.
  static func unreadFiles(named names: [String], in folder: String) -> [UnreadFile] {
    // Plain string work: `NSString` path methods cost more than the rest of the listing.
    let prefix = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
    var files: [UnreadFile] = []
    files.reserveCapacity(names.count)
    for name in names {
      guard let id = yamlFileID(name) else { continue }
      files.append(UnreadFile(id: id, folder: prefix, name: name))
    }
    return files
  }

  /// The obligation file names in `folder`: `kept`'s when it holds for the folder now.
  ///
  /// Else listed now (see ``LibraryListing``); with `keeping`, a listing made now is given
  /// back with the folder's version taken before it, for the cache to keep.
  static func listedNames(
    in folder: String, fileSystem: any FileReading, kept: LibraryListing?, written: FileTime?,
    keeping: Bool
  ) -> (names: [String], fresh: LibraryListing?) {
    guard keeping else { return (obligationFileNames(in: folder, fileSystem: fileSystem), nil) }
    let status = (try? fileSystem.status(at: folder)) ?? nil
    let now = status.map { CacheKey(path: folder, status: $0) }
    if let kept, kept.holds(now: now, written: written) { return (kept.names, nil) }
    let names = obligationFileNames(in: folder, fileSystem: fileSystem)
    return (names, now.map { LibraryListing(key: $0, names: names) })
  }

  /// The id a YAML file's name gives (`us-tx.yaml` → `us-tx`), nil for a name that is not
  /// YAML: what ``RunbookLibrary/isYAMLFileName(_:)`` and ``withoutExtension(_:)`` give,
  /// worked out on the bytes of an ASCII name (the string methods cost 600 instructions a
  /// name).
  static func yamlFileID(_ name: String) -> String? {
    var text = name
    // nil for a name not ASCII (the string methods decide), .some(nil) for one not YAML.
    let found = text.withUTF8 { bytes -> String?? in
      for byte in bytes where byte >= 0x80 { return nil }
      let count = bytes.count
      func endsWith(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        for index in 0..<length where bytes[count - length + index] != suffix.utf8Start[index] {
          return false
        }
        return true
      }
      let cut = endsWith(".yaml") ? 5 : endsWith(".yml") ? 4 : 0
      guard cut > 0 else { return .some(nil) }
      // The extension's dot is the last one: the rest is the id, unless it is empty.
      guard count > cut else { return name }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(count - cut)]), as: UTF8.self)
    }
    guard let found else {
      return RunbookLibrary.isYAMLFileName(name) ? withoutExtension(name) : nil
    }
    return found
  }

  /// A library of `vocabulary` whose selected files (of `names`, the folder's obligation
  /// file names) are read when the facts involve them.
  private static func deferredLibrary(
    _ folder: String, _ vocabulary: FactVocabulary, _ selection: ObligationSelection,
    _ fileSystem: any FileReading, _ cache: (any DocumentCache)?, names: [String]
  ) -> ObligationLibrary {
    var library = ObligationLibrary(folder: folder, vocabulary: vocabulary, files: [])
    library.unread = unreadFiles(named: names, in: folder).filter {
      selection.includes($0.id)
    }
    library.fileSystem = fileSystem
    library.cache = cache
    return library
  }

  /// A file name without its extension, as `NSString.deletingPathExtension` gives it for a
  /// `.yaml` or `.yml` name (`us-tx.yaml` → `us-tx`).
  static func withoutExtension(_ name: String) -> String {
    guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex
    else { return name }
    return String(name[..<dot])
  }

  /// Loads the vocabulary and the files `selection` names from `folder`.
  ///
  /// Files the selection excludes are not read. With `lint`, every file is also checked
  /// against the vocabulary and the others (see ``ObligationLinter``). `cache` serves a
  /// `deferred` load only.
  ///
  /// - Returns: the library (nil when an error stops it) and every diagnostic.
  package static func load(
    folder: String, selection: ObligationSelection = .library, fileSystem: any FileReading,
    lint: Bool = false, deferred: Bool = false, cache: (any DocumentCache)? = nil
  ) -> (ObligationLibrary?, [Diagnostic]) {
    let factsPath = PlainPath.appending(factsFileName, to: folder)
    // Looked up before the bytes are read: an entry is keyed by a status no newer than they are.
    // The entry keeps the folder's listing too: an unchanged folder is not listed again.
    let keyed = deferred ? cache?.timedLookup(LibraryHead.self, at: factsPath) : nil
    let factsLookup = keyed?.lookup
    if case .hit(let head)? = factsLookup {
      let (names, fresh) = listedNames(
        in: folder, fileSystem: fileSystem, kept: head.listing, written: keyed?.written,
        keeping: keyed?.key != nil)
      var library = deferredLibrary(
        folder, head.vocabulary, selection, fileSystem, cache, names: names)
      library.vocabularyKey = keyed?.key
      if let fresh, let cache, let key = keyed?.key {
        cache.store(LibraryHead(vocabulary: head.vocabulary, listing: fresh), for: key)
      }
      return (library, [])
    }
    guard let factsBytes = try? fileSystem.readFile(at: factsPath) else {
      let problem = ObligationProblem.noFactsFile(searched: [folder])
      return (
        nil, [Diagnostic(.error, problem, at: SourceLocation(file: factsPath, line: 1, column: 1))]
      )
    }
    var (vocabulary, diagnostics) = FactVocabulary.load(factsBytes, file: factsPath)
    if deferred, let vocabulary {
      var storeKey: CacheKey?
      if diagnostics.isEmpty, cache != nil, case .miss(let key?)? = factsLookup { storeKey = key }
      let (names, fresh) = listedNames(
        in: folder, fileSystem: fileSystem, kept: nil, written: nil, keeping: storeKey != nil)
      if let cache, let storeKey {
        cache.store(LibraryHead(vocabulary: vocabulary, listing: fresh), for: storeKey)
      }
      var library = deferredLibrary(folder, vocabulary, selection, fileSystem, cache, names: names)
      library.vocabularyKey = keyed?.key
      return (diagnostics.containsErrors ? nil : library, diagnostics)
    }
    var files: [ObligationFile] = []
    for (id, path) in fileIDs(in: folder, fileSystem: fileSystem) where selection.includes(id) {
      guard let bytes = try? fileSystem.readFile(at: path) else { continue }
      let (file, found) = ObligationFile.load(bytes, file: path)
      diagnostics += found
      if let file { files.append(file) }
    }
    guard let vocabulary else { return (nil, diagnostics) }
    if lint || !diagnostics.containsErrors {
      diagnostics += ObligationLinter.check(files, vocabulary: vocabulary)
    }
    var library = ObligationLibrary(folder: folder, vocabulary: vocabulary, files: files)
    library.fileSystem = fileSystem
    if lint {
      // Each file a regime names must exist (by name: the selection does not matter here).
      let allIDs = fileIDs(in: folder, fileSystem: fileSystem).map(\.id)
      diagnostics += ObligationLinter.checkRegimes(vocabulary, fileIDs: allIDs)
      for file in files {
        guard let name = file.holidays, name != "none", library.calendar(named: name) == nil
        else { continue }
        let problem = ObligationProblem.unknownCalendar(name)
        diagnostics.append(Diagnostic(.error, problem, at: file.idLocation))
      }
    }
    return (diagnostics.containsErrors ? nil : library, diagnostics)
  }
}
