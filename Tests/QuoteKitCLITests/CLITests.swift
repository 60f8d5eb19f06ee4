import Foundation
import XCTest

/// Runs the built `quotekit` binary as a user would.
final class CLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The quotekit binary next to the test bundle.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("quotekit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/quotekit")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Run {
        try Self.run(arguments, stdin: stdin, in: directory)
    }

    /// Runs the binary with `arguments`, feeding `stdin`, and collects its output.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? Self.root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Standard input is written, and standard error read, on threads of their own: a run whose
        // output fills a pipe before it has read all its input must not wait on this one.
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
            try? input.fileHandleForWriting.close()
        }
        nonisolated(unsafe) var e = Data()
        DispatchQueue.global().async(group: group) { e = err.fileHandleForReading.readDataToEndOfFile() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func testHelpListsTheContract() throws {
        let r = try run(["extract", "--help"])
        XCTAssertEqual(r.status, 0)
        // Compare with the help's line wrapping undone.
        let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for option in ["--format <format>", "--output <output>", "--rules <dir>", "--input-format <input-format>",
                       "values: jsonl, json, csv, html, brat; default: jsonl", "values: text, jsonl; default: text", "(default: en)",
                       "--context <context>", "values: sentence, paragraph, none; default: sentence"] {
            XCTAssertTrue(help.contains(option), "help lacks \(option):\n\(r.stdout)")
        }
        let top = try run(["--help"])
        XCTAssertTrue(top.stdout.contains("extract"))
        for command in ["extract", "verify", "speakers", "eval", "bench", "rules"] {
            XCTAssertTrue(top.stdout.contains("  \(command) "), "top-level help lacks \(command):\n\(top.stdout)")
        }
    }

    func testExtractIsTheDefaultAndWorksFromAnyDirectory() throws {
        let sample = Self.root.appendingPathComponent("Samples/news_report.txt").path
        let r = try run([sample], in: URL(fileURLWithPath: NSTemporaryDirectory()))
        XCTAssertEqual(r.status, 0, r.stderr)
        let first = try XCTUnwrap(r.stdout.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as! [String: Any]
        XCTAssertEqual(object["doc"] as? String, sample)
    }

    func testStandardInputAsTextAndAsJSONL() throws {
        let text = "\"We tried everything we could,\" Ann Lee said."
        let plain = try run(["extract", "--format", "csv"], stdin: text)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.hasPrefix("doc,id,start,end,text,kind,speaker,"))
        XCTAssertTrue(plain.stdout.contains("-,q"))
        let line = "{\"id\":\"a1\",\"text\":\"\\\"We tried everything we could,\\\" Ann Lee said.\",\"url\":\"https://x.test/1\"}\n"
        let jsonl = try run(["extract", "--input-format", "jsonl", "-"], stdin: line)
        XCTAssertEqual(jsonl.status, 0, jsonl.stderr)
        XCTAssertTrue(jsonl.stdout.contains("\"doc\":\"a1\""))
        XCTAssertTrue(jsonl.stdout.contains("\"metadata\":{\"url\":\"https://x.test/1\"}"))
    }

    func testABadLineIsReportedAndTheOthersStillRun() throws {
        let lines = "{\"id\":\"a\",\"text\":\"\\\"We tried everything we could,\\\" Ann Lee said.\"}\n{not json}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"\\\"We tried everything we could,\\\" Bo Diaz said.\"}\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("docs.jsonl")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["extract", file.path, "missing.txt"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("docs.jsonl:2: error: not valid JSON"), r.stderr)
        XCTAssertTrue(r.stderr.contains("docs.jsonl:3: error: missing field \"text\""), r.stderr)
        XCTAssertTrue(r.stderr.contains("missing.txt: error: no such file or folder"), r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").count, 2)
    }

    func testOutputFileAndUsageErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json").path
        let r = try run(["extract", "Samples/news_report.txt", "--format", "json", "--output", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: out))
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])

        let bad = try run(["extract", "--format", "xml"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("xml"), bad.stderr)
        let lang = try run(["extract", "--lang", "xx", "Samples/news_report.txt"])
        XCTAssertEqual(lang.status, 64)
        XCTAssertTrue(lang.stderr.contains("no rules for language 'xx'"), lang.stderr)
    }

    func testRulesValidateReportsEveryBrokenFixtureExactly() throws {
        let ok = try run(["rules", "validate"])
        XCTAssertEqual(ok.status, 0, ok.stdout + ok.stderr)
        XCTAssertTrue(ok.stdout.hasSuffix(": 0 errors\n"), ok.stdout)
        let root = Self.root.appendingPathComponent("Tests/QuoteKitTests/Fixtures/BrokenRules")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 11)
        for name in cases {
            let r = try run(["rules", "validate", name], in: root)
            let expected = try String(contentsOf: root.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
            XCTAssertEqual(r.stdout + "exit status: \(r.status)\n", expected, name)
            XCTAssertEqual(r.stderr, "", name)
        }
    }

    func testAMissingRulesFolderIsAnErrorEverywhere() throws {
        for command in [["rules", "validate"], ["rules", "test"], ["rules", "list"]] {
            let r = try run(command + ["no-such-rules"])
            XCTAssertEqual(r.status, 1, command.joined(separator: " "))
            XCTAssertEqual(r.stderr, "quotekit: error: no-such-rules: no such rules folder\n")
        }
        let extract = try run(["extract", "--rules", "no-such-rules", "Samples/news_report.txt"])
        XCTAssertEqual(extract.status, 1)
        XCTAssertEqual(extract.stderr, "quotekit: error: no-such-rules: no such rules folder\n")
    }

    func testRulesValidateAsJSON() throws {
        let root = Self.root.appendingPathComponent("Tests/QuoteKitTests/Fixtures/BrokenRules")
        let r = try run(["rules", "validate", "--format", "json", "unknown_key"], in: root)
        XCTAssertEqual(r.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 2)
        let problems = try XCTUnwrap(object["problems"] as? [[String: Any]])
        XCTAssertEqual(problems.last?["code"] as? String, "R002 unknown-key")
        XCTAssertEqual(problems.last?["line"] as? Int, 4)
        XCTAssertEqual(problems.last?["key_path"] as? String, "confidance")
        XCTAssertEqual(problems.last?["path"] as? String, "unknown_key/en/unknown_key.yaml")
    }

    func testRulesTestShowsExpectedBesideActual() throws {
        let root = Self.root.appendingPathComponent("Tests/QuoteKitTests/Fixtures/BrokenRules")
        let r = try run(["rules", "test", "failing_example"], in: root)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, """
            failing_example/en/failing_example.yaml:6:11: error: [R007 example-failed] en.failing_example: for 'Nonsense and more nonsense,': speaker: expected 'Bo Diaz', got 'Ann Lee'
                expected: 'Nonsense and more nonsense,' (speaker Bo Diaz, cue harrumphed)
                actual:   'Nonsense and more nonsense,' (speaker Ann Lee, mention Ann Lee, cue harrumphed, kind direct)
            failing_example/en/failing_example.yaml:10:11: error: [R007 example-failed] en.failing_example: expected no quote, got 'Nonsense and more nonsense,' (Ann Lee)
                expected: no quote
                actual:   'Nonsense and more nonsense,' (speaker Ann Lee, mention Ann Lee, cue harrumphed, kind direct)
            2 examples: 0 passed, 2 failed

            """)
        let builtIn = try run(["rules", "test", "Rules"])
        XCTAssertEqual(builtIn.status, 0, builtIn.stdout)
        XCTAssertTrue(builtIn.stdout.hasSuffix(" failed\n") && builtIn.stdout.contains("passed, 0 failed"), builtIn.stdout)
    }

    func testRulesListFormats() throws {
        let text = try run(["rules", "list"])
        XCTAssertEqual(text.status, 0)
        XCTAssertTrue(text.stdout.contains("en.frames.quote_cue_speaker"), text.stdout)
        let json = try run(["rules", "list", "--format", "json"])
        let items = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, text.stdout.split(separator: "\n").count)
        XCTAssertTrue(items.contains { $0["id"] as? String == "en.cue_verbs" && $0["kind"] as? String == "cue_verbs" })
        let markdown = try run(["rules", "list", "--format", "markdown"])
        let readme = try String(contentsOf: Self.root.appendingPathComponent("Rules/README.md"), encoding: .utf8)
        XCTAssertEqual(markdown.stdout, readme, "Rules/README.md is stale: regenerate it with quotekit rules list --format markdown > Rules/README.md")
    }

    func testEvalScoresAGoldFileAndReportsEachRule() throws {
        let gold = Self.root.appendingPathComponent("Tests/QuoteKitTests/Fixtures/Eval/gold.jsonl")
        let r = try run(["eval", gold.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        for line in ["[news] documents 1, gold quotes 2, predicted 3",
                     "detection (lenient)       0.667  1.000  0.800   (2/3/2)",
                     "attribution end-to-end    0.333  0.500  0.400   (1/3/2)",
                     "speaker accuracy on lenient matches: 0.500 (1/2)",
                     "predictions matching annotated non-quotes: 1",
                     "attribution end-to-end    1.000  1.000  1.000   (3/3/3)",
                     "en.frames.quote_speaker_cue       4           4      2      0.500"] {
            XCTAssertTrue(r.stdout.contains(line), "missing \(line):\n\(r.stdout)")
        }
        // A bad line is reported with its number; the other documents are still scored.
        let lines = try String(contentsOf: gold, encoding: .utf8).split(separator: "\n")
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: broken) }
        try ([String(lines[0]), "{\"id\": \"x\", \"text\": 3}", String(lines[1])].joined(separator: "\n") + "\n")
            .write(to: broken, atomically: true, encoding: .utf8)
        let bad = try run(["eval", "--format", "json", broken.path])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("\(broken.path):2: error: field \"text\" must be a string"), bad.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
        let corpora = try XCTUnwrap(object["corpora"] as? [String: Any])
        XCTAssertEqual(Set(corpora.keys), ["news", "fiction"])
    }

    func testAUserRulesFolderWithANewCueVerbChangesExtraction() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("en"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "kind: cue_verbs\ndescription: Newsroom verbs.\nverbs:\n  kvetch: [kvetches, kvetched, kvetching]\nexamples:\n  - text: 'Ann Lee kvetched, \"The buses are always late.\"'\n    quotes:\n      - {quote: 'The buses are always late.', speaker: Ann Lee, cue: kvetched}\n"
            .write(to: dir.appendingPathComponent("en/newsroom.yaml"), atomically: true, encoding: .utf8)
        let text = "The council met on Tuesday.\n\nAnn Lee kvetched, \"The buses are always late.\""
        let before = try run(["extract", "--format", "csv", "-"], stdin: text)
        // The quote is found without a speaker (its context holds the words "Ann Lee kvetched").
        XCTAssertFalse(before.stdout.contains(",Ann Lee,"), before.stdout)
        let after = try run(["extract", "--format", "csv", "--rules", dir.path, "-"], stdin: text)
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(after.stdout.contains(",Ann Lee,") && after.stdout.contains(",kvetched,"), after.stdout)
        XCTAssertEqual(try run(["rules", "test", dir.path]).stdout, "1 example: 1 passed, 0 failed\n")
    }

    func testBenchTimesEachStageOnTheSameInput() throws {
        let r = try run(["bench", "--repeat", "1", "--format", "json", "Samples/"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let stages = try XCTUnwrap(object["stages"] as? [[String: Any]])
        XCTAssertEqual(stages.map { $0["name"] as? String }, ["ICU sentence segmentation", "ICU word segmentation", "quote scan",
                                                              "segmentation into tokens", "full extraction"])
        XCTAssertEqual(stages.first?["share_of_icu"] as? Double, 1)
        XCTAssertTrue(stages.allSatisfy { ($0["mb_per_s"] as? Double ?? 0) > 0 })
        XCTAssertEqual(object["documents"] as? Int, 5)
        XCTAssertGreaterThan(object["peak_rss_bytes"] as? Int ?? 0, 0)
        let text = try run(["bench", "--repeat", "1", "Samples/news_report.txt"])
        XCTAssertTrue(text.stdout.contains("full extraction"), text.stdout)
        let bad = try run(["bench", "--repeat", "0", "Samples/news_report.txt"])
        XCTAssertEqual(bad.status, 64)
    }

    func testJobsGiveTheSameOutputInTheSameOrder() throws {
        // Documents of very different sizes, and a bad line in the middle of the stream.
        var lines: [String] = []
        let samples = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        for round in 0..<120 {
            let name = samples[round % samples.count]
            let text = try String(contentsOf: Self.root.appendingPathComponent("Samples/\(name)"), encoding: .utf8)
            let object = ["id": "\(name)#\(round)", "text": String(text.prefix(200 + 37 * round)), "n": "\(round)"]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            if round == 60 { lines.append("{not json") }
        }
        let input = lines.joined(separator: "\n") + "\n"
        let one = try run(["extract", "--input-format", "jsonl", "--jobs", "1", "-"], stdin: input)
        let three = try run(["extract", "--input-format", "jsonl", "--jobs", "3", "-"], stdin: input)
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(three.status, 1)
        XCTAssertGreaterThan(one.stdout.split(separator: "\n").count, 100)
        XCTAssertEqual(three.stdout, one.stdout)
        XCTAssertEqual(three.stderr, one.stderr)
        XCTAssertTrue(one.stderr.contains("<stdin>:62: error: not valid JSON"), one.stderr)
        XCTAssertEqual(try run(["extract", "--jobs", "0", "Samples/news_report.txt"]).status, 64)
    }

    func testJobsKeepTheOrderOfAStreamLongerThanTheirWindow() throws {
        // More documents than are ever pending at once (512), some long and some short, so that
        // later documents finish before earlier ones.
        var lines: [String] = []
        for n in 0..<1_300 {
            let words = n % 97 == 0 ? 4_000 : 3 + n % 11
            let text = "\"\(String(repeating: "word ", count: words))number \(n),\" Ann Lee said."
            let object = ["id": "doc\(n)", "text": text]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        }
        let input = lines.joined(separator: "\n") + "\n"
        let one = try run(["extract", "--input-format", "jsonl", "--jobs", "1", "--summary", "json", "-"], stdin: input)
        let four = try run(["extract", "--input-format", "jsonl", "--jobs", "4", "--summary", "json", "-"], stdin: input)
        XCTAssertEqual(one.status, 0)
        XCTAssertEqual(four.status, 0)
        let ids = one.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["doc"] as? String ?? ""
        }
        XCTAssertEqual(ids, (0..<1_300).map { "doc\($0)" })
        XCTAssertEqual(four.stdout, one.stdout)
        XCTAssertEqual(four.stderr, one.stderr)
    }

    func testOnErrorFailStopsAtTheSameDocumentWhateverTheJobs() throws {
        // Documents 5 and 9 fail (a language with no rules) and line 14 is no JSON: with
        // --on-error fail every run stops at document 5, though more threads have read further.
        var lines: [String] = []
        for n in 0..<20 {
            var object = ["id": "d\(n)", "text": "\"Line \(n) is here,\" Ann Lee said."]
            if n == 5 || n == 9 { object["lang"] = "xx" }
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            if n == 12 { lines.append("{bad") }
        }
        let input = lines.joined(separator: "\n") + "\n"
        let arguments = ["extract", "--input-format", "jsonl", "--on-error", "fail", "--summary", "json", "-"]
        let one = try run(arguments + ["--jobs", "1"], stdin: input)
        let three = try run(arguments + ["--jobs", "3"], stdin: input)
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(three.status, 1)
        XCTAssertEqual(three.stdout, one.stdout)
        XCTAssertEqual(three.stderr, one.stderr)
        XCTAssertTrue(one.stderr.contains("d5: error:"), one.stderr)
        XCTAssertFalse(three.stderr.contains("d9"), three.stderr)
        XCTAssertTrue(three.stderr.contains("\"documents_read\":6,"), three.stderr)
    }

    func testEveryDocumentIsAccountedFor() throws {
        let good = "{\"id\": \"a\", \"text\": \"\\\"We will win this fight,\\\" Ann Lee said. \\\"And the next one.\\\"\"}"
        let input = [good, "{bad", good.replacingOccurrences(of: "\"a\"", with: "\"b\""), "{\"id\": \"c\"}", ""].joined(separator: "\n")
        let text = try run(["extract", "--input-format", "jsonl", "-"], stdin: input)
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stdout.split(separator: "\n").count, 4)
        XCTAssertTrue(text.stderr.hasSuffix("quotekit: 2 documents read, 2 extracted, 2 skipped (see above); 4 quotes written\n"), text.stderr)
        let json = try run(["extract", "--input-format", "jsonl", "--summary", "json", "-"], stdin: input)
        let last = try XCTUnwrap(json.stderr.split(separator: "\n").last)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Int])
        XCTAssertEqual(object, ["documents_read": 2, "documents_extracted": 2, "skipped": 2, "quotes_written": 4])
        let quiet = try run(["extract", "--summary", "none", "Samples/news_report.txt"])
        XCTAssertEqual(quiet.stderr, "")
        XCTAssertEqual(quiet.status, 0)
    }

    func testCSVFormulasAreNeutralizedUnlessKept() throws {
        let text = "Ann Lee said the message was ‘=HYPERLINK(\"x\")’ and nothing else."
        let neutral = try run(["extract", "--format", "csv", "-"], stdin: text)
        XCTAssertTrue(neutral.stdout.contains(",\"'=HYPERLINK(\"\"x\"\")\","), neutral.stdout)
        let kept = try run(["extract", "--format", "csv", "--csv-formulas", "keep", "-"], stdin: text)
        XCTAssertTrue(kept.stdout.contains(",\"=HYPERLINK(\"\"x\"\")\","), kept.stdout)
        // JSON keeps the text as written.
        XCTAssertTrue(try run(["extract", "-"], stdin: text).stdout.contains("\"text\":\"=HYPERLINK(\\\"x\\\")\""))
    }

    func testAnInterruptedRunLeavesNoPartialOutputFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out.csv")
        try "previous run\n".write(to: output, atomically: true, encoding: .utf8)
        // A stream that never ends: the run is killed while it is writing.
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["extract", "--input-format", "jsonl", "--format", "csv", "--output", output.path, "-"]
        let input = Pipe()
        process.standardInput = input
        process.standardError = Pipe()
        try process.run()
        let line = "{\"id\": \"a\", \"text\": \"\\\"We will win this fight,\\\" Ann Lee said.\"}\n"
        for n in 0..<2_000 { input.fileHandleForWriting.write(Data(line.replacingOccurrences(of: "\"a\"", with: "\"a\(n)\"").utf8)) }
        // Wait until the run is writing its temporary file, then interrupt it.
        let temporary = dir.appendingPathComponent(".out.csv.\(process.processIdentifier).tmp").path
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: temporary) { usleep(10_000) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: temporary))
        process.terminate()
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 143)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "previous run\n")
        // Only the previous file is left: no temporary file either.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.csv"])
    }

    func testRulesValidateRunsTheExamplesOfUserRules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("en"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rule = """
        kind: cue_verbs
        description: Newsroom verbs.
        verbs:
          harrumph: [harrumphs, harrumphed, harrumphing]
        examples:
          - text: '"Nonsense and more nonsense," Ann Lee harrumphed.'
            quotes:
              - {quote: 'Something else entirely', speaker: Ann Lee}

        """
        try rule.write(to: dir.appendingPathComponent("en/newsroom.yaml"), atomically: true, encoding: .utf8)
        let r = try run(["rules", "validate", dir.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("newsroom.yaml:6:11: error: [R007 example-failed] en.newsroom: for 'Something else entirely': quote: expected 'Something else entirely', got 'Nonsense and more nonsense,'"), r.stdout)
    }

    func testAnUnwritableOutputIsAnErrorNotACrash() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(Self.binary.path)' Samples/news_report.txt > /dev/full"]
        process.currentDirectoryURL = Self.root
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(message.contains("cannot write"), message)
    }
}
