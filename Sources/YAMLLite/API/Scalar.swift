/// The text of a scalar and how it was written.
///
/// A scalar read in one piece from the source (a one-line plain scalar, or a quoted one without
/// escapes or line breaks) keeps only its byte range in the parsed input, which the tree shares,
/// and makes its `String` when `text` is read; every other scalar holds its `String`. This keeps
/// a big document's tree small: most scalars need no allocation of their own.
public struct Scalar: Sendable, Equatable {
  private var storage: Storage
  public var style: ScalarStyle

  private enum Storage: Sendable {
    case text(String)
    /// `count` bytes at `start` in `source`.
    case slice(source: [UInt8], start: UInt32, count: UInt32)
  }

  /// The scalar's text, after folding, escapes and chomping.
  public var text: String {
    get {
      switch storage {
      case .text(let text):
        return text
      case .slice(let source, let start, let count):
        return source.withUnsafeBufferPointer { buffer in
          let range = Int(start)..<Int(start) + Int(count)
          return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
      }
    }
    set { storage = .text(newValue) }
  }

  public init(_ text: String, style: ScalarStyle = .plain) {
    self.storage = .text(text)
    self.style = style
  }

  /// A scalar whose text is `source[range]` (valid UTF-8), without copying it.
  init(source: [UInt8], range: Range<Int>, style: ScalarStyle) {
    if range.upperBound <= Int(UInt32.max) {
      self.storage = .slice(
        source: source, start: UInt32(range.lowerBound), count: UInt32(range.count))
    } else {
      self.storage = .text(
        source.withUnsafeBufferPointer {
          String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        })
    }
    self.style = style
  }

  /// Calls `body` with the text's UTF-8 bytes, without making a `String` for a slice.
  func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    switch storage {
    case .text(var text):
      return text.withUTF8(body)
    case .slice(let source, let start, let count):
      return source.withUnsafeBufferPointer { buffer in
        body(UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start) + Int(count)]))
      }
    }
  }

  public static func == (lhs: Scalar, rhs: Scalar) -> Bool {
    lhs.style == rhs.style
      && lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
  }
}
