extension ArchiveStore {
  /// The file name, in the root, of the keys allowed to sign (`ssh-keygen -Y verify` format).
  package static let allowedSignersFileName = "allowed_signers"

  /// The absolute path of the archive's `allowed_signers`.
  package var allowedSignersPath: String { absolute(Self.allowedSignersFileName) }

  /// The path (relative) of the signature beside a document: `<doc>.json.sig`.
  package static func signaturePath(of location: DocumentLocation) -> String {
    location.path + ".sig"
  }

  /// Signs the document at `location` as written (its file's bytes) and writes the armored
  /// signature beside it, atomically, never replacing one.
  ///
  /// - Returns: The signature's absolute path.
  /// - Throws: ``SignatureError`` when signing or writing fails.
  package func sign(
    _ location: DocumentLocation, keyPath: String, with tool: any SignatureTool
  ) throws(SignatureError) -> String {
    let bytes: [UInt8]
    do {
      bytes = try documentBytes(atAbsolutePath: absolute(location.path))
    } catch {
      throw SignatureError("\(error)")
    }
    let signature = try tool.sign(bytes, keyPath: keyPath)
    let path = absolute(Self.signaturePath(of: location))
    do {
      try fileSystem.writeNewFile(Array(signature.utf8), at: path)
    } catch {
      throw SignatureError("\(error)")
    }
    return path
  }

  /// Whether any `<doc>.json.sig` is in the archive: from the folders' listings alone, so that
  /// `verify` of an archive without signatures opens no file more.
  package func hasSignatureFiles() throws(ArchiveError) -> Bool {
    for kind in DocumentKind.allCases {
      var pending = [(path: kind.directoryName, depth: 0)]
      guard try fileSystem.isDirectory(at: absolute(kind.directoryName)) else { continue }
      while let (directory, depth) = pending.popLast() {
        for name in try fileSystem.contentsOfDirectory(at: absolute(directory)) {
          switch FolderEntry.Kind(name: name) {
          case .signature: return true
          case .other where depth < Self.maximumFolderDepth:
            let path = directory + "/" + name
            if !fileSystem.isSymbolicLink(at: absolute(path)),
              try fileSystem.isDirectory(at: absolute(path))
            {
              pending.append((path, depth + 1))
            }
          default: continue
          }
        }
      }
    }
    return false
  }

  /// The signature status of every document, in ``locations()`` order.
  package func signatures(with tool: any SignatureTool) throws(ArchiveError) -> [DocumentSignature]
  {
    var found: [DocumentSignature] = []
    try forEachLocation { (location) throws(ArchiveError) in
      let signaturePath = absolute(Self.signaturePath(of: location))
      guard let signature = try? documentBytes(atAbsolutePath: signaturePath) else {
        found.append(DocumentSignature(location: location, status: .unsigned))
        return
      }
      let check: SignatureCheck
      if let reason = tool.unavailableReason {
        check = .notChecked(reason: reason)
      } else if let bytes = try? documentBytes(atAbsolutePath: absolute(location.path)) {
        check = tool.verify(
          bytes, signature: String(decoding: signature, as: UTF8.self),
          allowedSignersPath: allowedSignersPath)
      } else {
        check = .bad(reason: "the document cannot be read")
      }
      found.append(DocumentSignature(location: location, status: .checked(check)))
    }
    return found
  }
}
