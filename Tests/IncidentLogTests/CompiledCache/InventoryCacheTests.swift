import Foundation
import IncidentLog
import RunbookCore
import Testing
import TriageTestSupport

/// The inventory's entry in the compiled cache, on a real disk: a hit finds every vendor as a
/// full load does; an edited, added or removed file, another build or vocabulary, an entry
/// written in the second a file changed, and any damage are misses, never failures.
@Suite struct InventoryCacheTests {
  /// The bundled facts vocabulary, which the example inventory is checked against.
  static let vocabularyFile = BundledRunbooks.folder + "/obligations/facts.yaml"

  /// Sets the modification time of `path` to `seconds` and `nanoseconds`.
  static func setModified(_ path: String, seconds: Int, nanoseconds: Int = 0) {
    let time = timespec(tv_sec: seconds, tv_nsec: nanoseconds)
    var times = [time, time]
    _ = utimensat(AT_FDCWD, path, &times, 0)
  }

  /// The example inventory in `inventory/` of a new folder, every file changed 100 seconds
  /// ago, and a cache in `cache/` of the same folder.
  static func workspace() throws -> (
    folder: TemporaryDirectory, inventory: String, cache: InventoryCache
  ) {
    let folder = try TemporaryDirectory()
    let past = Int(Date().timeIntervalSince1970) - 100
    let example = BundledRunbooks.folder + "/examples/inventory"
    for name in TemporaryDirectory.files(under: example) {
      let text = try BundledRunbooks.text(at: "examples/inventory/" + name)
      let path = try folder.write(text, to: "inventory/" + name).path
      setModified(path, seconds: past, nanoseconds: 500)
    }
    let cache = InventoryCache(
      folder: folder.path + "/cache", fileSystem: SystemFileSystem(), build: "test-1")
    return (folder, folder.path + "/inventory", cache)
  }

  /// A full load of the inventory, named `name`.
  static func load(_ inventory: String, named name: String) throws -> Inventory {
    let bytes = try SystemFileSystem().readFile(at: vocabularyFile)
    let vocabulary = FactVocabulary.load(bytes, file: vocabularyFile).0
    let (loaded, diagnostics) = Inventory.load(
      folder: inventory, named: name, fileSystem: SystemFileSystem(), vocabulary: vocabulary)
    return try #require(loaded, "\(diagnostics)")
  }

