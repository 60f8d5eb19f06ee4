import Foundation
import XCTest

final class SpeakersCLITests: XCTestCase {
    private let corpus = [
        #"{"id": "a", "date": "2016-10-09", "text": "\"We will win,\" Ann Lee said. \"Believe it.\" Bo Diaz said: \"No.\""}"#,
        #"{"id": "b", "date": "2016-11-02T08:00Z", "text": "\"It is over,\" Ann Lee told reporters."}"#,
        #"{"id": "c", "date": "last week", "text": "\"It is not over,\" Bo Diaz said. \"Far from it.\""}"#,
    ].joined(separator: "\n") + "\n"

    func testSpeakersCountsQuotesDocumentsAndDates() throws {
        let r = try CLITests.run(["speakers", "--input-format", "jsonl", "--format", "csv", "-"], stdin: corpus)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "speaker,quotes,documents,first_date,last_date\r\n"
                       + "Ann Lee,3,2,2016-10-09,2016-11-02T08:00Z\r\n"
                       + "Bo Diaz,3,2,2016-10-09,2016-10-09\r\n")
        let top = try CLITests.run(["speakers", "--input-format", "jsonl", "--format", "jsonl", "--min-quotes", "3", "-"], stdin: corpus)
        let rows = top.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(rows.map { $0["speaker"] as? String }, ["Ann Lee", "Bo Diaz"])
        XCTAssertEqual(rows.first?["documents"] as? Int, 2)
    }

    /// Records written by extract read back into the same table; a bad line is reported with its number.
    func testSpeakersFromRecords() throws {
        let extracted = try CLITests.run(["extract", "--input-format", "jsonl", "--summary", "none", "-"], stdin: corpus)
        XCTAssertEqual(extracted.status, 0, extracted.stderr)
        let fromRecords = try CLITests.run(["speakers", "--records", "--format", "csv", "-"], stdin: extracted.stdout)
        let fromDocuments = try CLITests.run(["speakers", "--input-format", "jsonl", "--format", "csv", "-"], stdin: corpus)
        XCTAssertEqual(fromRecords.stdout, fromDocuments.stdout)
        let bad = try CLITests.run(["speakers", "--records", "-"], stdin: extracted.stdout + "{\"doc\": 1}\n")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("<stdin>:7: error: field \"doc\" must be a string"), bad.stderr)
        XCTAssertTrue(bad.stdout.hasPrefix("speaker "), bad.stdout)
    }
}

final class ReviewFormatCLITests: XCTestCase {
    func testBratNeedsAFolderAndWritesOne() throws {
        XCTAssertEqual(try CLITests.run(["extract", "--format", "brat", "Samples/news_report.txt"]).status, 64)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-brat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLITests.run(["extract", "--format", "brat", "-o", dir.path, "Samples/news_report.txt", "Samples/press_release.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(files, ["Samples_news_report.ann", "Samples_news_report.txt", "Samples_press_release.ann", "Samples_press_release.txt",
                               "annotation.conf", "documents.tsv", "visual.conf"])
        let text = try String(contentsOf: dir.appendingPathComponent("Samples_news_report.txt"), encoding: .utf8)
        XCTAssertEqual(text, try String(contentsOf: CLITests.root.appendingPathComponent("Samples/news_report.txt"), encoding: .utf8))
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("documents.tsv"), encoding: .utf8),
                       "name\tid\nSamples_news_report\tSamples/news_report.txt\nSamples_press_release\tSamples/press_release.txt\n")
    }

    func testHTMLPage() throws {
        let r = try CLITests.run(["extract", "--format", "html", "Samples/news_report.txt"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(r.stdout.components(separatedBy: "<sup class=\"who").count - 1, 7)
    }
}

final class DocumentLanguageCLITests: XCTestCase {
    /// A document's `lang` field picks its rules; a language without rules skips that document.
    func testEachDocumentIsExtractedWithItsLanguagesRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("xx"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "kind: cue_verbs\ndescription: t\nverbs:\n  dire: [dit]\n".write(to: dir.appendingPathComponent("xx/cue_verbs.yaml"), atomically: true, encoding: .utf8)
        try "kind: frame\ndescription: t\npattern: QUOTE ,? CUE SPEAKER\nconfidence: 0.9\n".write(to: dir.appendingPathComponent("xx/frame.yaml"), atomically: true, encoding: .utf8)
        let input = [#"{"id":"a","text":"\"We will win,\" said Ann Lee."}"#,
                     #"{"id":"b","lang":"xx","text":"“Nous gagnerons”, dit Anne Roy."}"#,
                     #"{"id":"c","lang":"zz","text":"\"Hi there all,\" said Bo."}"#].joined(separator: "\n") + "\n"
        let r = try CLITests.run(["extract", "--input-format", "jsonl", "--rules", dir.path, "--jobs", "2", "-"], stdin: input)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("c: error: no rules for language 'zz'"), r.stderr)
        let records = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(records.map { $0["speaker"] as? String }, ["Ann Lee", "Anne Roy"])
        XCTAssertEqual(records.map { $0["rule"] as? String }, ["en.frames.quote_cue_speaker", "xx.frame"])
    }
}
