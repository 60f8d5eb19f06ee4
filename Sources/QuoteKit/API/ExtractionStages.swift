/// The stages of extraction run on their own, for benchmarks (`quotekit bench`): ICU sentence
/// segmentation alone (the floor of this design: extraction segments the same text), the quote
/// scan alone (paragraphs and pairing of quotation marks), and everything else through a
/// ``QuoteExtractor``. Not thread-safe, like an extractor.
public final class ExtractionStages {
    private let sentences: ICUBreaker
    private let scanner: QuoteScanner

    public init(ruleSet: RuleSet = .builtIn, language: String = "en") throws {
        guard ruleSet.languages.contains(language) else {
            throw QuoteKitError.unknownLanguage(language, available: ruleSet.languages)
        }
        sentences = try ICUBreaker(kind: .sentence, locale: language)
        scanner = QuoteScanner(table: Lexicon(ruleSet: ruleSet, language: language).marks)
    }

    /// The number of ICU sentence boundaries in `text`, read in place as UTF-8.
    public func segmentSentences(_ text: String) throws -> Int {
        var text = text
        var count = 0
        try text.withUTF8 { bytes in
            try sentences.forEachBoundary(in: bytes) { _, _ in count += 1 }
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
