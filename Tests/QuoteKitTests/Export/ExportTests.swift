import Foundation
import QuoteKit
import SwiftCSV
import XCTest

final class ExportTests: XCTestCase {
    private func sampleRecords() throws -> [QuoteRecord] {
        let text = "“Commas, \"quotes\" and\nline breaks,” said Ann Lee. “Emoji 😀 too.”\n\n\"Tabs\there =1+1,\" Bo Diaz wrote."
        let records = try QuoteExtractor().extract(text: text, documentID: "doc,1", metadata: [("url", .string("https://example.org/a?b=1,2")), ("n", .number("3"))])
        XCTAssertEqual(records.count, 3)
        return records
    }

    /// The CSV export reads back with an independent RFC 4180 parser into the JSONL fields.
    func testCSVReadsBackIntoTheSameFieldsAsJSONL() throws {
        let records = try sampleRecords()
        var csvExporter = CSVQuoteExporter()
        let csv = csvExporter.exportAll(records)
        var jsonlExporter = JSONLinesQuoteExporter()
        let jsonl = jsonlExporter.exportAll(records)
        let parsed = try CSV<Named>(string: csv)
        XCTAssertEqual(parsed.header, CSVQuoteExporter.columns)
        let objects = try jsonl.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(parsed.rows.count, objects.count)
        for (row, object) in zip(parsed.rows, objects) {
            for key in ["doc", "id", "text", "kind", "speaker", "rule"] {
                XCTAssertEqual(row[key], (object[key] as? String) ?? "", key)
            }
            for key in ["start", "end"] { XCTAssertEqual(row[key], "\(object[key] as! Int)") }
            XCTAssertEqual(Double(row["confidence"]!), object["confidence"] as? Double)
            for span in ["speaker_mention", "cue"] {
                let value = object[span] as? [String: Any]
                XCTAssertEqual(row["\(span)_text"], (value?["text"] as? String) ?? "")
                XCTAssertEqual(row["\(span)_start"], value.map { "\($0["start"] as! Int)" } ?? "")
                XCTAssertEqual(row["\(span)_end"], value.map { "\($0["end"] as! Int)" } ?? "")
            }
            let metadata = try JSONSerialization.jsonObject(with: Data(row["metadata"]!.utf8)) as! [String: Any]
            XCTAssertEqual(metadata["url"] as? String, "https://example.org/a?b=1,2")
        }
    }

    func testCSVCellsThatASpreadsheetWouldRunAreText() throws {
        // A document quoting a formula, from a source whose id a spreadsheet would also run.
        let text = "Ann Lee said the message was ‘=HYPERLINK(\"x\")’ and nothing else.\n\n“@SUM(A1:A9) is not a quote either,” wrote Bo Diaz."
        let records = try QuoteExtractor().extract(text: text, documentID: "+1 feed")
        XCTAssertEqual(records.map(\.text), ["=HYPERLINK(\"x\")", "@SUM(A1:A9) is not a quote either,"])
        var exporter = CSVQuoteExporter()
        let rows = try CSV<Named>(string: exporter.exportAll(records)).rows
        XCTAssertEqual(rows.map { $0["text"] }, ["'=HYPERLINK(\"x\")", "'@SUM(A1:A9) is not a quote either,"])
        XCTAssertEqual(rows.first?["doc"], "'+1 feed")
        // Offsets still point at the formula as written, and the option turns neutralizing off.
        XCTAssertEqual(rows.first?["start"], String(records[0].start))
        var raw = CSVQuoteExporter(neutralizesFormulas: false)
        XCTAssertEqual(try CSV<Named>(string: raw.exportAll(records)).rows.first?["text"], "=HYPERLINK(\"x\")")
        // A lone "-" (standard input's id) runs nothing and is left alone.
        XCTAssertEqual(CSVQuoteExporter.neutralized("-"), "-")
    }

    func testJSONIsAValidArrayOfTheSameRecords() throws {
        let records = try sampleRecords()
        var json = JSONQuoteExporter()
        var jsonl = JSONLinesQuoteExporter()
        let array = try JSONSerialization.jsonObject(with: Data(json.exportAll(records).utf8)) as! [[String: Any]]
        let lines = jsonl.exportAll(records).split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(array.count, lines.count)
        for (a, b) in zip(array, lines) { XCTAssertEqual(NSDictionary(dictionary: a), NSDictionary(dictionary: b)) }
        var empty = JSONQuoteExporter()
        XCTAssertEqual(empty.exportAll([]), "[]\n")
    }

