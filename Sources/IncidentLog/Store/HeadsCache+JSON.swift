import RunbookCore

/// The cache's JSON (in the file after a checksum line, see ``HeadsCache/framed(_:)``): compact,
/// all numbers as strings (inode numbers do not fit a double).
///
/// ```json
/// {"folders": [{"changed": "1775035800.120000000", "device": "64768",
///               "documents": "12-9a...-3f...", "inode": "1311", "modified": "…",
///               "others": [], "path": "records/2026/04"}, …],
///  "format": "triage-heads-cache/3",
///  "groups": [{"heads": [{"path": "records/2026/04/….json", "sha256": "…"}],
///              "listings": {"record": "12-9a...-3f..."}, "outside_parents": ["…"],
///              "path": "2026/04"}, …],
///  "stamp": "1775035801.004000000"}
/// ```
extension HeadsCache {
  /// The cache as JSON.
  var jsonValue: JSONValue {
    let folders = folders.sorted { $0.key < $1.key }.map { path, folder -> JSONValue in
      [
        "path": .string(path), "device": .string(String(folder.status.device)),
        "inode": .string(String(folder.status.inode)),
        "modified": .string(folder.status.modified.description),
        "changed": .string(folder.status.changed.description),
        "documents": .string(folder.documents.fingerprint),
        "others": .array(folder.others.map(JSONValue.string)),
      ]
    }
    let groups = groups.sorted { $0.key < $1.key }.map { path, group -> JSONValue in
      var listings = JSONObject()
      for kind in DocumentKind.allCases {
        if let listing = group.listings[kind] {
          listings[kind.rawValue] = .string(listing.fingerprint)
        }
      }
      return [
        "path": .string(path), "listings": .object(listings),
        "heads": .array(
          group.heads.map { ["path": .string($0.location.path), "sha256": .string($0.sha256)] }),
        "outside_parents": .array(group.outsideParents.map(JSONValue.string)),
      ]
    }
    return [
      "format": .string(Self.format), "stamp": stamp.map { .string($0.description) } ?? .null,
      "folders": .array(folders), "groups": .array(groups),
    ]
  }

  /// Reads ``jsonValue``; nil when anything is missing or malformed (the cache is then rebuilt).
  init?(json value: JSONValue) {
    guard value["format"]?.stringValue == Self.format, let stampValue = value["stamp"],
      let folders = value["folders"]?.arrayValue, let groups = value["groups"]?.arrayValue
    else { return nil }
    if stampValue.isNull {
      stamp = nil
    } else {
      guard let stamp = stampValue.stringValue.flatMap(FileTime.init) else { return nil }
      self.stamp = stamp
    }
    for entry in folders {
      guard let path = entry["path"]?.stringValue, let folder = Self.folder(entry),
        self.folders.updateValue(folder, forKey: path) == nil
      else { return nil }
    }
    for entry in groups {
      guard let path = entry["path"]?.stringValue, let group = Self.group(entry),
        self.groups.updateValue(group, forKey: path) == nil
      else { return nil }
    }
  }

  private static func folder(_ entry: JSONValue) -> CachedFolder? {
    guard let device = entry["device"]?.stringValue.flatMap({ UInt64($0) }),
      let inode = entry["inode"]?.stringValue.flatMap({ UInt64($0) }),
      let modified = entry["modified"]?.stringValue.flatMap(FileTime.init),
      let changed = entry["changed"]?.stringValue.flatMap(FileTime.init),
      let documents = entry["documents"]?.stringValue.flatMap(ArchiveListing.init(fingerprint:)),
      let others = entry["others"]?.arrayValue?.compactMap(\.stringValue),
      others.count == entry["others"]?.arrayValue?.count
    else { return nil }
    let status = FileStatus(
      kind: .directory, device: device, inode: inode, modified: modified, changed: changed)
    return CachedFolder(status: status, documents: documents, others: others)
  }

  private static func group(_ entry: JSONValue) -> GroupHeads? {
    guard let listingMembers = entry["listings"]?.objectValue?.members,
      let headEntries = entry["heads"]?.arrayValue,
      let parentEntries = entry["outside_parents"]?.arrayValue
    else { return nil }
    var listings = ListingsByKind()
    for member in listingMembers {
      guard let kind = DocumentKind(rawValue: member.key),
        let listing = member.value.stringValue.flatMap(ArchiveListing.init(fingerprint:))
      else { return nil }
      listings[kind] = listing
    }
    var heads: [DocumentHead] = []
    for entry in headEntries {
      guard let path = entry["path"]?.stringValue, let location = Self.location(path),
        let hash = entry["sha256"]?.stringValue, Hex.isSHA256Digest(hash)
      else { return nil }
      heads.append(DocumentHead(location: location, sha256: hash))
    }
    var parents: [String] = []
    for entry in parentEntries {
      guard let hash = entry.stringValue, Hex.isSHA256Digest(hash) else { return nil }
      parents.append(hash)
    }
    return GroupHeads(listings: listings, heads: heads, outsideParents: parents)
  }

  /// The location of a document at `path` (`records/2026/04/<id>.json`).
  private static func location(_ path: String) -> DocumentLocation? {
    guard let kind = DocumentKind.allCases.first(where: { path.hasPrefix($0.directoryName + "/") }),
      let name = path.split(separator: "/").last,
      case .document(let id) = FolderEntry(name: String(name))
    else { return nil }
    return DocumentLocation(kind: kind, id: id, path: path)
  }
}
