import CharretteSupport
import Testing

/// The one set of CSV rules every reader and writer of Charrette follows.
@Suite("CSV")
struct CSVTests {
    static func rows(_ text: String, delimiter: UInt8 = CSV.comma) throws(CSV.Error) -> [CSV.Row] {
        try CSV.rows(Array(text.utf8), delimiter: delimiter)
    }

    @Test func quotedCellsLineEndsAndLines() throws {
        let text =
            "\u{FEFF}a,\"b, \"\"c\"\"\",d\r\n"
            + "\"two\nlines\",\"cr lf\r\nmade lf\",\"lone\rcr\"\r"
            + "\r"
            + "last,,"
        let found = try Self.rows(text)
        #expect(found.map(\.line) == [1, 2, 6, 7])
        #expect(found[0].cells == ["a", "b, \"c\"", "d"])
        #expect(found[1].cells == ["two\nlines", "cr lf\nmade lf", "lone\ncr"])
        #expect(found[2].cells == [""])
        #expect(found[3].cells == ["last", "", ""])
        #expect(try Self.rows("").isEmpty && Self.rows("x\n").count == 1)
    }

    @Test func aQuoteInsideAnUnquotedCellIsACharacter() throws {
        #expect(try Self.rows("We want \"free\" buses,@amira\n")[0].cells == ["We want \"free\" buses", "@amira"])
    }

    @Test func brokenQuotesAreLocatedByLineAndColumn() {
        #expect(throws: CSV.Error(line: 2, column: 3, message: "a quoted cell is never closed")) {
            try Self.rows("a,b\nc,\"never\nclosed\n")
        }
        // The column counts characters, not bytes: "é" is one.
        #expect(throws: CSV.Error(line: 3, column: 3, message: "text after a closing quote: double a quote inside a quoted cell")) {
            try Self.rows("a\nbé,\"x\ny\"z\n")
        }
        #expect(CSV.Error(line: 3, column: 3, message: "m").description == "3:3: m")
    }

    @Test func bytesThatAreNotUTF8AreLocated() {
        #expect(throws: CSV.Error(line: 2, column: 4, message: "not UTF-8 text")) { try CSV.rows(Array("a,b\r\nd,e".utf8) + [0xE9] + [0x0A]) }
        #expect(CSV.firstInvalidUTF8(Array("héllo".utf8)) == nil)
        #expect(CSV.firstInvalidUTF8([0x61, 0xC3]) == 1, "a sequence cut short")
    }

    @Test func otherSeparatorsAreDetectedFromTheHeader() throws {
        #expect(CSV.detectedDelimiter(Array("text;author\n\"a,b\";c".utf8)) == 0x3B)
        #expect(CSV.detectedDelimiter(Array("text\tauthor\tx;y\n".utf8)) == 0x09, "the separator the header holds most of")
        #expect(CSV.detectedDelimiter(Array("\"a;b;c\",d\n".utf8)) == CSV.comma, "separators inside quotes do not count")
        #expect(CSV.detectedDelimiter(Array("text\n".utf8)) == CSV.comma)
        #expect(try Self.rows("a;\"b;c\"\n", delimiter: 0x3B)[0].cells == ["a", "b;c"])
    }

    @Test func writtenCellsReadBackAsTheyWere() throws {
        let cells = ["plain", "a, b", "say \"hi\"", "two\nlines", "=SUM(A1)", "'=kept", "-3", ""]
        let line = CSV.row(cells.map { CSV.field($0, neutralisingFormulas: true) })
        #expect(line == #"plain,"a, b","say ""hi""","two"# + "\n" + #"lines",'=SUM(A1),''=kept,'-3,"#)
        #expect(try Self.rows(line)[0].cells.map(SpreadsheetFormula.restored) == cells)
        #expect(CSV.field("=1+1", neutralisingFormulas: false) == "=1+1")
    }

    @Test func wholeNumbers() {
        func int(_ text: String) -> Int? {
            Array(text.utf8).withUnsafeBufferPointer { CSV.int($0, 0..<$0.count) }
        }
        #expect(int(" 42\t") == 42 && int("+7") == 7 && int("-1") == -1 && int("007") == 7)
        #expect(int("999999999999999999") == 999_999_999_999_999_999)
        #expect(int("9223372036854775807") == Int.max && int("9223372036854775808") == nil)
        #expect(int("") == nil && int(" ") == nil && int("-") == nil && int("12a") == nil && int("1 2") == nil && int("1.0") == nil)
    }

    @Test func linesEndAtLFCRLFOrALoneCR() {
        #expect(LineBreaks.lines("a\r\nb\rc\nd").map(String.init) == ["a", "b", "c", "d"])
        #expect(LineBreaks.normalised("a\r\nb\rc\n") == "a\nb\nc\n")
    }
}