  static func key(_ inventory: String, vocabulary: String? = vocabularyFile) throws
    -> InventoryCache.Key
  {
    try #require(
      InventoryCache.Key.current(
        folder: inventory, vocabularyFile: vocabulary, fileSystem: SystemFileSystem()))
  }

  /// Loads the inventory and stores it under its current key.
  static func fill(_ cache: InventoryCache, _ inventory: String) throws {
    let key = try key(inventory)
    let loaded = try load(inventory, named: "inventory")
    cache.store(loaded, sha256: loaded.sha256, for: key)
  }

  static func isHit(_ cache: InventoryCache, _ inventory: String) throws -> Bool {
    cache.lookup(try key(inventory), named: "inventory") != nil
  }

  @Test func aHitFindsEveryVendorAsAFullLoadDoes() throws {
    let (folder, inventory, cache) = try Self.workspace()
    _ = folder
    try Self.fill(cache, inventory)
    // Named otherwise than when it was stored: the sources follow the name used now.
    let name = "./some/inventory"
    let full = try Self.load(inventory, named: name)
    let cached = try #require(cache.lookup(try Self.key(inventory), named: name))
    #expect(cached.sha256 == full.sha256)
    #expect(cached.organisation == full.organisation)
    var queries = ["nothing-like-it", "moveit-clod", "  MOVEIT-CLOUD ", ""]
    for vendor in full.vendors {
      queries += [vendor.id, vendor.name.uppercased()] + vendor.aliases + vendor.products
    }
    for query in queries {
      let result = try #require(cached.vendor(query), "\(query)")
      switch (result, full.match(query)) {
      case (.success(let part), .success(let match)):
        #expect(part.match == match, "\(query)")
        #expect(part.inventory.impact(of: part.match) == full.impact(of: match), "\(query)")
        #expect(part.inventory.organisation == full.organisation)
        #expect(
          part.inventory.clients(of: part.match.vendor) == full.clients(of: match.vendor))
      case (.failure(let error), .failure(let expected)):
        #expect(error == expected, "\(query)")
      default:
        Issue.record("\(query): the cache and a full load disagree")
      }
    }
  }

  @Test func chainsAmbiguityAndLetterCaseAreAsInAFullLoad() throws {
    let folder = try TemporaryDirectory()
    let past = Int(Date().timeIntervalSince1970) - 100
    let files = [
      "inventory/a.yaml": """
      vendors:
        - id: alpha
          name: Ålpha Ünïcode
          products: [Shared Tool]
          sub-processors: [beta, Some Outside Firm]
          data:
            - {id: alpha-data, elements: [contact-only], residents: {DE: 3}, clients: [acme]}
        - id: beta
          name: Beta
          aliases: [ÉCOLE]
          products: [Shared Tool]
          sub-processors: [gamma]

      """,
      "inventory/b/c.yaml": """
      vendors:
        - id: gamma
          name: Gamma
          sub-processors: [alpha, beta]
      clients:
        - id: acme
          name: Acme
          notice: {within: 24 hours, to: sec@acme.example}
        - id: initech
          name: Initech
          vendors: [gamma, beta]

      """,
    ]
    for (name, text) in files {
      Self.setModified(try folder.write(text, to: name).path, seconds: past)
    }
    let inventory = folder.path + "/inventory"
    let cache = InventoryCache(
      folder: folder.path + "/cache", fileSystem: SystemFileSystem(), build: "test-1")
    try Self.fill(cache, inventory)
    let full = try Self.load(inventory, named: "inventory")
    let cached = try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
    let queries = [
      "alpha", "BETA", "gamma", "ålpha ünïcode", "ÅLPHA ÜNÏCODE", "école", "shared tool",
      "Shared Tol", "Some Outside Firm",
    ]
    for query in queries {
      switch (try #require(cached.vendor(query), "\(query)"), full.match(query)) {
      case (.success(let part), .success(let match)):
        #expect(part.match == match, "\(query)")
        #expect(part.inventory.impact(of: part.match) == full.impact(of: match), "\(query)")
      case (.failure(let error), .failure(let expected)):
        #expect(error == expected, "\(query)")
      default:
        Issue.record("\(query): the cache and a full load disagree")
      }
    }
    // A chain that comes back round is cut as in a full load.
    let alpha = try #require(full.vendor("alpha"))
    #expect(full.subProcessorChains(from: alpha).count > 1)
  }

  @Test func anEditedFileIsAMissEvenWithTheSameSizeAndSecond() throws {
    let (folder, inventory, cache) = try Self.workspace()
    try Self.fill(cache, inventory)
    #expect(try Self.isHit(cache, inventory))
    let path = inventory + "/clients.yaml"
    let old = try #require(try SystemFileSystem().status(at: path))
    let text = try BundledRunbooks.text(at: "examples/inventory/clients.yaml")
    let edited = text.replacingOccurrences(of: "24 hours", with: "48 hours")
    #expect(edited != text && edited.utf8.count == text.utf8.count)
    try folder.write(edited, to: "inventory/clients.yaml")
    Self.setModified(path, seconds: Int(old.modified.seconds), nanoseconds: 600)
    #expect(try !Self.isHit(cache, inventory))
  }

  @Test func anEntryWrittenInTheSecondAFileChangedIsNotTrusted() throws {
    let (folder, inventory, cache) = try Self.workspace()
    _ = folder
    try Self.fill(cache, inventory)
    let entry = cache.entryPath(for: inventory)
    let fileTime = try #require(try SystemFileSystem().status(at: inventory + "/clients.yaml"))
      .modified
    Self.setModified(entry, seconds: Int(fileTime.seconds), nanoseconds: 999_999_999)
    #expect(try !Self.isHit(cache, inventory))
    Self.setModified(entry, seconds: Int(fileTime.seconds) + 1)
    #expect(try Self.isHit(cache, inventory))
  }

  @Test func addingOrRemovingAFileIsAMiss() throws {
    let (folder, inventory, cache) = try Self.workspace()
    try Self.fill(cache, inventory)
    // A file that is not YAML is not part of the inventory.
    try folder.write("notes", to: "inventory/README.md")
    #expect(try Self.isHit(cache, inventory))
    let added = try folder.write("vendors: []\n", to: "inventory/vendors/more.yaml").path
    #expect(try !Self.isHit(cache, inventory))
    try Self.fill(cache, inventory)
    Self.setModified(
      cache.entryPath(for: inventory), seconds: Int(Date().timeIntervalSince1970) + 2)
    #expect(try Self.isHit(cache, inventory))
    _ = unlink(added)
    #expect(try !Self.isHit(cache, inventory))
  }

  @Test func theKeyHoldsEachFileTheWalkFindsWithItsStatus() throws {
    let (folder, inventory, _) = try Self.workspace()
    let fileSystem = SystemFileSystem()
    let key = try Self.key(inventory)
    #expect(key.files.map(\.path) == Inventory.yamlFiles(in: inventory, fileSystem: fileSystem))
    for file in key.files {
      let status = try #require(try fileSystem.status(at: inventory + "/" + file.path))
      #expect(file == CacheKey(path: file.path, status: status))
    }
    let vocabulary = try #require(try fileSystem.status(at: Self.vocabularyFile))
    #expect(key.vocabulary == CacheKey(path: Self.vocabularyFile, status: vocabulary))
    // The vocabulary's status as its finder took it is the one stat'ed here.
    let given = InventoryCache.Key.current(
      folder: inventory, vocabularyFile: Self.vocabularyFile, vocabularyStatus: vocabulary,
      fileSystem: fileSystem)
    #expect(given == key)
    // A YAML name that is no regular file (here a FIFO) gives no key: nothing is used or stored.
    #expect(mkfifo(folder.path + "/inventory/odd.yaml", 0o600) == 0)
    #expect(
      InventoryCache.Key.current(
        folder: inventory, vocabularyFile: Self.vocabularyFile, fileSystem: fileSystem) == nil)
  }

  @Test func aDamagedEntryIsAMiss() throws {
    let (folder, inventory, cache) = try Self.workspace()
    _ = folder
    try Self.fill(cache, inventory)
    let entry = cache.entryPath(for: inventory)
    let good = try SystemFileSystem().readFile(at: entry)
    let past = Int(Date().timeIntervalSince1970) - 10
    func rewrite(_ bytes: [UInt8]) throws {
      try SystemFileSystem().replaceFile(bytes, at: entry)
      Self.setModified(entry, seconds: past)
    }
    try rewrite(good)
    #expect(try Self.isHit(cache, inventory))
    // The head (its checksum covers the index directory; the names and places have their own).
    for bytes in [
      [], Array("TRIAGEI3".utf8), Array(good.prefix(40)), Self.flipped(good, at: 30),
      Array(good.dropLast()), good + [0],
    ] {
      try rewrite(bytes)
      #expect(try !Self.isHit(cache, inventory))
    }
    try rewrite(good)
    // The last vendor's record, changed or cut (in the last chunk of the records), or its
    // chunk missing: the entry is found and the other vendors are read from it, that one is
    // not (the run then loads the inventory in full).
    var chunks = 0
    while FileManager.default.fileExists(atPath: cache.chunkPath(for: inventory, chunk: chunks)) {
      chunks += 1
    }
    #expect(chunks >= 1)
    let chunk = cache.chunkPath(for: inventory, chunk: chunks - 1)
    let goodChunk = try SystemFileSystem().readFile(at: chunk)
    let full = try Self.load(inventory, named: "inventory")
    let first = try #require(full.vendors.first)
    let last = try #require(full.vendors.last)
    try SystemFileSystem().replaceFile(Self.flipped(goodChunk, at: goodChunk.count - 3), at: chunk)
    let cached = try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
    #expect(cached.vendor(last.id) == nil)
    #expect(try #require(cached.vendor(first.id)).get().match == full.match(first.id).get())
    // A chunk cut short or missing is not read at all: no vendor whose record is in it.
    for cut in [true, false] {
      if cut {
        try SystemFileSystem().replaceFile(Array(goodChunk.dropLast()), at: chunk)
      } else {
        _ = unlink(chunk)
      }
      let cached = try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
      #expect(cached.vendor(last.id) == nil)
    }
  }

  /// A looked-up entry reads its head from the file it opened: an entry stored again for an
  /// edited inventory meanwhile (its head and chunks replaced) gives each vendor as it was, or
  /// nothing (a record that no longer matches its place's checksum), never a mix of the two.
  @Test func anEntryReplacedAfterItWasOpenedIsNeverMixed() throws {
    let (folder, inventory, cache) = try Self.workspace()
    _ = folder
    try Self.fill(cache, inventory)
    let before = try Self.load(inventory, named: "inventory")
    let cached = try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
    // Another version of the entry: every vendor renamed (so every record changes).
    var edited = before
    for index in edited.vendors.indices { edited.vendors[index].name += " (renamed)" }
    cache.store(edited, sha256: "edited", for: try Self.key(inventory))
    var found = 0
    for vendor in before.vendors {
      guard case .success(let part)? = cached.vendor(vendor.id) else { continue }
      #expect(part.match == (try before.match(vendor.id).get()), "\(vendor.id)")
      found += 1
    }
    // The chunks were replaced too, so no record of the old head's places still matches.
    #expect(found == 0)
  }

  /// Records longer than a chunk are read across chunks: every vendor of an inventory whose
  /// records take several chunks is found as a full load finds it.
  @Test func recordsAreReadAcrossChunks() throws {
    let (folder, inventory, cache) = try Self.workspace()
    _ = folder
    // Many vendors with long names, so the records take several chunks.
    var text = "vendors:\n"
    for number in 0..<400 {
      let long = String(repeating: "x", count: 80 + number % 7)
      text += "  - id: vendor-\(number)\n    name: Vendor \(number) \(long)\n"
      text += "    category: saas\n    criticality: low\n"
    }
    let path = inventory + "/many.yaml"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    Self.setModified(path, seconds: Int(Date().timeIntervalSince1970) - 100)
    try Self.fill(cache, inventory)
    #expect(FileManager.default.fileExists(atPath: cache.chunkPath(for: inventory, chunk: 1)))
    let full = try Self.load(inventory, named: "inventory")
    let cached = try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
    for vendor in full.vendors {
      let found = try #require(cached.vendor(vendor.id), "\(vendor.id)").get()
      #expect(found.match == (try full.match(vendor.id).get()), "\(vendor.id)")
    }
  }

  /// A hit finds what a full load finds, through the name index or the scan of the names.
  ///
  /// The index decides what it can (ASCII names, one vendor) and leaves the rest to the scan.
  /// A damaged bucket sends its queries to the scan; damaged names fail the queries the scan
  /// answers.
  @Test func theNameIndexAndTheScanFindWhatAFullLoadFinds() throws {
    let folder = try TemporaryDirectory()
    var text = "vendors:\n"
    for number in 0..<60 {
      // Each alias is the next vendor's name (a name wins over an alias); products are shared.
      text += "  - id: vendor-\(number)\n    name: Vendor \(number)\n"
      text += "    category: saas\n    criticality: low\n"
      text += "    aliases: [V\(number) Cloud, Vendor \(number + 1)]\n"
      text += "    products: [Tool \(number % 7), Only \(number)]\n"
      if number > 0 { text += "    sub-processors: [vendor-\(number - 1), Outside Firm]\n" }
    }
    let path = try folder.write(text, to: "inventory/many.yaml").path
    Self.setModified(path, seconds: Int(Date().timeIntervalSince1970) - 100)
    let inventory = folder.path + "/inventory"
    let cache = InventoryCache(
      folder: folder.path + "/cache", fileSystem: SystemFileSystem(), build: "test-1")
    try Self.fill(cache, inventory)
    let full = try Self.load(inventory, named: "inventory")
    var queries = ["tool 3", "TOOL 6", "vendor 60", "nothing", "outside firm", "", "vendor-"]
    for vendor in full.vendors {
      queries += [vendor.id, vendor.name.uppercased()] + vendor.aliases + vendor.products
    }
    func agree(_ cached: CachedInventory, _ query: String) -> Bool {
      switch (cached.vendor(query), full.match(query)) {
      case (.success(let part)?, .success(let match)):
        return part.match == match
          && part.inventory.impact(of: part.match) == full.impact(of: match)
      case (.failure(let error)?, .failure(let expected)):
        return error == expected
      default:
        return false
      }
    }
    let cached = try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
    for query in queries { #expect(agree(cached, query), "\(query)") }
    let entry = cache.entryPath(for: inventory)
    let good = try SystemFileSystem().readFile(at: entry)
    func rewrite(_ bytes: [UInt8]) throws -> CachedInventory {
      try SystemFileSystem().replaceFile(bytes, at: entry)
      Self.setModified(entry, seconds: Int(Date().timeIntervalSince1970) - 10)
      return try #require(cache.lookup(try Self.key(inventory), named: "inventory"))
    }
    // The last bucket's last entry (the index is last): the scan answers instead.
    let damagedIndex = try rewrite(Self.flipped(good, at: good.count - 2))
    for query in queries { #expect(agree(damagedIndex, query), "\(query)") }
    // A name the index does not read: what the index decides is still found; what needs the
    // names (several vendors, none) is not, and the run loads the inventory in full.
    let name = Array("Only 30".utf8)
    let at = try #require(
      (0..<good.count - name.count).first { good[$0..<$0 + name.count].elementsEqual(name) })
    let damagedNames = try rewrite(Self.flipped(good, at: at + 1))
    #expect(agree(damagedNames, "vendor-12"))
    #expect(agree(damagedNames, "v3 cloud"))
    #expect(damagedNames.vendor("tool 3") == nil)
    #expect(damagedNames.vendor("nothing") == nil)
  }

  @Test func anotherBuildOrVocabularyIsAMiss() throws {
    let (folder, inventory, cache) = try Self.workspace()
    try Self.fill(cache, inventory)
    let other = InventoryCache(folder: cache.folder, fileSystem: cache.fileSystem, build: "other")
    #expect(try !Self.isHit(other, inventory))
    let vocabulary = try folder.write("facts: []\n", to: "facts.yaml").path
    let key = try Self.key(inventory, vocabulary: vocabulary)
    #expect(cache.lookup(key, named: "inventory") == nil)
    #expect(cache.lookup(try Self.key(inventory, vocabulary: nil), named: "inventory") == nil)
    #expect(try Self.isHit(cache, inventory))
  }

  /// `bytes` with one bit changed at `index`.
  static func flipped(_ bytes: [UInt8], at index: Int) -> [UInt8] {
    var bytes = bytes
    bytes[index] ^= 0x20
    return bytes
  }
}
