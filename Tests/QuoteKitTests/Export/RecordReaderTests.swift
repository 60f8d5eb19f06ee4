import Foundation
import QuoteKit
import XCTest

final class RecordReaderTests: XCTestCase {
    /// Every sample's records, written as JSONL and read back, are the same records.
    func testJSONLRecordsReadBackUnchanged() throws {
        let extractor = try QuoteExtractor()
        var n = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: PackagePaths.samples.appendingPathComponent(name), encoding: .utf8)
            let records = try extractor.extract(text: text, documentID: name, metadata: [("url", .string("https://e.org/\(name)")), ("n", .number("1.5e3"))])
            var exporter = JSONLinesQuoteExporter()
            let lines = exporter.exportAll(records).split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.count, records.count)
            for (line, record) in zip(lines, records) {
                XCTAssertEqual(try QuoteRecord(jsonLine: line), record)
                n += 1
            }
        }
        XCTAssertGreaterThan(n, 50)
    }

    func testBadRecordsSayWhatIsWrong() {
        XCTAssertThrowsError(try QuoteRecord(jsonLine: "{\"doc\":\"d\",\"id\":\"q\",\"start\":1,\"end\":2}")) {
            XCTAssertEqual(($0 as? RecordError)?.message, "missing field \"text\"")
        }
        XCTAssertThrowsError(try QuoteRecord(jsonLine: "{\"doc\":\"d\",\"id\":\"q\",\"start\":\"1\",\"end\":2,\"text\":\"x\"}")) {
            XCTAssertEqual(($0 as? RecordError)?.message, "field \"start\" must be an integer")
        }
        XCTAssertThrowsError(try QuoteRecord(jsonLine: "[1]"))
    }
}
