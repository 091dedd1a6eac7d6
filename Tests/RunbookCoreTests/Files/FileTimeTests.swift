import RunbookCore
import Testing

/// A file time reads back from its text (`seconds.nanoseconds`, nine digits after the dot),
/// and nothing else reads as one.
@Suite("File time text")
struct FileTimeTests {
  @Test("a time reads back from its description")
  func roundTrip() {
    for time in [
      FileTime(seconds: 1_796_422_235, nanoseconds: 983_850_049),
      FileTime(seconds: 0, nanoseconds: 1), FileTime(seconds: -5, nanoseconds: 0),
    ] {
      #expect(FileTime(time.description) == time)
    }
  }

  @Test(
    "other texts are refused",
    arguments: [
      "1", "1.00000001", "1.0000000001", "1.2.3", "1.-00000001", "x.000000000", ".000000000",
      "1.00000000\u{E9}", "",
    ])
  func refused(text: String) {
    #expect(FileTime(text) == nil)
  }
}
