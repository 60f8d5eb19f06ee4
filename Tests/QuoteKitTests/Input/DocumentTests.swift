import QuoteKit
import XCTest

/// JSONL document lines: strict JSON, string id and text, other fields kept in order as written.
final class DocumentTests: XCTestCase {
    func testFieldsEscapesAndMetadataOrder() throws {
        let line = #"{"url": "https://x.test/a?b=1", "id": "d1", "n": 1.50e2, "text": "Tab\there \"q\" \u00e9 \ud83d\ude00", "tags": ["a", null, true], "meta": {"z": 1, "a": 2}}"#
        let doc = try Document.parseJSONLine(line)
        XCTAssertEqual(doc.id, "d1")
        XCTAssertEqual(doc.text, "Tab\there \"q\" é 😀")
        XCTAssertEqual(doc.metadata.map(\.key), ["url", "n", "tags", "meta"])
        XCTAssertEqual(doc.metadata[1].value, .number("1.50e2"))
        XCTAssertEqual(doc.metadata[2].value, .array([.string("a"), .null, .bool(true)]))
        XCTAssertEqual(doc.metadata[3].value, .object([("z", .number("1")), ("a", .number("2"))]))
    }

    func testBadLinesSayWhatIsWrong() {
        let cases: [(String, DocumentError)] = [
            ("{not json}", .invalidJSON("expected a string key at column 2")),
            ("[1, 2]", .notAnObject),
            (#"{"id": "a"}"#, .missingField("text")),
            (#"{"text": "a"}"#, .missingField("id")),
            (#"{"id": 3, "text": "a"}"#, .fieldNotString("id")),
            (#"{"id": "a", "text": ["a"]}"#, .fieldNotString("text")),
            (#"{"id": "a", "text": "a"} trailing"#, .invalidJSON("unexpected text after the value at column 26")),
            (#"{"id": "a", "text": "a\q"}"#, .invalidJSON("invalid escape at column 25")),
        ]
        for (line, expected) in cases {
            XCTAssertThrowsError(try Document.parseJSONLine(line), line) { error in
                XCTAssertEqual(error as? DocumentError, expected, line)
            }
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let line = #"{"id": "a", "text": "b", "x": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        XCTAssertThrowsError(try Document.parseJSONLine(line))
    }
}
