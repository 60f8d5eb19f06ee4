/// The stages of extraction run on their own, for benchmarks (`quotekit bench`): ICU sentence
/// segmentation alone (the floor of this design: extraction segments the same text), ICU word
/// segmentation alone, the quote scan alone (paragraphs and pairing of quotation marks), and the
/// whole segmentation into paragraphs, sentences and tokens; full extraction runs through a
/// ``QuoteExtractor``. Not thread-safe, like an extractor.
public final class ExtractionStages {
    private let sentences: ICUBreaker
    private let words: ICUBreaker
    private let scanner: QuoteScanner
    private let segmenter: Segmenter

    public init(ruleSet: RuleSet = .builtIn, language: String = "en") throws {
        guard ruleSet.languages.contains(language) else {
            throw QuoteKitError.unknownLanguage(language, available: ruleSet.languages)
        }
        let lexicon = Lexicon(ruleSet: ruleSet, language: language)
        sentences = try ICUBreaker(kind: .sentence, locale: language)
        words = try ICUBreaker(kind: .word, locale: language)
        scanner = QuoteScanner(table: lexicon.marks)
        segmenter = try Segmenter(locale: language, abbreviations: lexicon.abbreviations)
    }

    /// The number of ICU sentence boundaries in `text`, read in place as UTF-8.
    public func segmentSentences(_ text: String) throws -> Int { try Self.boundaries(of: text, sentences) }

    /// The number of ICU word boundaries in `text`, read in place as UTF-8.
    public func segmentWords(_ text: String) throws -> Int { try Self.boundaries(of: text, words) }

    /// The number of tokens of `text` once split into paragraphs, sentences and tokens, as
    /// extraction splits it.
    public func segment(_ text: String) throws -> Int {
        try segmenter.analyze(text).tokens.count
    }

    private static func boundaries(of text: String, _ breaker: ICUBreaker) throws -> Int {
        var text = text
        var count = 0
        try text.withUTF8 { bytes in
            try breaker.forEachBoundary(in: bytes) { _, _ in count += 1 }
        }
        return count
    }

    /// The number of quotations found by splitting `text` into paragraphs and pairing its marks.
    public func scanQuotes(_ text: String) -> Int {
        let buffer = TextBuffer(text)
        return scanner.scan(buffer, paragraphs: Segmenter.paragraphs(buffer.bytes)).count
    }

    /// The version of the system ICU.
    public static var icuVersion: String { ICUBreaker.icuVersion }
}
