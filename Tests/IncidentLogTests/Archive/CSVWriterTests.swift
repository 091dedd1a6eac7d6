import IncidentLog
import Testing

@Suite("CSV") struct CSVWriterTests {
  @Test("RFC 4180: quotes doubled, commas and line breaks quoted, CRLF line ends")
  func quoting() {
    #expect(
      CSVWriter.line(["a", "b,c", "say \"hi\"", "two\nlines", ""])
        == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n")
  }

  @Test("formulas are neutralized")
  func formulas() {
    #expect(CSVWriter.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    #expect(CSVWriter.field("+1") == "'+1")
    #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
    #expect(CSVWriter.field("plain") == "plain")
  }
}
