import IncidentLog
import Testing

/// `archive due --within DURATION`.
@Suite struct DueWindowTests {
  @Test(
    "durations",
    arguments: [("90m", 5_400.0), ("48h", 172_800), ("7d", 604_800), ("2w", 1_209_600)])
  func reads(_ text: String, _ seconds: Double) {
    #expect(DueWindow(text)?.seconds == seconds)
  }

  @Test("refused", arguments: ["", "h", "0h", "-1d", "7", "7 d", "1y", "1.5h", "9999999d", "٣d"])
  func refuses(_ text: String) {
    #expect(DueWindow(text) == nil)
  }
}