    func testJSONLKeysAndEscapes() throws {
        let records = try sampleRecords()
        var jsonl = JSONLinesQuoteExporter()
        let lines = jsonl.exportAll(records).split(separator: "\n")
        guard lines.count == 3 else { return XCTFail("expected 3 lines, got \(lines.count)") }
        XCTAssertTrue(lines[0].hasPrefix("{\"doc\":\"doc,1\",\"id\":\"q"))
        XCTAssertTrue(lines[0].contains("\\n"))
        XCTAssertTrue(lines[2].contains("Tabs\\there"))
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(Set(first.keys), ["doc", "id", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "rule", "confidence", "context", "cluster", "metadata"])
        XCTAssertEqual(first["text"] as? String, "Commas, \"quotes\" and\nline breaks,")
    }

    /// Each record carries its own document's metadata, also when records of documents with
    /// different metadata are exported together (the writer reuses the last metadata it wrote).
    func testEachRecordCarriesItsOwnMetadata() throws {
        let extractor = try QuoteExtractor()
        let text = "“Yes,” Ann Lee said. “No,” Bo Diaz said."
        let a = try extractor.extract(text: text, documentID: "a", metadata: [("url", .string("https://a.example")), ("n", .number("1"))])
        let b = try extractor.extract(text: text, documentID: "b", metadata: [("url", .string("https://b.example")), ("n", .number("1"))])
        let c = try extractor.extract(text: text, documentID: "c", metadata: [("url", .string("https://b.example"))])
        let records = a + b + c + a
        XCTAssertEqual(records.count, 8)
        var jsonl = JSONLinesQuoteExporter()
        var json = JSONQuoteExporter()
        let lines = jsonl.exportAll(records).split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let array = try JSONSerialization.jsonObject(with: Data(json.exportAll(records).utf8)) as! [[String: Any]]
        var csv = CSVQuoteExporter()
        let rows = try CSV<Named>(string: csv.exportAll(records)).rows
        for (k, record) in records.enumerated() {
            // The metadata of the record's own document: its url, and n where the document has it.
            let url = record.doc == "a" ? "https://a.example" : "https://b.example"
            let expected = NSDictionary(dictionary: record.doc == "c" ? ["url": url] : ["url": url, "n": 1])
            let cell = try JSONSerialization.jsonObject(with: Data(rows[k]["metadata"]!.utf8))
            for (written, place) in [(lines[k]["metadata"], "JSONL"), (array[k]["metadata"], "JSON"), (cell, "CSV")] {
                XCTAssertEqual((written as? [String: Any]).map(NSDictionary.init(dictionary:)), expected, "\(place) record \(k) of \(record.doc)")
            }
        }
    }

    /// Offsets are written as JSON integers equal to the records': 0, one digit, many digits.
    func testJSONLOffsetsReadBackAsTheRecordsOffsets() throws {
        let padding = String(repeating: "The weather was mild. ", count: 5_000)
        let text = "“Yes,” Ann Lee said.\n\n" + padding + "\n\n“No,” Bo Diaz said."
        let records = try QuoteExtractor().extract(text: text, documentID: "d")
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records.first?.start, 1)
        var jsonl = JSONLinesQuoteExporter()
        let lines = jsonl.exportAll(records).split(separator: "\n")
        XCTAssertEqual(lines.count, records.count)
        for (line, record) in zip(lines, records) {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            XCTAssertEqual(object["start"] as? Int, record.start)
            XCTAssertEqual(object["end"] as? Int, record.end)
            let mention = object["speaker_mention"] as? [String: Any]
            XCTAssertEqual(mention?["start"] as? Int, record.speakerMention?.start)
            XCTAssertEqual(mention?["end"] as? Int, record.speakerMention?.end)
            let context = object["context"] as? [String: Any]
            XCTAssertEqual(context?["start"] as? Int, record.context?.start)
        }
        XCTAssertEqual(records.first?.context?.start, 0)
        XCTAssertGreaterThan(records.last?.start ?? 0, 100_000)
    }

    func testEveryControlCharacterAndInvisibleLineBreakIsEscaped() throws {
        // Every C0 control, DEL, the JavaScript line ends and a byte-order mark: in the document
        // id, and in the quote (but for line breaks, which end its paragraph), with the mark at
        // the quote's start, where Foundation's JSON reader would drop a raw one.
        let all = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}\u{2028}\u{2029}\u{FEFF}"
        let inLine = all.unicodeScalars.filter { !(0x0A...0x0D).contains($0.value) && $0.value != 0x2028 && $0.value != 0x2029 }
        let text = "Ann Lee said, “\u{FEFF}Yes" + String(String.UnicodeScalarView(inLine)) + " and no.”"
        let records = try QuoteExtractor().extract(text: text, documentID: all)
        XCTAssertEqual(records.count, 1)
        var jsonl = JSONLinesQuoteExporter()
        let line = jsonl.exportAll(records)
        XCTAssertFalse(line.dropLast().unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF },
                       "raw control or invisible character in \(line.debugDescription)")
        XCTAssertTrue(line.contains("\\ufeffYes\\u0000\\u0001"), line)
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        XCTAssertEqual(object["text"] as? String, records.first?.text)
        XCTAssertEqual(object["doc"] as? String, all)
    }
}
