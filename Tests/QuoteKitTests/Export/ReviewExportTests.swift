import Foundation
import QuoteKit
import XCTest

final class ReviewExportTests: XCTestCase {
    private let text = "Intro <b>bold</b> & more.\n\n\"We will rebuild\nthe bridge,\" Mayor Ann Lee said. \"It is <time>.\"\n\nBo Diaz wrote: \"No.\""

    func testBratAnnotationsMatchTheTextAndSplitAtLineBreaks() throws {
        let records = try QuoteExtractor().extract(text: text, documentID: "d")
        XCTAssertEqual(records.count, 3)
        let ann = BratExporter().annotations(records, text: text)
        let scalars = Array(text.unicodeScalars)
        var quotes = 0, speakers: [String] = []
        for line in ann.split(separator: "\n") where line.hasPrefix("T") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 3, String(line))
            let head = parts[1].split(separator: " ", maxSplits: 1)
            let pieces = head[1].split(separator: ";").map { $0.split(separator: " ").map { Int($0)! } }
            let words = pieces.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }.joined(separator: " ")
            XCTAssertEqual(words, String(parts[2]))
            XCTAssertFalse(parts[2].contains("\n"))
            if head[0] == "Quote" { quotes += 1 }
            if head[0] == "Speaker" { speakers.append(String(parts[2])) }
        }
        XCTAssertEqual(quotes, 3)
        // The follow-on quote shares its mention: one Speaker annotation, two SaidBy relations.
        XCTAssertEqual(speakers, ["Mayor Ann Lee", "Bo Diaz"])
        XCTAssertEqual(ann.components(separatedBy: "SaidBy").count - 1, 3)
        XCTAssertTrue(ann.contains("Quote 28 43;44 55\tWe will rebuild the bridge,"), ann)
        for r in records { XCTAssertTrue(ann.contains("id: \(r.id)")) }
        XCTAssertEqual(BratExporter.fileName(for: "../a b/c.txt"), "_._a_b_c")
        XCTAssertEqual(BratExporter.fileName(for: ""), "_")
    }

    func testHTMLIsSelfContainedEscapedAndMarksEveryRecord() throws {
        let records = try QuoteExtractor().extract(text: text, documentID: "<doc>")
        var exporter = HTMLQuoteExporter()
        let page = exporter.begin() + exporter.export(records, of: Document(id: "<doc>", text: text, metadata: [("url", .string("javascript:alert(1)"))]))
            + exporter.end()
        for r in records { XCTAssertTrue(page.contains("data-q=\"\(r.id)\""), r.id) }
        XCTAssertTrue(page.contains("Intro &lt;b&gt;bold&lt;/b&gt; &amp; more."))
        XCTAssertTrue(page.contains("<h2>&lt;doc&gt;</h2>"))
        XCTAssertFalse(page.contains("<b>"))
        XCTAssertFalse(page.contains("<script"))
        XCTAssertFalse(page.contains("href=\"javascript"))
        XCTAssertFalse(page.contains("src="))
        XCTAssertEqual(page.components(separatedBy: "<mark").count, page.components(separatedBy: "</mark>").count)
        XCTAssertEqual(page.components(separatedBy: "<span").count, page.components(separatedBy: "</span>").count)
        // The text survives: the page's text pieces, unescaped, are the document in order.
        XCTAssertTrue(page.contains(">Ann Lee</sup>") || page.contains(">Ann Lee<"))
        XCTAssertTrue(page.hasSuffix("</html>\n"))
    }
}
