import QuoteKit
import XCTest

final class ContextAndClusterTests: XCTestCase {
    private func scalars(_ text: String, _ span: TextSpan) -> String {
        let s = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(s[span.start..<span.end]))
    }

    func testContextIsTheSentenceOfTheQuoteAndItsCue() throws {
        let text = "The council met on Tuesday. \"We will rebuild the bridge,\" Mayor Ann Lee said after the vote. "
            + "\"It will take two years.\" Critics were not convinced.\n\nOthers said nothing."
        let records = try QuoteExtractor().extract(text: text, documentID: "d")
        XCTAssertEqual(records.count, 2)
        let first = try XCTUnwrap(records[0].context)
        XCTAssertEqual(first.text, "\"We will rebuild the bridge,\" Mayor Ann Lee said after the vote.")
        XCTAssertEqual(scalars(text, first), first.text)
        // A follow-on quote's cue belongs to the quote before it: its context is its own sentence.
        XCTAssertEqual(records[1].context?.text, "\"It will take two years.\"")
    }

    func testContextScopes() throws {
        let text = "Intro line here. \"We will rebuild,\" Ann Lee said. She left early.\n\nA new paragraph."
        let extractor = try QuoteExtractor()
        extractor.contextScope = .paragraph
        let paragraph = try XCTUnwrap(extractor.extract(text: text, documentID: "d").first?.context)
        XCTAssertEqual(paragraph.text, "Intro line here. \"We will rebuild,\" Ann Lee said. She left early.")
        XCTAssertEqual(scalars(text, paragraph), paragraph.text)
        extractor.contextScope = .none
        XCTAssertNil(try extractor.extract(text: text, documentID: "d").first?.context)
    }

    /// However long the sentence, the context reaches a bounded distance beyond the quote, so a
    /// text of many quotes in one endless sentence does not give output quadratic in its length.
    func testContextIsBoundedInAnEndlessSentence() throws {
        let filler = String(repeating: "and then some more words ", count: 2_000)
        let text = "Ann Lee said " + filler + "\"this is the quoted part\" " + filler
        let records = try QuoteExtractor().extract(text: text, documentID: "d")
        let record = try XCTUnwrap(records.first { $0.text == "this is the quoted part" })
        let context = try XCTUnwrap(record.context)
        XCTAssertTrue(context.text.contains("\"this is the quoted part\""))
        XCTAssertLessThanOrEqual(context.text.utf8.count, record.text.utf8.count + 2 + 2 * 200)
        XCTAssertEqual(scalars(text, context), context.text)
    }

    func testClusterIgnoresCasePunctuationAndMarksButNotWords() throws {
        let a = try QuoteExtractor().extract(text: "“We will not back down,” Ann Lee said.", documentID: "a")
        let b = try QuoteExtractor().extract(text: "Ann Lee told reporters: \"we will NOT back down!\"", documentID: "b")
        let c = try QuoteExtractor().extract(text: "“We will back down,” Ann Lee said.", documentID: "c")
        XCTAssertEqual(a.count, 1)
        XCTAssertEqual(b.count, 1)
        XCTAssertEqual(c.count, 1)
        XCTAssertEqual(a[0].cluster, b[0].cluster)
        XCTAssertNotEqual(a[0].id, b[0].id)
        XCTAssertNotEqual(a[0].cluster, c[0].cluster)
        XCTAssertTrue(a[0].cluster.hasPrefix("c") && a[0].cluster.count == 17)
        XCTAssertEqual(QuoteRecord.cluster(of: "Don’t stop"), QuoteRecord.cluster(of: "don't  STOP."))
        XCTAssertEqual(QuoteRecord.cluster(of: "Ça va, Élodie?"), QuoteRecord.cluster(of: "ça va élodie"))
        XCTAssertNotEqual(QuoteRecord.cluster(of: "one two"), QuoteRecord.cluster(of: "onetwo"))
        // Ids are a contract: the FNV-1a hash of the lowercased words joined by one space, here
        // "hello world" and "ωμέγα 𐐨x" (two-, three- and four-byte UTF-8 among them).
        XCTAssertEqual(QuoteRecord.cluster(of: "“Hello,  World!”"), "c779a65e7023cd2e7")
        XCTAssertEqual(QuoteRecord.cluster(of: "ΩΜΈΓΑ… 𐐀X"), "c4e68035f4f154b30")
    }
}
