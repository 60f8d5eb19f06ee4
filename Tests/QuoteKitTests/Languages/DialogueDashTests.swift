import QuoteKit
import XCTest

/// Dash dialogue, incises and ICU's locale quotation marks, on a small test language ("xx") so
/// that the behaviour does not depend on any language's word lists.
final class DialogueDashTests: XCTestCase {
    private func extractor(marks: String?, language: String = "xx") throws -> QuoteExtractor {
        var files = [
            ("frame.yaml", "kind: frame\ndescription: t\npattern: QUOTE ,|—? CUE -? SPEAKER\nconfidence: 0.9\n"),
            ("cue_verbs.yaml", "kind: cue_verbs\ndescription: t\nverbs:\n  dire: [dit, dijo]\n"),
            ("pronouns.yaml", "kind: pronouns\ndescription: t\npronouns:\n  male: [il]\n  female: [ella]\n"),
            ("follow_on.yaml", "kind: follow_on\ndescription: t\nmax_paragraphs: 1\nmin_words_alone: 0\nconfidence: 0.85\n"),
        ]
        if let marks { files.append(("quote_marks.yaml", marks)) }
        let (set, diagnostics) = RuleSet.builtIn(layering: [files.map { RuleSource(path: $0.0, relativePath: "\(language)/\($0.0)", contents: $0.1) }])
        XCTAssertEqual(diagnostics.map(\.description), [])
        return try QuoteExtractor(ruleSet: try XCTUnwrap(set), language: language)
    }

    private let dashes = "kind: quote_marks\ndescription: t\npairs:\n  - {open: \"«\", close: \"»\"}\ndialogue_dashes: [\"—\"]\nsplit_incises: true\n"

    func testADashOpensALineOfDialogueToTheEndOfItsParagraph() throws {
        let text = "Il entra.\n\n— Tiens, dit-il, nous avons eu la même idée.\n\n— Moi aussi.\n\nPuis il sortit."
        let records = try extractor(marks: dashes).extract(text: text, documentID: "d")
        XCTAssertEqual(records.map(\.text), ["Tiens,", "nous avons eu la même idée.", "Moi aussi."])
        XCTAssertEqual(records[0].speakerMention?.text, "il")
        XCTAssertEqual(records[0].cue?.text, "dit")
        XCTAssertEqual(records[1].speakerMention?.text, "il")
        let scalars = Array(text.unicodeScalars)
        for r in records { XCTAssertEqual(String(String.UnicodeScalarView(scalars[r.start..<r.end])), r.text) }
    }

    func testAnInciseBetweenRayasSplitsTheLine() throws {
        let records = try extractor(marks: dashes).extract(text: "—No lo sé —dijo ella—. ¿Y tú?", documentID: "d")
        XCTAssertEqual(records.map(\.text), ["No lo sé", "¿Y tú?"])
        XCTAssertEqual(records.map { $0.speakerMention?.text }, ["ella", "ella"])
    }

    func testAnInciseInsideGuillemetsSplitsTheQuote() throws {
        let records = try extractor(marks: dashes).extract(text: "« Oui, dit-il, nous viendrons demain. »", documentID: "d")
        XCTAssertEqual(records.map(\.text), ["Oui,", "nous viendrons demain."])
    }

    func testWithoutTheRuleADashIsNotAQuoteAndIncisesStay() throws {
        let marks = "kind: quote_marks\ndescription: t\npairs:\n  - {open: \"«\", close: \"»\"}\n"
        let e = try extractor(marks: marks)
        XCTAssertEqual(try e.extract(text: "— Tiens, dit-il, nous avons eu la même idée.", documentID: "d").count, 0)
        XCTAssertEqual(try e.extract(text: "« Oui, dit-il, nous viendrons demain. »", documentID: "d").map(\.text), ["Oui, dit-il, nous viendrons demain."])
    }

    /// A language whose rules give no quotation marks uses ICU's locale data: Italian « » and “ ”.
    func testICULocaleDataGivesTheDefaultMarks() throws {
        let e = try extractor(marks: nil, language: "it")
        let records = try e.extract(text: "«Andiamo», dit Marco. “Sì, andiamo”, dit Anna.", documentID: "d")
        XCTAssertEqual(records.map(\.text), ["Andiamo", "Sì, andiamo"])
        XCTAssertEqual(records.map(\.speaker), ["Marco", "Anna"])
    }

    /// An object pronoun before the verb of an incise does not hide it (built-in French rules).
    func testAnInciseMayStartWithAnObjectPronoun() throws {
        let records = try QuoteExtractor(language: "fr").extract(text: "« Viens, lui dit-elle, nous partons. »", documentID: "d")
        XCTAssertEqual(records.map(\.text), ["Viens,", "nous partons."])
        XCTAssertEqual(records.map { $0.speakerMention?.text }, ["elle", "elle"])
    }
}
