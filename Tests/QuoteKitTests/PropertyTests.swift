import QuoteKit
import XCTest

/// Properties that hold for every document, checked on 1,200 generated ones: quotes in several
/// mark styles, nested and unclosed marks, names, pronouns and cues, line-break styles, emoji,
/// combining accents and other multi-byte text.
final class PropertyTests: XCTestCase {
    /// SplitMix64: the same documents on every run and machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    static let words = ["the", "plan", "will", "work", "we", "never", "said", "that", "vote", "city", "café", "naïve",
                        "résumé", "😀", "e\u{301}te\u{301}", "日本", "a", "of", "and", "it's", "rock'n'roll", "'90s", "x=1"]
    static let names = ["Ann Lee", "Bo Diaz", "Mr. Darcy", "Dr. Ruth Ames", "Elizabeth", "Jean-Luc", "O'Neil"]
    static let cues = ["said", "wrote", "asked", "cried", "told reporters", "added"]
    static let marks: [(String, String)] = [("\"", "\""), ("“", "”"), ("‘", "’"), ("«", "»"), ("'", "'"), ("„", "“"), ("''", "''")]
    static let breaks = ["\n\n", "\r\n\r\n", "\r\r", "\n", " "]

    static func document(_ g: inout Generator) -> String {
        var text = ""
        for _ in 0..<(1 + g.next() % 8) {
            var sentence = (0..<(2 + g.next() % 10)).map { _ in g.pick(words) }.joined(separator: " ")
            let (open, close) = g.pick(marks)
            switch g.next() % 6 {
            case 0: sentence = "\(open)\(sentence),\(close) \(g.pick(names)) \(g.pick(cues))."
            case 1: sentence = "\(g.pick(names)) \(g.pick(cues)), \(open)\(sentence).\(close)"
            case 2: sentence = "\(open)\(sentence)"  // unclosed
            case 3: sentence = "\(open)\(sentence) \(open)nested\(close) more\(close) she \(g.pick(cues))."
            case 4: sentence = "\(g.pick(names)) called it \(open)\(sentence)\(close)."
            default: sentence += "."
            }
            text += sentence + g.pick(breaks)
        }
        return text
    }

    func testRecordsAreSlicesInOrderAndDeterministic() throws {
        var g = Generator(state: 42)
        let extractor = try QuoteExtractor()
        let other = try QuoteExtractor()
        var quotes = 0
        for n in 0..<1_200 {
            let text = Self.document(&g)
            let records = try extractor.extract(text: text, documentID: "d\(n)")
            let scalars = Array(text.unicodeScalars)
            var previousStart = -1
            for r in records {
                XCTAssertTrue(0 <= r.start && r.start < r.end && r.end <= scalars.count, "d\(n): offsets out of bounds")
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[r.start..<r.end])), r.text, "d\(n)")
                XCTAssertGreaterThan(r.start, previousStart, "d\(n): records out of order")
                previousStart = r.start
                for span in [r.speakerMention, r.cue].compactMap({ $0 }) {
                    XCTAssertTrue(0 <= span.start && span.start < span.end && span.end <= scalars.count, "d\(n)")
                    XCTAssertEqual(String(String.UnicodeScalarView(scalars[span.start..<span.end])), span.text, "d\(n)")
                }
                XCTAssertTrue((0...1).contains(r.confidence))
            }
            // The same document gives the same records, from the same extractor or another one.
            XCTAssertEqual(try extractor.extract(text: text, documentID: "d\(n)"), records, "d\(n)")
            XCTAssertEqual(try other.extract(text: text, documentID: "d\(n)"), records, "d\(n)")
            quotes += records.count
        }
        XCTAssertGreaterThan(quotes, 2_000)
    }

    func testAPrefixShiftsEveryOffsetAndChangesNothingElse() throws {
        var g = Generator(state: 7)
        let extractor = try QuoteExtractor()
        for n in 0..<1_000 {
            let text = Self.document(&g)
            // A paragraph of lowercase words (no name, no mark) with multi-byte characters, set off
            // as the document sets off its paragraphs (a blank line makes a text's single line
            // breaks soft wraps, so it would change the document's layout).
            var body = Substring(text)
            while let last = body.unicodeScalars.last, last == "\n" || last == "\r" || last == " " { body = body.dropLast() }
            let blank = ["\r\n\r\n", "\n\n", "\r\r"].first { body.contains($0) }
            let prefix = (0..<(1 + g.next() % 12)).map { _ in g.pick(["la", "vie", "café", "😀", "über", "and", "so"]) }.joined(separator: " ")
                + "." + (blank ?? (body.contains("\r\n") ? "\r\n" : body.contains("\r") ? "\r" : "\n"))
            let shift = prefix.unicodeScalars.count
            let plain = try extractor.extract(text: text, documentID: "d")
            let shifted = try extractor.extract(text: prefix + text, documentID: "d")
            XCTAssertEqual(shifted.count, plain.count, "d\(n)")
            for (a, b) in zip(plain, shifted) {
                XCTAssertEqual([b.start, b.end], [a.start + shift, a.end + shift], "d\(n)")
                XCTAssertEqual(b.speakerMention.map { [$0.start, $0.end] }, a.speakerMention.map { [$0.start + shift, $0.end + shift] }, "d\(n)")
                XCTAssertEqual(b.cue.map { [$0.start, $0.end] }, a.cue.map { [$0.start + shift, $0.end + shift] }, "d\(n)")
                XCTAssertEqual([b.text, b.speaker, b.kind.rawValue, b.rule], [a.text, a.speaker, a.kind.rawValue, a.rule], "d\(n)")
                XCTAssertEqual(b.confidence, a.confidence, "d\(n)")
            }
        }
    }

    func testAStreamGivesWhatItsDocumentsGiveOneByOne() throws {
        var g = Generator(state: 99)
        let documents = (0..<300).map { Document(id: "s\($0)", text: Self.document(&g)) }
        let stream = try QuoteExtractor()
        let together = try documents.flatMap { try stream.extract($0) }
        let alone = try documents.flatMap { try QuoteExtractor().extract($0) }
        XCTAssertEqual(together, alone)
    }
}
