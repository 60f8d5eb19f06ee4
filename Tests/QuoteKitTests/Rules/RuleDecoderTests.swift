import Foundation
import QuoteKit
import XCTest

/// Broken rule folders give exact diagnostics: each `Fixtures/BrokenRules/CASE/` is a rules
/// folder (`en/NAME.yaml`) beside `expected.txt`, the full output of `quotekit rules validate
/// CASE` and its exit status (the CLI tests run the binary on the same folders).
final class RuleDecoderTests: XCTestCase {
    func testBrokenRuleFixtures() throws {
        let root = PackagePaths.fixtures.appendingPathComponent("BrokenRules")
        let cases = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 11)
        for name in cases {
            let folder = root.appendingPathComponent(name)
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
            let sources = try files.map { file in
                RuleSource(path: "\(name)/\(file)", relativePath: file,
                           contents: try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            }
            let validation = RuleValidation.run(layering: [sources])
            XCTAssertFalse(validation.passed, name)
            let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
            let output = (validation.diagnostics.map(\.description) + [validation.summary, "exit status: 1"]).joined(separator: "\n") + "\n"
            XCTAssertEqual(output, expected, name)
        }
    }

    func testHostileRuleFilesAreRefusedAtLoad() throws {
        func load(_ contents: String) -> [String] {
            let (set, diagnostics) = RuleSet.builtIn(layering: [[RuleSource(path: "x.yaml", relativePath: "en/x.yaml", contents: contents)]])
            XCTAssertNil(set)
            return diagnostics.map { "\($0.code.rawValue) \($0.keyPath) \($0.message)" }
        }
        let names = (0...RuleLimits.maxEntries).map { "N\($0)" }.joined(separator: ", ")
        XCTAssertEqual(load("kind: first_names\ndescription: Too many.\nfemale: [\(names)]\n"),
                       ["R008 limit female the list has 100001 items; the limit is 100000"])
        let padding = String(repeating: "# padding\n", count: RuleLimits.maxFileBytes / 10 + 1)
        XCTAssertEqual(load("kind: first_names\ndescription: Too big.\nfemale: [Ann]\n" + padding),
                       ["R008 limit  the file is larger than 4194304 bytes, the limit for a rule file"])
        // At the limits, a pattern loads.
        let (set, diagnostics) = RuleSet.builtIn(layering: [[RuleSource(path: "x.yaml", relativePath: "en/frames/x.yaml", contents:
            "kind: frame\ndescription: At the limits.\npattern: START SPEAKER ,? ... CUE ~ ,? :? ;? QUOTE ... ~ .\nconfidence: 0.5\n")]])
        XCTAssertNotNil(set)
        XCTAssertEqual(diagnostics, [])
    }

    func testAPossessiveSpeakerSlotComesAfterTheQuoteAndAloneOfTheSpeakerSlots() throws {
        func problems(_ pattern: String) -> [String] {
            let contents = "kind: frame\ndescription: A reply.\npattern: \"\(pattern)\"\nconfidence: 0.5\n"
            let (_, diagnostics) = RuleSet.builtIn(layering: [[RuleSource(path: "x.yaml", relativePath: "en/frames/x.yaml", contents: contents)]])
            return diagnostics.map(\.message)
        }
        XCTAssertEqual(problems("QUOTE was SPEAKER'S ~ reply"), [])
        XCTAssertEqual(problems("SPEAKER'S reply was QUOTE"), ["SPEAKER'S comes after QUOTE"])
        XCTAssertEqual(problems("QUOTE was SPEAKER'S reply to SPEAKER"), ["a pattern needs exactly one SPEAKER, SPEAKER'S or NAME"])
    }

    func testBooleanWordsMustBeQuotedWhereTextIsExpected() throws {
        let quoted = "kind: cue_verbs\ndescription: Verbs.\nverbs:\n  say: [says, said, 'no', \"on\"]\n"
        let (set, diagnostics) = RuleSet.load(layers: [[RuleSource(path: "x", relativePath: "en/x.yaml", contents: quoted)]])
        XCTAssertEqual(diagnostics, [])
        guard case .cueVerbs(let rule)? = set?.rules.first?.body else { return XCTFail("not decoded") }
        XCTAssertEqual(rule.verbs.first?.forms, ["says", "said", "no", "on"])
        let plain = "kind: cue_verbs\ndescription: Verbs.\nverbs:\n  say: [says, said, no, On]\n"
        let (none, problems) = RuleSet.load(layers: [[RuleSource(path: "x", relativePath: "en/x.yaml", contents: plain)]])
        XCTAssertNil(none)
        XCTAssertEqual(problems.map { "\($0.code.rawValue) \($0.keyPath)" }, ["R003 type-mismatch verbs.say[2]", "R003 type-mismatch verbs.say[3]"])
    }

    func testLastResortMustBeABoolean() throws {
        let frame = "kind: frame\ndescription: A beat.\npattern: START SPEAKER ... . PARA QUOTE\nconfidence: 0.4\nlast_resort: sometimes\n"
        let (set, problems) = RuleSet.load(layers: [[RuleSource(path: "x", relativePath: "en/frames/x.yaml", contents: frame)]])
        XCTAssertNil(set)
        XCTAssertEqual(problems.map { "\($0.code.rawValue) \($0.keyPath)" }, ["R003 type-mismatch last_resort"])
    }

    func testLaterLayerOverridesAndCanDisable() throws {
        let override = "kind: frame\ndescription: Off.\nenabled: false\npattern: QUOTE SPEAKER CUE\nconfidence: 0.5\n"
        let (set, diagnostics) = RuleSet.builtIn(layering: [[RuleSource(path: "u/en/frames/quote_speaker_cue.yaml",
                                                                          relativePath: "en/frames/quote_speaker_cue.yaml", contents: override)]])
        XCTAssertEqual(diagnostics, [])
        let set_ = try XCTUnwrap(set)
        let extractor = try QuoteExtractor(ruleSet: set_)
        let records = try extractor.extract(text: "\"We tried everything we could,\" Ann Lee said.", documentID: "d")
        XCTAssertNotEqual(records.first?.rule, "en.frames.quote_speaker_cue")
    }

    func testUserFolderAddsACueVerb() throws {
        let text = "\"We tried everything we could,\" Ann Lee harrumphed."
        // Without the verb in the rules only the weaker unlisted-verb frame applies.
        XCTAssertEqual(try extract(text).first?.rule, "en.frames.quote_speaker_verb")
        let verbs = "kind: cue_verbs\ndescription: Newsroom verbs.\nverbs:\n  harrumph: [harrumphs, harrumphed, harrumphing]\n"
        let (set, _) = RuleSet.builtIn(layering: [[RuleSource(path: "u/en/newsroom.yaml", relativePath: "en/newsroom.yaml", contents: verbs)]])
        let records = try QuoteExtractor(ruleSet: XCTUnwrap(set)).extract(text: text, documentID: "d")
        XCTAssertEqual(records.first?.speaker, "Ann Lee")
        XCTAssertEqual(records.first?.cue?.text, "harrumphed")
        XCTAssertEqual(records.first?.rule, "en.frames.quote_speaker_cue")
    }
}
