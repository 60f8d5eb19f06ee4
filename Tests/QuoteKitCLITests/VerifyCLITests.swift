import Foundation
import XCTest

final class VerifyCLITests: XCTestCase {
    private func run(_ arguments: [String], stdin: String? = nil) throws -> CLITests.Run {
        try CLITests.run(arguments, stdin: stdin)
    }

    private func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testOneClaimAsText() throws {
        let r = try run(["verify", "Samples/news_report.txt", "--claim", "I support a new bridge", "--speaker", "Denise Okafor"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("verdict: exact, speaker-mismatch"), r.stdout)
        XCTAssertTrue(r.stdout.contains("speaker: Raymond Hale (cue: told)"), r.stdout)
    }

    func testABatchFromCSVWithABadRowAnswersTheOthersAndExitsOne() throws {
        let claims = try temporaryFile("claims.csv", #"""
        id,text,speaker
        a,"We have done the math",Okafor
        b,"I support handing the bill to families who are already struggling, ""really""",Hale
        c,only two fields
        d,"The moon is made of cheese, the mayor said nothing else",

        """#)
        let r = try run(["verify", "Samples/", "--claims", claims.path, "--format", "jsonl"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(claims.path):4: error: expected 3 fields as in the header, found 2"), r.stderr)
        let answers = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(answers.count, 3)
        XCTAssertEqual(answers.map { ($0["claim"] as! [String: Any])["id"] as? String }, ["a", "b", "d"])
        XCTAssertEqual(answers.map { $0["verdict"] as? String }, ["exact", "altered", "not-found"])
        let candidate = try XCTUnwrap((answers[1]["candidates"] as? [[String: Any]])?.first)
        let diff = try XCTUnwrap(candidate["diff"] as? [[String: Any]])
        XCTAssertEqual(diff.map { $0["op"] as? String }, ["removed", "added"])
        XCTAssertEqual(diff.first?["source"] as? String, "do not")
        XCTAssertEqual((candidate["record"] as? [String: Any])?["speaker"] as? String, "Raymond Hale")
    }

    func testABatchFromJSONLAsAJSONArray() throws {
        let claims = try temporaryFile("claims.jsonl", """
        {"id": 1, "text": "Tonight we finally kept our promise", "speaker": "Denise Okafor"}
        {"text": 5}
        {"text": "support handing the bill to families who are already struggling"}

        """)
        let r = try run(["verify", "Samples/news_report.txt", "--claims", claims.path, "--format", "json"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\(claims.path):2: error: field \"text\" must be a string"), r.stderr)
        let answers = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(answers.count, 2)
        XCTAssertEqual(answers[0]["verdict"] as? String, "exact")
        XCTAssertEqual(answers[1]["flags"] as? [String], ["out-of-context", "fragment"])
    }

    func testUsageErrors() throws {
        XCTAssertEqual(try run(["verify", "Samples/"]).status, 64)
        XCTAssertEqual(try run(["verify", "Samples/", "--claim", "x", "--claims", "y.csv"]).status, 64)
        XCTAssertEqual(try run(["verify", "Samples/", "--claims", "claims.txt"]).status, 64)
        let missing = try run(["verify", "Samples/", "--claims", "/nonexistent/claims.csv"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/claims.csv: error: cannot read the claims file"), missing.stderr)
    }
}

/// The README's fact-checking example is what the tool prints.
final class ReadmeVerifyExampleTests: XCTestCase {
    private func block(after marker: String, in text: String) throws -> String {
        let start = try XCTUnwrap(text.range(of: marker), "README lacks \(marker)")
        let open = try XCTUnwrap(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        let close = try XCTUnwrap(text.range(of: "\n```", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound]) + "\n"
    }

    func testTheReadmeExamplesAreTheToolsOutput() throws {
        let readme = try String(contentsOf: CLITests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let claims = try block(after: "this `claims.csv`:", in: readme)
        let expected = try block(after: "`quotekit verify Samples/ --claims claims.csv` prints:", in: readme)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("claims.csv")
        try claims.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLITests.run(["verify", "Samples/", "--claims", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, expected)
        let single = try block(after: "--speaker Hale\n```\n", in: readme)
        let one = try CLITests.run(["verify", "Samples/", "--claim", "support handing the bill to families who are already struggling", "--speaker", "Hale"])
        XCTAssertEqual(one.stdout, single)
    }
}
