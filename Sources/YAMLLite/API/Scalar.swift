/// The text of a scalar and how it was written.
///
/// A scalar read in one piece from the source (a one-line plain scalar, or a quoted one without
/// escapes or line breaks) keeps only its byte range in the parsed input, which the tree shares,
/// and makes its `String` when `text` is read; every other scalar holds its `String`. This keeps
/// a big document's tree small: most scalars need no allocation of their own.
package struct Scalar: Sendable, Equatable {
  private var storage: Storage
  package var style: ScalarStyle

  private enum Storage: Sendable {
    case text(String)
    /// `count` bytes at `start` in `source`.
    case slice(source: [UInt8], start: UInt32, count: UInt32)
    /// A block scalar's lines at `start` in `source`; `packed` holds their byte count (low 22
    /// bits), the content indentation (8 bits) and the chomping (2 bits), to fit in 16 bytes.
    case block(source: [UInt8], start: UInt32, packed: UInt32)
  }

  /// The scalar's text, after folding, escapes and chomping.
  package var text: String {
    get {
      switch storage {
      case .text(let text):
        return text
      case .slice(let source, let start, let count):
        return source.withUnsafeBufferPointer { buffer in
          let range = Int(start)..<Int(start) + Int(count)
          return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
      case .block(let source, let start, let packed):
        let count = Int(packed & 0x3F_FFFF)
        let layout = BlockScalarLayout(
          indent: Int(packed >> 22 & 0xFF), chomping: Scalar.chomping(code: packed >> 30))
        return source.withUnsafeBufferPointer { buffer in
          let lines = UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start) + count])
          return layout.text(of: lines, isFolded: style == .folded)
        }
      }
    }
    set { storage = .text(newValue) }
  }

  package init(_ text: String, style: ScalarStyle = .plain) {
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

  /// A block scalar whose text comes from the lines `source[blockLines]` by `layout`, made when
  /// `text` is read; made now when the lines are too long or too indented to pack.
  init(source: [UInt8], blockLines: Range<Int>, layout: BlockScalarLayout, style: ScalarStyle) {
    self.style = style
    let chompingCode: UInt32 =
      switch layout.chomping {
      case .dash: 1
      case UInt8(ascii: "+"): 2
      default: 0
      }
    if blockLines.count <= 0x3F_FFFF, layout.indent >= 0, layout.indent <= 0xFF,
      blockLines.upperBound <= Int(UInt32.max)
    {
      let packed = UInt32(blockLines.count) | UInt32(layout.indent) << 22 | chompingCode << 30
      self.storage = .block(source: source, start: UInt32(blockLines.lowerBound), packed: packed)
    } else {
      self.storage = .text(
        source.withUnsafeBufferPointer {
          layout.text(of: UnsafeBufferPointer(rebasing: $0[blockLines]), isFolded: style == .folded)
        })
    }
  }

  private static func chomping(code: UInt32) -> UInt8 {
    switch code {
    case 1: return .dash
    case 2: return UInt8(ascii: "+")
    default: return 0
    }
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
    case .block:
      var text = text
      return text.withUTF8(body)
    }
  }

  package static func == (lhs: Scalar, rhs: Scalar) -> Bool {
    lhs.style == rhs.style
      && lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
  }
}
