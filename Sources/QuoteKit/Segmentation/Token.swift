/// A word or punctuation token (whitespace is not a token). Offsets are UTF-8 byte offsets into
/// the document; records convert them to code point offsets. Plain data, so that reading one costs
/// no reference counting: its text is in ``AnalyzedText/texts`` and ``AnalyzedText/lowers``.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }
    /// The punctuation marks the parser tests for, so that a test is a byte comparison.
    enum Mark: UInt8, Sendable { case none, period, comma, hyphen, openParenthesis, closeParenthesis, question, exclamation, semicolon, colon }
    var start: Int
    var end: Int
    var kind: Kind
    var mark: Mark = .none
    /// 64-bit FNV-1a hash of the lowercase form's UTF-8 bytes (``WordMap/hash(_:)``): word
    /// look-ups start from it.
    var hash: UInt64 = 0
    /// Starts with an uppercase letter.
    var isCapitalized: Bool
    var spaceBefore: Bool
    var paragraph: Int
    var sentence: Int = 0

    var isWord: Bool { kind != .punctuation }
}

/// A document split into paragraphs, sentences and tokens.
struct AnalyzedText: Sendable {
    let buffer: TextBuffer
    /// Paragraphs as byte ranges, without their line breaks and surrounding spaces; empty ones are skipped.
    let paragraphs: [Range<Int>]
    let tokens: [Token]
    /// Each token's text as written, and in lowercase.
    let texts: [String]
    let lowers: [String]
    /// Byte ranges of sentences (as corrected by the abbreviation rules), in order.
    let sentences: [Range<Int>]

    /// Index of the first token starting at or after `byte`.
    func tokenIndex(atOrAfter byte: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start < byte { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
