import Foundation
import XCTest

/// Every input fault is reported with its file (and line), never stops the other documents, and
/// sets the exit status: 1 when something was skipped, 0 when it was only repaired (a warning).
final class InputFaultTests: XCTestCase {
    private var dir: URL!
    private let good = "\"We tried everything we could,\" Ann Lee said."

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func file(_ name: String, _ bytes: [UInt8]) -> String {
        let url = dir.appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)))
        return url.path
    }

    private func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// Runs extract on `inputs` plus a good document, and checks that the good one's record is there.
    private func extract(_ inputs: [String]) throws -> CLITests.Run {
        let control = file("zz-control.txt", good)
        let r = try CLITests.run(["extract", "--summary", "none"] + inputs + [control])
        let docs = r.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["doc"] as? String
        }
        XCTAssertTrue(docs.contains(control), "the other document's record is missing:\n\(r.stdout)\n\(r.stderr)")
        return r
    }

    private func records(_ r: CLITests.Run, doc: String) -> [[String: Any]] {
        r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["doc"] as? String == doc }
    }

    func testInvalidUTF8IsReplacedWithAWarningNamingTheByte() throws {
        let path = file("latin1.txt", Array("\"We tried everything,\" said Ann Lee. Caf".utf8) + [0xE9] + Array(" \"Next one,\" she said.".utf8))
        let r = try extract([path])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stderr, "\(path): warning: invalid UTF-8 at byte 40; such bytes are read as U+FFFD\n")
        // Offsets count the replacement character as one code point.
        XCTAssertEqual(records(r, doc: path).last?["start"] as? Int, 43)
        let jsonl = file("lines.jsonl", Array("{\"id\": \"x\", \"text\": \"\\\"Caf".utf8) + [0xC3] + Array(" is closed,\\\" said Bo Diaz.\"}\n".utf8))
        let j = try extract([jsonl])
        XCTAssertEqual(j.stderr, "\(jsonl):1: warning: invalid UTF-8 at byte 26 of the line; such bytes are read as U+FFFD\n")
        XCTAssertEqual(records(j, doc: "x").first?["text"] as? String, "Caf\u{FFFD} is closed,")
    }

    func testABinaryFileIsSkipped() throws {
        let path = file("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D] + Array(good.utf8))
        let r = try extract([path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(path): error: not a text file (it has NUL bytes); skipped\n")
        XCTAssertTrue(records(r, doc: path).isEmpty)
    }

    func testNULBytesInAJSONStringAreText() throws {
        let path = file("nul.jsonl", "{\"id\": \"n\", \"text\": \"\\u0000\(good.replacingOccurrences(of: "\"", with: "\\\""))\"}\n")
        let r = try extract([path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(records(r, doc: "n").first?["start"] as? Int, 2)
    }

    func testAByteOrderMarkIsACodePointOfTheText() throws {
        let path = file("bom.txt", [0xEF, 0xBB, 0xBF] + Array(good.utf8))
        let r = try extract([path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let record = try XCTUnwrap(records(r, doc: path).first)
        // The text as given starts with U+FEFF: the quote's offsets count it.
        XCTAssertEqual(record["start"] as? Int, 2)
        XCTAssertEqual(record["speaker"] as? String, "Ann Lee")
        // Before the first JSONL line it is not part of the JSON.
        let jsonl = file("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"b\", \"text\": \"\(good.replacingOccurrences(of: "\"", with: "\\\""))\"}\n".utf8))
        XCTAssertEqual(try extract([jsonl]).status, 0)
    }

    func testCRLFAndCRKeepCodePointOffsetsIntoTheTextAsGiven() throws {
        for (name, br) in [("crlf.txt", "\r\n"), ("cr.txt", "\r")] {
            let text = "Intro line.\(br)\(br)\"We tried everything\(br)we could,\" Ann Lee said.\(br)\(br)\"Then we stopped,\" she said."
            let path = file(name, text)
            let r = try extract([path])
            XCTAssertEqual(r.status, 0, r.stderr)
            let scalars = Array(text.unicodeScalars)
            let found = records(r, doc: path)
            XCTAssertEqual(found.count, 2, name)
            for record in found {
                let start = record["start"] as! Int, end = record["end"] as! Int
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), record["text"] as? String, name)
            }
        }
    }

    func testAnEmptyFileIsAWarning() throws {
        let path = file("empty.txt", [])
        let r = try extract([path])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stderr, "\(path): warning: the file is empty\n")
    }

    func testAMissingFileAndAFolderWithoutInputsAreErrors() throws {
        let missing = dir.appendingPathComponent("missing.txt").path
        let empty = dir.appendingPathComponent("nothing-here")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let r = try extract([missing, empty.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(missing): error: no such file or folder\n\(empty.path): error: the folder has no .txt or .jsonl files\n")
    }

    func testBadJSONLinesAreSkippedWithTheirLineNumbers() throws {
        let ok = "{\"id\": \"ok\", \"text\": \"\(good.replacingOccurrences(of: "\"", with: "\\\""))\"}"
        let path = file("docs.jsonl", [ok, "{not json", "[1, 2]", "{\"id\": 7, \"text\": \"x\"}", "{\"id\": \"t\", \"text\": null}",
                                        "{\"text\": \"x\"}", "{\"id\": \"d\", \"id\": \"e\", \"text\": \"x\"}"].joined(separator: "\n") + "\n")
        let r = try extract([path])
        XCTAssertEqual(r.status, 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 6, r.stderr)
        XCTAssertTrue(lines[0].hasPrefix("\(path):2: error: not valid JSON"), lines[0])
        XCTAssertEqual(Array(lines.dropFirst()), [
            "\(path):3: error: a line must be a JSON object with string fields \"id\" and \"text\"",
            "\(path):4: error: field \"id\" must be a string",
            "\(path):5: error: field \"text\" must be a string",
            "\(path):6: error: missing field \"id\"",
            "\(path):7: error: field \"id\" appears twice",
        ])
        XCTAssertEqual(records(r, doc: "ok").count, 1)
    }

    func testOnErrorFailStopsAtTheFirstBadInputAndLeavesNoOutputFile() throws {
        let line = { (id: String) in "{\"id\": \"\(id)\", \"text\": \"\\\"We tried everything we could,\\\" Ann Lee said.\"}" }
        let path = file("docs.jsonl", [line("a"), "{broken", line("c")].joined(separator: "\n") + "\n")
        let output = dir.appendingPathComponent("out.jsonl").path
        let r = try CLITests.run(["extract", "--on-error", "fail", "--output", output, path])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        XCTAssertTrue(r.stderr.hasPrefix("\(path):2: error: not valid JSON"), r.stderr)
        XCTAssertTrue(r.stderr.contains("quotekit: stopped at the first bad input (--on-error fail)\n"), r.stderr)
        // Line 3 was never read.
        XCTAssertTrue(r.stderr.hasSuffix("quotekit: 1 document read, 1 extracted, 1 skipped (see above); 1 quote written\n"), r.stderr)
        // The default goes on.
        let skip = try CLITests.run(["extract", "--output", output, path])
        XCTAssertEqual(skip.status, 1)
        XCTAssertEqual(try String(contentsOf: URL(fileURLWithPath: output), encoding: .utf8).split(separator: "\n").count, 2)
    }

    func testOnErrorIgnoreReportsTheBadInputAndExitsZero() throws {
        let line = { (id: String) in "{\"id\": \"\(id)\", \"text\": \"\\\"We tried everything we could,\\\" Ann Lee said.\", \"url\": \"u/\(id)\"}" }
        let input = [line("a"), "{broken", line("c")].joined(separator: "\n") + "\n"
        let r = try CLITests.run(["extract", "--input-format", "jsonl", "--on-error", "ignore", "-"], stdin: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.hasPrefix("<stdin>:2: error: not valid JSON"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("quotekit: 2 documents read, 2 extracted, 1 skipped (see above); 2 quotes written\n"), r.stderr)
        // Standard output holds the records and nothing else, each with its document's other fields.
        let objects = try r.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        XCTAssertEqual(objects.map { $0?["doc"] as? String }, ["a", "c"])
        XCTAssertEqual(objects.map { ($0?["metadata"] as? [String: Any])?["url"] as? String }, ["u/a", "u/c"])
    }

    func testADuplicateDocumentIdIsSkipped() throws {
        let line = { (id: String, who: String) in "{\"id\": \"\(id)\", \"text\": \"\\\"We tried everything we could,\\\" \(who) said.\"}" }
        let path = file("dups.jsonl", [line("a", "Ann Lee"), line("a", "Bo Diaz"), line("b", "Cy Young")].joined(separator: "\n") + "\n")
        let r = try extract([path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "\(path):2: error: duplicate document id \"a\" (read before); skipped\n")
        XCTAssertEqual(records(r, doc: "a").map { $0["speaker"] as? String }, ["Ann Lee"])
        XCTAssertEqual(records(r, doc: "b").count, 1)
    }
}
