import Foundation
import QuoteKit
import XCTest

/// Odd and hostile input: no crash, sensible output. Each case once crashed or misbehaved.
final class RobustnessTests: XCTestCase {
    func testOddInputsDoNotCrash() throws {
        let texts = [
            "", " \n\t ", "the Joneses'\u{A0}", "the Joneses’\u{3000}end", ". Obama: \"We will win this.\"", ".Obama \"we will\"",
            String(repeating: "\"", count: 10_000), String(repeating: "“", count: 10_000), String(repeating: "\r\n", count: 1_000),
            "x" + String(repeating: " of the x", count: 20_000) + " said, \"hello there my friend.\"",
            "\"", "”", "'", "Mr.", "Mr. \"", "\u{0}\"a b c d\"\u{0} said Ann Lee.",
        ]
        for text in texts {
            XCTAssertNoThrow(try extract(text), String(text.prefix(40)))
        }
        XCTAssertEqual(try extract(". Obama: \"We will win this.\"").first?.speaker, "Obama")
    }

    func testHostileShapesGiveBoundedOutput() throws {
        // A run of quotation marks: no quote, however long (the tokens of a punctuation run are capped).
        XCTAssertEqual(try extract(String(repeating: String(repeating: "\"", count: 50) + " ", count: 4_000)).count, 0)
        // One long line with no mark: no quote.
        XCTAssertEqual(try extract(String(repeating: "the council said that it would vote ", count: 5_000)).count, 0)
        // Unclosed marks, one per sentence in one paragraph, never swallow the text after them.
        let unclosed = String(repeating: "\"We vote on the plan next week and then we go home. ", count: 2_000) + "\"It passed,\" Ann Lee said."
        XCTAssertLessThanOrEqual(try extract(unclosed).count, 1)
        // A document that is one quote is one record, the whole text.
        let body = String(repeating: "we vote on the plan next week ", count: 5_000)
        let giant = try extract("\"" + body + "\"")
        XCTAssertEqual(giant.count, 1)
        XCTAssertEqual(giant.first?.text.count, body.count - 1)
        // Thousands of nested openers: at most the quotes that close.
        XCTAssertEqual(try extract(String(repeating: "“a ‘b “c ‘d ", count: 10_000)).count, 0)
    }

    func testInASentenceWithNoEndAGapIsShort() throws {
        // "Lee said that …" and 30 words before a quote: a gap a normal sentence allows …
        let words = String(repeating: "the plan for the town hall ", count: 5)
        let normal = "Lee said that " + words + "was \"a good plan for all of us.\""
        XCTAssertEqual(try extract(normal).first?.speaker, "Lee")
        // … but not one ICU found no end to (here 500 words without a full stop), where the frames
        // look at most 20 tokens back, so that the work per quote stays bounded.
        let endless = String(repeating: "and the vote went on ", count: 100) + normal
        XCTAssertNil(try extract(endless).first?.speaker)
        // ("went ahead", not "went on": a name right after a preposition is its object, not a speaker.)
        let near = String(repeating: "and the vote went ahead ", count: 100) + "Lee said that the plan was \"a good plan for all of us.\""
        XCTAssertEqual(try extract(near).first?.speaker, "Lee")
    }

    func testAllLineBreakKindsSeparateParagraphs() throws {
        for br in ["\n", "\r\n", "\r", "\u{2028}", "\u{85}"] {
            let text = "Intro.\(br)\(br)\"We will win this\(br)fight together,\" Bob Diaz said.\(br)\(br)End."
            let records = try extract(text)
            XCTAssertEqual(records.count, 1, "line break \(br.unicodeScalars.map { String($0.value, radix: 16) })")
            XCTAssertEqual(records.first?.speaker, "Bob Diaz")
        }
    }

    func testDeepNestingStillClosesTheOuterQuote() throws {
        let text = "Ann Lee said, " + String(repeating: "“a ‘b ", count: 25) + "x" + String(repeating: "’ c” d", count: 25)
        let records = try extract(text)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records.first?.text.count, 297)
    }

    func testManyNamesStayFast() throws {
        // Thousands of distinct names and a few quotes: speaker resolution must not scan every name per name.
        var text = ""
        for i in 0..<5_000 { text += "Xa\(i) Yb\(i) met Zc\(i). " }
        text += "\n\n\"We will win this one,\" Xa7 Yb7 said."
        let records = try extract(text)
        XCTAssertEqual(records.last?.speaker, "Xa7 Yb7")
    }

    func testExportersSurviveOddRecordsAndReuse() throws {
        var record = try XCTUnwrap(extract("\"We will win this one,\" Ann Lee said.").first)
        record.confidence = .nan
        record.metadata = [("n", .number("1,\"injected\":true"))]
        var jsonl = JSONLinesQuoteExporter()
        let line = jsonl.exportAll([record])
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        XCTAssertEqual(object["confidence"] as? Double, 0)
        XCTAssertEqual((object["metadata"] as? [String: Any])?["n"] as? String, "1,\"injected\":true")
        var json = JSONQuoteExporter()
        _ = json.exportAll([record])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.exportAll([record]).utf8)) as? [Any])
    }

    func testUnpairedSurrogateKeepsTheNextCharacter() throws {
        let doc = try Document.parseJSONLine(#"{"id": "c", "text": "x", "m": "\ud800\u0041B"}"#)
        XCTAssertEqual(doc.metadata.first?.value, .string("\u{FFFD}AB"))
        XCTAssertThrowsError(try Document.parseJSONLine(#"{"id": "a", "id": "b", "text": "x"}"#)) {
            XCTAssertEqual($0 as? DocumentError, .duplicateField("id"))
        }
    }
}
