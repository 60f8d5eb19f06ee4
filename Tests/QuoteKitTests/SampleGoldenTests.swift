import Foundation
import QuoteKit
import XCTest

/// `Samples/NAME.txt` must produce exactly `Samples/expected/NAME.jsonl` (reviewed by hand;
/// regenerate with `quotekit extract Samples/NAME.txt -o Samples/expected/NAME.jsonl` run from
/// the package root, then review the diff). Samples in another language are in
/// `Samples/LANG/` with their output in `Samples/LANG/expected/` (`quotekit extract --lang LANG`).
final class SampleGoldenTests: XCTestCase {
    func testSamplesInOtherLanguagesMatchTheirExpectedOutput() throws {
        var checked = 0
        for language in ["de", "es", "fr"] {
            let dir = PackagePaths.samples.appendingPathComponent(language)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
            XCTAssertFalse(names.isEmpty, "no sample in \(language)")
            let extractor = try QuoteExtractor(language: language)
            for name in names {
                let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
                let expected = try String(contentsOf: dir.appendingPathComponent("expected/" + name.dropLast(4) + ".jsonl"), encoding: .utf8)
                var exporter = JSONLinesQuoteExporter()
                let actual = exporter.exportAll(try extractor.extract(text: text, documentID: "Samples/\(language)/\(name)"))
                XCTAssertEqual(actual, expected, "Samples/\(language)/\(name)")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 3)
    }

    func testSamplesMatchTheirExpectedOutput() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 5)
        for name in names {
            let base = String(name.dropLast(4))
            let text = try String(contentsOf: PackagePaths.samples.appendingPathComponent(name), encoding: .utf8)
            let expectedURL = PackagePaths.samples.appendingPathComponent("expected/" + base + ".jsonl")
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            var exporter = JSONLinesQuoteExporter()
            let actual = exporter.exportAll(try QuoteExtractor().extract(text: text, documentID: "Samples/" + name))
            let e = expected.split(separator: "\n"), a = actual.split(separator: "\n")
            XCTAssertEqual(a.count, e.count, "\(name): number of records")
            for (x, y) in zip(e, a) where x != y {
                XCTFail("\(name):\n  expected \(x)\n  actual   \(y)")
            }
        }
    }

    /// Every record's text is the document's code points start..<end.
    func testRecordTextEqualsTheSlice() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.samples.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: PackagePaths.samples.appendingPathComponent(name), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            for r in try QuoteExtractor().extract(text: text, documentID: name) {
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[r.start..<r.end])), r.text)
                for span in [r.speakerMention, r.cue, r.context].compactMap({ $0 }) {
                    XCTAssertEqual(String(String.UnicodeScalarView(scalars[span.start..<span.end])), span.text)
                }
            }
        }
    }
}
