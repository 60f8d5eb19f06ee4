import QuoteKit
import XCTest

/// Cases found in review: offsets, exactness, Unicode, many documents.
final class VerifyEdgeTests: XCTestCase {
    private func index(_ texts: [String]) throws -> QuoteIndex {
        let index = try QuoteIndex()
        let extractor = try QuoteExtractor()
        for (i, text) in texts.enumerated() {
            let d = Document(id: "d\(i)", text: text)
            index.add(d, records: try extractor.extract(d))
        }
        return index
    }

    private func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[start..<end]))
    }

    func testExactMeansTheSameTextAtThePassage() throws {
        let i = try index(["“Go go go,” she said."])
        let v = try i.verify(Claim(text: "go go"))
        XCTAssertEqual(v.verdict, .exactModuloPunctuation)
        XCTAssertEqual(try i.verify(Claim(text: "“Go go go,”")).verdict, .exact)
    }

    func testWordsAddedBeforeThePassageAreAddedAtItsStart() throws {
        let text = "Alpha beta gamma lambda mu. “We will build the bridge next year,” said Ann Lee."
        let v = try index([text]).verify(Claim(text: "Indeed we will build the bridge next year"))
        let c = try XCTUnwrap(v.candidates.first)
        XCTAssertEqual(c.text, "We will build the bridge next year")
        XCTAssertEqual(c.diff, [WordEdit(kind: .added, source: "", claim: "Indeed", start: c.start, end: c.start)])
    }

    func testCombiningMarksStayWithTheirLetter() throws {
        let text = "“I love this cafe\u{301} very much,” said Ann Lee."
        let v = try index([text]).verify(Claim(text: "I love this cafe\u{301} very much"))
        XCTAssertEqual(v.verdict, .exact)
        let c = try XCTUnwrap(v.candidates.first)
        XCTAssertEqual(slice(text, c.start, c.end), c.text)
        XCTAssertTrue(c.text.unicodeScalars.contains("\u{301}"))
    }

    func testAJoinedQuoteReportsTheWholeQuoteAsItsOffsetsSay() throws {
        let text = "“We will not raise taxes this year,” Ann Lee said, “but we might raise them next year.”"
        let v = try index([text]).verify(Claim(text: "raise taxes this year but we might"))
        let full = try XCTUnwrap(v.candidates.first?.fullQuote)
        XCTAssertEqual(slice(text, full.start, full.end), full.text)
    }

    func testTheClaimedSpeakersQuoteIsFoundAmongManyCopiesOfNarration() throws {
        let sentence = "the new bridge will open to traffic in the spring"
        var texts = (0..<30).map { "Officials wrote that \($0): \(sentence) and not before." }
        texts.append("“\(sentence.prefix(1).uppercased() + sentence.dropFirst()),” Ann Lee said.")
        let v = try index(texts).verify(Claim(text: sentence, speaker: "Ann Lee"), maxCandidates: 3)
        XCTAssertEqual(v.candidates.first?.doc, "d30")
        XCTAssertEqual(v.flags, [])
    }

    func testOutOfRangeCandidateCountsAreClamped() throws {
        let i = try index(["“We will build it,” said Ann Lee."])
        XCTAssertEqual(try i.verify(Claim(text: "we will build it"), maxCandidates: Int.max).candidates.count, 1)
        XCTAssertEqual(try i.verify(Claim(text: "we will build it"), maxCandidates: 0).candidates.count, 1)
    }

    func testCRLFAndCROnlyClaimFiles() {
        let jsonl = ClaimReader.read("{\"id\":\"a\",\"text\":\"We will\"}\r\n{\"id\":null,\"text\":\"on families\"}\r\n", format: .jsonl)
        XCTAssertEqual(jsonl.problems, [])
        XCTAssertEqual(jsonl.claims.map(\.text), ["We will", "on families"])
        let csv = ClaimReader.read("id,text,speaker\rc1,We will not raise taxes,Lee\r", format: .csv)
        XCTAssertEqual(csv.claims, [Claim(id: "c1", text: "We will not raise taxes", speaker: "Lee")])
        XCTAssertEqual(ClaimReader.read("", format: .csv).problems.count, 1)
        XCTAssertEqual(ClaimReader.read("text\n", format: .csv).problems.first?.message, "the file has a header row but no claim")
    }

    func testBratFragmentsSplitAtTabsAndOtherLineBreaks() throws {
        let text = "“Page one\u{0C}page two\tand three,” said Ann Lee."
        let records = try QuoteExtractor().extract(text: text, documentID: "d")
        let ann = BratExporter().annotations(records, text: text)
        let quote = try XCTUnwrap(ann.split(separator: "\n").first { $0.contains("\tQuote ") })
        XCTAssertEqual(quote.split(separator: "\t", omittingEmptySubsequences: false).count, 3, String(quote))
        XCTAssertTrue(quote.hasSuffix("\tPage one page two and three,"), String(quote))
    }
}
