/// A word or punctuation token (whitespace is not a token). Offsets are UTF-8 byte offsets into
/// the document; records convert them to code point offsets. Plain data, so that reading one costs
/// no reference counting: its text is in ``AnalyzedText/texts`` and ``AnalyzedText/lowers``.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punctuation }
    /// The punctuation marks the parser tests for, so that a test is a byte comparison.
    enum Mark: UInt8, Sendable { case none, period, comma, hyphen, openParenthesis, closeParenthesis, question, exclamation, semicolon, colon }
    // Stored in 32 bits (a document is limited to less than 2 GiB) and read as Int: a token takes
    // 32 bytes, not 56, which matters when a document has millions of them.
    private var start32: Int32
    private var end32: Int32
    /// 64-bit FNV-1a hash of the lowercase form's UTF-8 bytes (``WordMap/hash(_:)``): word
    /// look-ups start from it.
    var hash: UInt64 = 0
    private var paragraph32: Int32
    private var sentence32: Int32 = 0
    var kind: Kind
    var mark: Mark = .none
    /// Starts with an uppercase letter.
    var isCapitalized: Bool
    var spaceBefore: Bool

    init(start: Int, end: Int, kind: Kind, isCapitalized: Bool, spaceBefore: Bool, paragraph: Int) {
        start32 = Int32(start)
        end32 = Int32(end)
        paragraph32 = Int32(paragraph)
        self.kind = kind
        self.isCapitalized = isCapitalized
        self.spaceBefore = spaceBefore
    }

    var start: Int { Int(start32) }
    var end: Int { Int(end32) }
    var paragraph: Int { Int(paragraph32) }
    var sentence: Int {
        get { Int(sentence32) }
        set { sentence32 = Int32(newValue) }
    }
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
