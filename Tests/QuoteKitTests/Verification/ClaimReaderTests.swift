import QuoteKit
import XCTest

final class ClaimReaderTests: XCTestCase {
    func testCSVWithQuotedFieldsLineBreaksAndExtraColumns() {
        let csv = "\u{FEFF}Speaker,Text,source\r\n\"Lee, Ann\",\"She said \"\"no\"\",\nthen left\",x\r\n,plain,y\n"
        let (claims, problems) = ClaimReader.read(csv, format: .csv)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(claims, [Claim(text: "She said \"no\",\nthen left", speaker: "Lee, Ann"), Claim(text: "plain")])
    }

    func testCSVProblemsNameTheLineWhereTheRecordStarts() {
        let csv = "text,id\n\"two\nlines\",1\nonly\n,3\n\"never closed,4\n"
        let (claims, problems) = ClaimReader.read(csv, format: .csv)
        XCTAssertEqual(claims, [Claim(id: "1", text: "two\nlines")])
        XCTAssertEqual(problems.map(\.line), [4, 5, 6])
        XCTAssertEqual(problems.map(\.message), ["expected 2 fields as in the header, found 1", "the \"text\" field is empty",
                                                 "a quoted field is not closed before the end of the file"])
        XCTAssertEqual(ClaimReader.read("quote,speaker\nx,y\n", format: .csv).problems.first?.description,
                       "1: error: the header row has no \"text\" column (found: quote, speaker)")
    }

    func testJSONLClaims() {
        let jsonl = "{\"text\": \"a b c\", \"speaker\": null, \"id\": 7}\n\n[1]\n{\"speaker\": \"x\"}\n{\"text\": \"d\", \"speaker\": 3}\n{bad\n"
        let (claims, problems) = ClaimReader.read(jsonl, format: .jsonl)
        XCTAssertEqual(claims, [Claim(id: "7", text: "a b c")])
        XCTAssertEqual(problems.map(\.line), [3, 4, 5, 6])
        XCTAssertEqual(problems[1].message, "missing field \"text\"")
        XCTAssertEqual(problems[2].message, "field \"speaker\" must be a string or null")
        XCTAssertTrue(problems[3].message.hasPrefix("invalid JSON"))
    }
}
