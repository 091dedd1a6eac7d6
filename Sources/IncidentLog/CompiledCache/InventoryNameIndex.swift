/// The name index of an inventory entry (``InventoryCache``): every vendor name's lower-case
/// form by its hash, in buckets that each carry their own checksum, so that a run finds a
/// vendor by reading and checking one bucket instead of every name.
///
/// A bucket holds 8-byte entries, little-endian: the high 32 bits of the name's hash (the low
/// bits chose the bucket), then the vendor's number times four plus the kind of name (0 id,
/// 1 name, 2 alias, 3 product). The directory, in the entry's head and under its checksum,
/// gives per bucket where its entries start (counted in entries), how many there are, and
/// their checksum.
enum InventoryNameIndex {
  /// The hash of a name's lower-case form: 64-bit FNV-1a of its UTF-8 bytes.
  static func hash(_ lower: String) -> UInt64 {
    FNV1a.hash(lower)
  }

  /// How many buckets an index of `count` names has: a power of two, about eight names a
  /// bucket, at most 256 (a directory of 4 KB).
  static func bucketCount(forNames count: Int) -> Int {
    var buckets = 1
    while buckets < 256, buckets * 8 < count { buckets *= 2 }
    return buckets
  }

  /// The directory and the buckets of an index of `names`: each name's hash and its vendor's
  /// number times four plus its kind (under 2^32).
  static func encode(
    _ names: [(hash: UInt64, entry: UInt64)]
  ) -> (directory: [UInt8], buckets: [UInt8]) {
    let count = bucketCount(forNames: names.count)
    var buckets = [[UInt64]](repeating: [], count: count)
    for name in names {
      buckets[Int(name.hash & UInt64(count - 1))].append(name.hash >> 32 | name.entry << 32)
    }
    var directory: [UInt8] = []
    var bytes: [UInt8] = []
    for bucket in buckets {
      let start = bytes.count
      for word in bucket { InventoryCache.appendWord(word, to: &bytes) }
      InventoryCache.appendWord(UInt64(start / 8) | UInt64(bucket.count) << 32, to: &directory)
      InventoryCache.appendWord(
        InventoryCache.checksum(bytes, start..<bytes.count), to: &directory)
    }
    return (directory, bytes)
  }
}
