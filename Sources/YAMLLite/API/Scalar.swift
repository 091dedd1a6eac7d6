/// The text of a scalar and how it was written.
///
/// A scalar read in one piece from the source (a one-line plain scalar, or a quoted one without
/// escapes or line breaks) keeps only its byte range in the parsed input, which the tree shares,
/// and makes its `String` when `text` is read; a block scalar keeps its checked lines and folds
/// them when read; every other scalar holds its `String` in a small shared box. A scalar is 16
/// bytes (the style is packed with the range), so a node is 24: a big document's tree stays small
/// and most scalars need no allocation of their own.
///
/// A scalar also knows the file it was read from (through its source or box): a scalar node keeps
/// its file there, so a node needs no reference of its own to its file's name. The file is no part
/// of a scalar's value: two scalars are equal when their style and text are.
package struct Scalar: Sendable, Equatable {
  private var storage: Storage

  private enum Storage: Sendable {
    /// Made text (folded, unescaped or given), with its style and file.
    case text(TextBox)
    /// `packed >> 3` bytes at `start` in `source`; the style in the low 3 bits.
    case slice(source: SourceText, start: UInt32, packed: UInt32)
    /// A block scalar's lines at `start` in `source`; `packed` holds their byte count (low 21
    /// bits), whether it is folded (1 bit), the content indentation (8 bits) and the chomping
    /// (2 bits).
    case block(source: SourceText, start: UInt32, packed: UInt32)
  }

  /// A made scalar's text, style and file, shared by copies of the scalar.
  private final class TextBox: Sendable {
    let text: String
    let style: ScalarStyle
    let file: FileName

    init(_ text: String, style: ScalarStyle, file: FileName) {
      self.text = text
      self.style = style
      self.file = file
    }
  }

  /// The most bytes a slice may have: its count shares 32 bits with the style.
  private static let maxSliceCount = Int(UInt32.max >> 3)
  /// The most bytes a block scalar's lines may have to be packed.
  private static let maxBlockCount = 0x1F_FFFF

  /// How the scalar was written.
  package var style: ScalarStyle {
    get {
      switch storage {
      case .text(let box): return box.style
      case .slice(_, _, let packed): return Scalar.style(code: packed & 7)
      case .block(_, _, let packed): return packed >> 21 & 1 == 1 ? .folded : .literal
      }
    }
    set {
      switch storage {
      case .slice(let source, let start, let packed):
        storage = .slice(source: source, start: start, packed: packed & ~7 | Scalar.code(newValue))
      default:
        storage = .text(TextBox(text, style: newValue, file: file))
      }
    }
  }

  /// The scalar's text, after folding, escapes and chomping.
  package var text: String {
    get {
      switch storage {
      case .text(let box):
        return box.text
      case .slice(let source, let start, let packed):
        return source.bytes.withUnsafeBufferPointer { buffer in
          let range = Int(start)..<Int(start) + Int(packed >> 3)
          return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
      case .block(let source, let start, let packed):
        let count = Int(packed & 0x1F_FFFF)
        let layout = BlockScalarLayout(
          indent: Int(packed >> 22 & 0xFF), chomping: Scalar.chomping(code: packed >> 30))
        return source.bytes.withUnsafeBufferPointer { buffer in
          let lines = UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start) + count])
          return layout.text(of: lines, isFolded: packed >> 21 & 1 == 1)
        }
      }
    }
    set { storage = Scalar.storage(for: newValue, style: style, file: file) }
  }

  package init(_ text: String, style: ScalarStyle = .plain) {
    self.storage = Scalar.storage(for: text, style: style, file: SourceText.unnamed.file)
  }

  /// A made scalar of `file`: an empty text is a range of `source` (no box).
  init(_ text: String, style: ScalarStyle = .plain, in source: SourceText) {
    self.storage =
      text.isEmpty
      ? .slice(source: source, start: 0, packed: Scalar.code(style))
      : .text(TextBox(text, style: style, file: source.file))
  }

  /// A scalar whose text is `source[range]` (valid UTF-8), without copying it.
  init(source: SourceText, range: Range<Int>, style: ScalarStyle) {
    if range.count <= Scalar.maxSliceCount, range.upperBound <= Int(UInt32.max) {
      self.storage = .slice(
        source: source, start: UInt32(range.lowerBound),
        packed: UInt32(range.count) << 3 | Scalar.code(style))
    } else {
      let text = source.bytes.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
      }
      self.storage = .text(TextBox(text, style: style, file: source.file))
    }
  }

  /// A block scalar whose text comes from the lines `source[blockLines]` by `layout`, made when
  /// `text` is read; made now when the lines are too long or too indented to pack.
  init(source: SourceText, blockLines: Range<Int>, layout: BlockScalarLayout, style: ScalarStyle) {
    let chompingCode: UInt32 =
      switch layout.chomping {
      case .dash: 1
      case UInt8(ascii: "+"): 2
      default: 0
      }
    let isFolded = style == .folded
    if blockLines.count <= Scalar.maxBlockCount, layout.indent >= 0, layout.indent <= 0xFF,
      blockLines.upperBound <= Int(UInt32.max)
    {
      let packed =
        UInt32(blockLines.count) | (isFolded ? 1 : 0) << 21 | UInt32(layout.indent) << 22
        | chompingCode << 30
      self.storage = .block(source: source, start: UInt32(blockLines.lowerBound), packed: packed)
    } else {
      let text = source.bytes.withUnsafeBufferPointer {
        layout.text(of: UnsafeBufferPointer(rebasing: $0[blockLines]), isFolded: isFolded)
      }
      self.storage = .text(TextBox(text, style: style, file: source.file))
    }
  }

  /// The storage for made text of `file`: an empty text is an empty range (no box).
  private static func storage(for text: String, style: ScalarStyle, file: FileName) -> Storage {
    guard text.isEmpty else { return .text(TextBox(text, style: style, file: file)) }
    let source = file === SourceText.unnamed.file ? SourceText.unnamed : SourceText([], file: file)
    return .slice(source: source, start: 0, packed: code(style))
  }

  /// The file the scalar was read from (or placed in); an unnamed one for a scalar made alone.
  var file: FileName {
    switch storage {
    case .text(let box): return box.file
    case .slice(let source, _, _), .block(let source, _, _): return source.file
    }
  }

  /// The same scalar, of `file`: itself when it is of that file already.
  func placed(in file: FileName) -> Scalar {
    if self.file === file { return self }
    var copy = self
    switch storage {
    case .text(let box):
      copy.storage = .text(TextBox(box.text, style: box.style, file: file))
    case .slice(let source, let start, let packed):
      copy.storage = .slice(
        source: SourceText(source.bytes, file: file), start: start, packed: packed)
    case .block(let source, let start, let packed):
      copy.storage = .block(
        source: SourceText(source.bytes, file: file), start: start, packed: packed)
    }
    return copy
  }

  private static func code(_ style: ScalarStyle) -> UInt32 {
    switch style {
    case .plain: return 0
    case .singleQuoted: return 1
    case .doubleQuoted: return 2
    case .literal: return 3
    case .folded: return 4
    }
  }

  private static func style(code: UInt32) -> ScalarStyle {
    switch code {
    case 1: return .singleQuoted
    case 2: return .doubleQuoted
    case 3: return .literal
    case 4: return .folded
    default: return .plain
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
    case .text(let box):
      var text = box.text
      return text.withUTF8(body)
    case .slice(let source, let start, let packed):
      return source.bytes.withUnsafeBufferPointer { buffer in
        body(UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start) + Int(packed >> 3)]))
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
