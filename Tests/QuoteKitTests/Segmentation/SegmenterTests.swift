@testable import QuoteKit
import XCTest

/// ICU behaviour that attribution relies on, pinned here once.
final class SegmenterTests: XCTestCase {
    private func segmenter() throws -> Segmenter {
        try Segmenter(locale: "en", abbreviations: ["sen", "dr", "mr"])
    }

    private func sentences(_ text: String) throws -> [String] {
        let a = try segmenter().analyze(text)
        return a.sentences.map { a.buffer.string($0.lowerBound, $0.upperBound).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    func testParagraphsByBlankLinesOrByLines() {
        let blank = Array("One line\nwrapped here.\n\n  Second.\n".utf8)
        XCTAssertEqual(Segmenter.paragraphs(blank).map { String(decoding: blank[$0], as: UTF8.self) }, ["One line\nwrapped here.", "Second."])
        let lines = Array("First.\nSecond.\r\nThird.".utf8)
        XCTAssertEqual(Segmenter.paragraphs(lines).map { String(decoding: lines[$0], as: UTF8.self) }, ["First.", "Second.", "Third."])
        XCTAssertEqual(Segmenter.paragraphs(Array(" \n\t\n".utf8)), [])
    }

    func testLongLinesAreParagraphsEvenWhenTheTextHasBlankLines() {
        let long = String(repeating: "word ", count: 30)
        let text = Array("Title\n\n\(long)one.\n\(long)two.\n\(long)three.".utf8)
        XCTAssertEqual(Segmenter.paragraphs(text).count, 4)
    }

    func testMiddleInitialsDoNotEndASentence() throws {
        XCTAssertEqual(try sentences("He backed Donald J. Trump early. Take vitamin C. Then rest."),
                       ["He backed Donald J. Trump early.", "Take vitamin C.", "Then rest."])
    }

    func testAbbreviationsFromTheRulesDoNotEndASentence() throws {
        XCTAssertEqual(try sentences("Sen. Warren spoke. Dr. Lee left."), ["Sen. Warren spoke.", "Dr. Lee left."])
    }

    func testALowercaseWordAfterAQuoteContinuesTheSentence() throws {
        XCTAssertEqual(try sentences("\"Is it true?\" he asked. She nodded."), ["\"Is it true?\" he asked.", "She nodded."])
    }

    func testSoftLineBreaksDoNotEndSentences() throws {
        XCTAssertEqual(try sentences("The rain had not\nstopped at all.\n\nNext."), ["The rain had not\nstopped at all.", "Next."])
    }

    func testTokensSkipSpacesAndKnowTheirParagraph() throws {
        let a = try segmenter().analyze("Ann said, “Go.”\n\nThen she left.")
        XCTAssertEqual(a.texts, ["Ann", "said", ",", "“", "Go", ".", "”", "Then", "she", "left", "."])
        XCTAssertEqual(a.lowers, ["ann", "said", ",", "“", "go", ".", "”", "then", "she", "left", "."])
        XCTAssertEqual(a.tokens.map(\.paragraph), [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1])
        XCTAssertEqual(a.texts.firstIndex(of: "Go").map { a.tokens[$0].spaceBefore }, false)
    }

    func testAClonedBreakerFindsTheSameBoundaries() throws {
        let breaker = try ICUBreaker(kind: .word, locale: "en")
        let clone = try breaker.clone()
        let bytes = Array("Zoë’s café, 2 times.".utf8)
        var a: [Int] = [], b: [Int] = []
        try bytes.withUnsafeBufferPointer { buffer in
            try breaker.forEachBoundary(in: buffer) { offset, _ in a.append(offset) }
            try clone.forEachBoundary(in: buffer) { offset, _ in b.append(offset) }
        }
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.last, bytes.count)
    }
}
