extension ArchiveStore {
  /// Removes a document (and its report) that this process appended moments ago under the
  /// lock it still holds, because the write that had to go with it failed.
  ///
  /// Only for undoing one's own append inside ``withLock(_:)``: the folder's changed status
  /// makes the next append list it again, so the heads cache never trusts the removed document.
  package func withdraw(_ location: DocumentLocation) throws(ArchiveError) {
    try fileSystem.removeFile(at: absolute(location.path))
    try? fileSystem.removeFile(at: absolute(location.reportPath))
  }
}
