import Foundation
import QuoteKit
import XCTest

/// Claims derived from the samples, one per verdict and flag.
final class VerifyTests: XCTestCase {
    nonisolated(unsafe) private static let index: QuoteIndex = {
        let index = try! QuoteIndex()
        let extractor = try! QuoteExtractor()
        for name in ["news_report", "fiction_dialogue", "press_release"] {
            let text = try! String(contentsOf: PackagePaths.samples.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let document = Document(id: name, text: text)
            index.add(document, records: try! extractor.extract(document))
        }
        return index
    }()

    private func verify(_ text: String, speaker: String? = nil) -> Verification {
        try! Self.index.verify(Claim(text: text, speaker: speaker))
    }

    func testTheWordsAsWrittenAreExact() throws {
        let v = verify("“This bridge has been falling apart for a decade, and people are tired of waiting,”", speaker: "Denise Okafor")
        XCTAssertEqual(v.verdict, .exact)
        XCTAssertEqual(v.flags, [])
        let c = try XCTUnwrap(v.candidates.first)
        XCTAssertEqual(c.doc, "news_report")
        XCTAssertEqual(c.speaker, "Denise Okafor")
        XCTAssertEqual(c.record?.cue?.text, "said")
        let text = try String(contentsOf: PackagePaths.samples.appendingPathComponent("news_report.txt"), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[c.start..<c.end])), c.text)
        XCTAssertEqual(c.text, "This bridge has been falling apart for a decade, and people are tired of waiting")
    }

    func testCasePunctuationAndMarksAloneGiveExactModuloPunctuation() {
        let v = verify("this bridge has been falling apart for a decade and people are tired of waiting!", speaker: "Okafor")
        XCTAssertEqual(v.verdict, .exactModuloPunctuation)
        XCTAssertEqual(v.flags, [])
        XCTAssertEqual(v.candidates.first?.diff, [])
    }

    func testAChangedWordIsAlteredWithItsDiff() throws {
        let v = verify("This bridge has been falling apart for years, and people are tired of waiting.")
        XCTAssertEqual(v.verdict, .altered)
        let c = try XCTUnwrap(v.candidates.first)
        XCTAssertEqual(c.diff.count, 1)
        XCTAssertEqual(c.diff.first?.kind, .changed)
        XCTAssertEqual(c.diff.first?.source, "a decade")
        XCTAssertEqual(c.diff.first?.claim, "years")
        XCTAssertGreaterThan(c.similarity, 0.8)
        XCTAssertLessThan(c.similarity, 1)
    }

    func testADroppedNotIsAlteredAndShowsTheRemovedWords() throws {
        let v = verify("I support handing the bill to families who are already struggling.", speaker: "Raymond Hale")
        XCTAssertEqual(v.verdict, .altered)
        XCTAssertEqual(v.flags, [])
        let c = try XCTUnwrap(v.candidates.first)
        XCTAssertEqual(c.diff, [WordEdit(kind: .removed, source: "do not", claim: "", start: c.diff.first?.start ?? -1, end: c.diff.first?.end ?? -1)])
        XCTAssertEqual(c.text, "I do not support handing the bill to families who are already struggling")
    }

    func testAWrongSpeakerIsFlagged() throws {
        let v = verify("I support a new bridge", speaker: "Denise Okafor")
        XCTAssertEqual(v.verdict, .exact)
        XCTAssertEqual(v.flags, [.speakerMismatch])
        XCTAssertEqual(v.candidates.first?.speaker, "Raymond Hale")
        // Any of the speaker's names will do.
        XCTAssertEqual(verify("I support a new bridge", speaker: "Councilman Hale").flags, [])
    }

    func testAFragmentThatDropsANegationIsOutOfContext() throws {
        let v = verify("support handing the bill to families who are already struggling")
        XCTAssertEqual(v.verdict, .exact)
        XCTAssertEqual(v.flags, [.outOfContext, .fragment])
        let c = try XCTUnwrap(v.candidates.first)
        XCTAssertEqual(c.fullQuote?.text, "I do not support handing the bill to families who are already struggling.")
        XCTAssertEqual(c.omittedBefore, "I do not")
        XCTAssertNil(c.omittedAfter)
    }

    func testAFragmentThatChangesNothingIsOnlyAFragment() throws {
        let v = verify("people are tired of waiting")
        XCTAssertEqual(v.verdict, .exact)
        XCTAssertEqual(v.flags, [.fragment])
        XCTAssertEqual(v.candidates.first?.fullQuote?.text, "This bridge has been falling apart for a decade, and people are tired of waiting,")
    }

    func testAFabricatedSentenceIsNotFound() {
        let v = verify("The bridge will be paid for entirely by the federal government next year.", speaker: "Denise Okafor")
        XCTAssertEqual(v.verdict, .notFound)
        XCTAssertEqual(v.candidates.count, 0)
        XCTAssertEqual(verify("").verdict, .notFound)
    }

    func testNarrationIsFoundButIsNotAQuote() {
        let v = verify("The Riverton City Council voted 7-2 on Tuesday")
        XCTAssertEqual(v.verdict, .exact)
        XCTAssertEqual(v.flags, [.notAQuote])
        XCTAssertNil(v.candidates.first?.record)
    }

    /// A quote its cue interrupts (`"…," he said, "…"`) is one quote to a claim that joins it.
    func testAClaimJoiningAQuoteAroundItsCueIsNotAltered() {
        let v = verify("Then you will have to ask me again, more nicely.")
        XCTAssertEqual(v.verdict, .exactModuloPunctuation)
        XCTAssertEqual(v.candidates.first?.diff, [])
    }

    /// The alignment is quadratic in a claim's length: a claim of more than 1,000 words is refused.
    func testAVeryLongClaimIsRefused() {
        let long = String(repeating: "word ", count: 1_001)
        XCTAssertThrowsError(try Self.index.verify(Claim(text: long))) {
            XCTAssertEqual(($0 as? QuoteIndex.ClaimTooLong)?.words, 1_001)
        }
        XCTAssertEqual(ClaimReader.read("text\n\(long)\nshort claim\n", format: .csv).problems.map(\.line), [2])
        XCTAssertEqual(try Self.index.verify(Claim(text: String(repeating: "word ", count: 1_000))).verdict, .notFound)
    }

    func testNamesMatchByLastWordOrSubset() {
        XCTAssertTrue(QuoteIndex.sameName("Trump", "Donald J. Trump"))
        XCTAssertTrue(QuoteIndex.sameName("President Donald Trump", "Donald Trump"))
        XCTAssertFalse(QuoteIndex.sameName("Hillary Clinton", "Donald Trump"))
    }
}
