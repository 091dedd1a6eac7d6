import IncidentLog
import RunbookCore

extension CommandContext {
  /// The signature tool: the one set on the context (a test double), else `ssh-keygen` on
  /// this environment's `PATH`.
  var signatures: any SignatureTool {
    signatureTool ?? OpenSSHSignatureTool(path: environment[.path])
  }

  /// The signing key, or nil when none is configured.
  ///
  /// `--sign-key`, else `TRIAGE_SIGNING_KEY`, else the archive config's `signing-key`. A
  /// `config.yaml` that does not parse is named in a warning.
  func signingKey(_ invocation: Invocation, archive root: String) -> String? {
    if let key = invocation.value(.signKey) ?? environment[.triageSigningKey], !key.isEmpty {
      return resolvedPath(key)
    }
    let config = ArchiveConfig(archive: root, fileSystem: fileSystem)
    if let problem = config.problem {
      standardError.write(
        "triage: warning: \(VisibleText.line(problem)); its signing-key is not read\n")
    }
    return config.signingKey
  }

  /// Signs the document just written at `location` when a key is configured, and says so on
  /// `output` (standard output unless given).
  ///
  /// - Returns: false when a key is configured and signing failed (the document stays,
  ///   unsigned, and a warning says why); true otherwise.
  func signIfConfigured(
    _ location: DocumentLocation, in store: ArchiveStore, _ invocation: Invocation,
    announcingOn output: (any TextOutput)? = nil
  ) -> Bool {
    guard let key = signingKey(invocation, archive: store.root) else { return true }
    let tool = signatures
    if let reason = tool.unavailableReason {
      standardError.write("triage: warning: \(reason); records are written unsigned\n")
      return true
    }
    do {
      let path = try store.sign(location, keyPath: key, with: tool)
      (output ?? standardOutput).write("Signed: wrote \(path)\n")
      return true
    } catch {
      standardError.write(
        "triage: warning: \(store.absolute(location.path)) was written unsigned: could not sign "
          + "with \(VisibleText.line(key)): \(VisibleText.line(error.message))\n")
      return false
    }
  }
}
