import Foundation
import QuoteKit
import XCTest

/// Broken rule files give exact diagnostics: `Fixtures/BrokenRules/en/NAME.yaml` beside
/// `NAME.expected.txt` holding every diagnostic line.
final class RuleDecoderTests: XCTestCase {
    func testBrokenRuleFixtures() throws {
        let folder = PackagePaths.fixtures.appendingPathComponent("BrokenRules/en")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 4)
        for name in names {
            let contents = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let source = RuleSource(path: "en/" + name, relativePath: "en/" + name, contents: contents)
            let (set, diagnostics) = RuleSet.load(layers: [[source]])
            XCTAssertNil(set, name)
            let expected = try String(contentsOf: folder.appendingPathComponent(String(name.dropLast(5)) + ".expected.txt"), encoding: .utf8)
            XCTAssertEqual(diagnostics.map(\.description).joined(separator: "\n") + "\n", expected, name)
        }
    }

    func testYAMLBooleanWordsStayStrings() throws {
        let yaml = "kind: cue_verbs\ndescription: Verbs.\nverbs:\n  say: [says, said, 'no', on]\n"
        let (set, diagnostics) = RuleSet.load(layers: [[RuleSource(path: "x", relativePath: "en/x.yaml", contents: yaml)]])
        XCTAssertEqual(diagnostics, [])
        guard case .cueVerbs(let rule)? = set?.rules.first?.body else { return XCTFail("not decoded") }
        XCTAssertEqual(rule.verbs.first?.forms, ["says", "said", "no", "on"])
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
