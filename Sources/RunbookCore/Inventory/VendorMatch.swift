/// A vendor found by what a responder typed, and how it was found.
package struct VendorMatch: Sendable, Equatable {
  /// Which of the vendor's names matched.
  package enum MatchedBy: String, Sendable, Equatable {
    case id, name, alias, product
  }

  package var vendor: InventoryVendor
  package var matchedBy: MatchedBy
  /// The text that matched, as the inventory writes it (`GitHub Actions`).
  package var matchedText: String

  package init(vendor: InventoryVendor, matchedBy: MatchedBy, matchedText: String) {
    self.vendor = vendor
    self.matchedBy = matchedBy
    self.matchedText = matchedText
  }
}

/// Why no single vendor matches what was typed.
package enum VendorLookupError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Nothing matches; `suggestion` is the nearest id, name, alias or product.
  case noMatch(String, suggestion: String?)
  /// Several vendors match equally well (a product two vendors sell); their ids.
  case ambiguous(String, vendors: [String])

  package var description: String {
    switch self {
    case .noMatch(let query, let suggestion):
      "no vendor \(SecretScanner.quoted(query)) in the inventory (by id, name, alias or "
        + "product)" + Suggestion.didYouMean(suggestion)
    case .ambiguous(let query, let vendors):
      "\(SecretScanner.quoted(query)) matches several vendors: "
        + vendors.joined(separator: ", ") + "; give the vendor's id"
    }
  }
}

extension Inventory {
  /// The vendor `query` names.
  ///
  /// By id, then name, then alias, then product, each ignoring letter case and surrounding
  /// spaces. The first kind that matches decides; two vendors matching by that kind is
  /// ambiguous.
  ///
  /// - Complexity: O(*n*) in the number of names in the inventory.
  package func match(_ query: String) -> Result<VendorMatch, VendorLookupError> {
    let wanted = query.trimmed.lowercased()
    let kinds: [(VendorMatch.MatchedBy, (InventoryVendor) -> [String])] = [
      (.id, { [$0.id] }), (.name, { [$0.name] }), (.alias, \.aliases), (.product, \.products),
    ]
    for (kind, names) in kinds {
      var found: [VendorMatch] = []
      for vendor in vendors {
        if let text = names(vendor).first(where: { $0.lowercased() == wanted }) {
          found.append(VendorMatch(vendor: vendor, matchedBy: kind, matchedText: text))
        }
      }
      if found.count == 1, let only = found.first { return .success(only) }
      if found.count > 1 { return .failure(.ambiguous(query, vendors: found.map(\.vendor.id))) }
    }
    let candidates = vendors.flatMap { [$0.id, $0.name] + $0.aliases + $0.products }
    return .failure(.noMatch(query, suggestion: Suggestion.nearest(to: query, in: candidates)))
  }

  /// The vendors whose review is due on `today` (never reviewed, or the next review's day has
  /// come), most overdue first; vendors without a `review:` are never due.
  package func vendorsDueForReview(
    on today: CalendarDay
  ) -> [(vendor: InventoryVendor, review: InventoryReview)] {
    var due: [(vendor: InventoryVendor, review: InventoryReview)] = []
    for vendor in vendors {
      if let review = vendor.review, review.isDue(on: today) { due.append((vendor, review)) }
    }
    let never = CalendarDay(daysSince1970: 0)
    return due.sorted { left, right in
      (left.review.nextDue ?? never, left.vendor.id) < (
        right.review.nextDue ?? never, right.vendor.id
      )
    }
  }
}
