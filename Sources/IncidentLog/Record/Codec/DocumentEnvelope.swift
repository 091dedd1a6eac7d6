/// The members every archive document has, whatever its kind: `id` and `created_at` (and
/// `integrity`, in ``DocumentIntegrity``).
///
/// The archive store reads these, and only these, from documents it does not otherwise
/// understand: records, amendments and documents of kinds a later version adds.
enum DocumentEnvelope {
  /// The `id` member, if any.
  static func id(in object: JSONObject) -> JSONValue? { object["id"] }

  /// The `created_at` member, if any.
  static func createdAt(in object: JSONObject) -> JSONValue? { object["created_at"] }

  /// `object` with `id` as its first member.
  static func prependingID(_ id: String, to object: JSONObject) -> JSONObject {
    JSONObject([JSONObject.Member(key: "id", value: .string(id))] + object.members)
  }
}
