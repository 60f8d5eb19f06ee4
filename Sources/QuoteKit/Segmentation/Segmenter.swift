/// Splits a document into paragraphs, sentences and word tokens with ICU.
///
/// Paragraphs: when the text has blank lines and is hard-wrapped, blank lines separate paragraphs
/// and single line breaks are soft wraps; otherwise every line is a paragraph. ICU's sentence boundaries are then
/// corrected: no break after an abbreviation from the rules (`Sen.`, `Dr.`), and none before a
/// lowercase word (`"Is it true?" he asked.`).
final class Segmenter {
    private let words: ICUBreaker
    private let sentences: ICUBreaker
    private let abbreviations: Set<String>

    init(locale: String, abbreviations: Set<String>) throws {
        self.words = try ICUBreaker(kind: .word, locale: locale)
        self.sentences = try ICUBreaker(kind: .sentence, locale: locale)
        self.abbreviations = abbreviations
    }

    /// How many punctuation tokens in a row are kept (see ``analyze(_:)``).
    static let maxPunctuationRun = 64

    /// The largest document, in UTF-8 bytes: token offsets are stored in 32 bits.
    static let maxDocumentBytes = Int(Int32.max) - 1

    func analyze(_ text: String) throws -> AnalyzedText {
        guard text.utf8.count <= Self.maxDocumentBytes else {
            throw QuoteKitError.documentTooLarge(bytes: text.utf8.count, limit: Self.maxDocumentBytes)
        }
        let buffer = TextBuffer(text)
        let paragraphs = Self.paragraphs(buffer.bytes)
        // Soft line breaks become spaces for ICU (same length, so offsets hold).
        var flat = buffer.bytes
        for paragraph in paragraphs {
            var i = paragraph.lowerBound
            while i < paragraph.upperBound {
                let length = Self.lineBreak(flat, i)
                if length == 0 { i += 1; continue }
                for k in i..<(i + length) { flat[k] = 0x20 }
                i += length
            }
        }

        var tokens: [Token] = [], texts: [String] = [], lowers: [String] = []
        tokens.reserveCapacity(buffer.count / 5)
        texts.reserveCapacity(buffer.count / 5)
        lowers.reserveCapacity(buffer.count / 5)
        var sentenceRanges: [Range<Int>] = []
        try flat.withUnsafeBufferPointer { bytes in
            // Tokens.
            var start = 0
            var p = 0
            var spaceBefore = true
            // Punctuation tokens since the last word: past a limit no real text reaches, the rest
            // of a run ("!!!!…", a line of ten million quote marks) is not tokenized, which keeps
            // hostile input from costing a token per byte.
            var punctuationRun = 0
            try words.forEachBoundary(in: bytes) { end, status in
                defer { start = end }
                let first = bytes[start]
                if status == 0 && (first == 0x20 || first == 0x09 || first == 0x0A || first == 0x0D
                                   || (first == 0xC2 && bytes[start + 1] == 0xA0) || Self.isSpaceRun(bytes, start, end)) {
                    spaceBefore = true
                    return
                }
                if status == 0 {
                    punctuationRun += 1
                    if punctuationRun > Self.maxPunctuationRun { return }
                } else {
                    punctuationRun = 0
                }
                while p < paragraphs.count && paragraphs[p].upperBound <= start { p += 1 }
                let kind: Token.Kind = status >= 200 ? .word : status >= 100 ? .number : (status == 0 ? .punctuation : .word)
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                // ASCII fast path: the Unicode property look-up is the slow part of tokenizing.
                let capitalized = first < 0x80 ? (first >= 0x41 && first <= 0x5A)
                    : (text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false)
                let (lower, hash) = Self.lowercased(text, bytes, start, end)
                var token = Token(start: start, end: end, kind: kind,
                                  isCapitalized: capitalized, spaceBefore: spaceBefore, paragraph: min(p, max(paragraphs.count - 1, 0)))
                token.hash = hash
                if end - start == 1 { token.mark = Self.mark(first) }
                tokens.append(token)
                texts.append(text)
                lowers.append(lower)
                spaceBefore = false
            }
            // Sentences.
            var sentenceStart = 0
            try sentences.forEachBoundary(in: bytes) { end, _ in
                sentenceRanges.append(sentenceStart..<end)
                sentenceStart = end
            }
        }
        let merged = mergeSentences(sentenceRanges, tokens: tokens, texts: texts, lowers: lowers, bytes: buffer.bytes)
        // Sentence index per token.
        var s = 0
        for i in tokens.indices {
            while s + 1 < merged.count && merged[s].upperBound <= tokens[i].start { s += 1 }
            tokens[i].sentence = s
        }
        return AnalyzedText(buffer: buffer, paragraphs: paragraphs, tokens: tokens, texts: texts, lowers: lowers, sentences: merged)
    }

    private static func isSpaceRun(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0xA0 { i += 2; continue }
            if b == 0xE2 && i + 2 < end && bytes[i + 1] == 0x80
                && (bytes[i + 2] >= 0x80 && bytes[i + 2] <= 0x8B || bytes[i + 2] == 0xAF || bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) { i += 3; continue }
            if b == 0xC2 && i + 1 < end && bytes[i + 1] == 0x85 { i += 2; continue }
            if b == 0xE3 && i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { i += 3; continue }
            return false
        }
        return true
    }

    /// The length of the line break at byte `i` (LF, CR LF, CR, NEL, U+2028, U+2029), or 0.
    @inline(__always)
    static func lineBreak(_ bytes: [UInt8], _ i: Int) -> Int {
        switch bytes[i] {
        case 0x0A: return 1
        case 0x0D: return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
        case 0xE2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// Bytes in a line beyond which a line break is not a hard wrap.
    static let maxWrappedLine = 120

    /// Paragraph byte ranges, trimmed of surrounding whitespace. When the text has a blank line
    /// between two lines of text and its other line breaks wrap lines of at most
    /// ``maxWrappedLine`` bytes, blank lines separate paragraphs; otherwise each line is one.
    static func paragraphs(_ bytes: [UInt8]) -> [Range<Int>] {
        // Lines, and whether each holds anything but spaces.
        var lines: [(range: Range<Int>, blank: Bool)] = []
        var start = 0
        var blank = true
        var i = 0
        let n = bytes.count
        while i < n {
            let length = lineBreak(bytes, i)
            if length > 0 {
                lines.append((start..<i, blank))
                i += length
                start = i
                blank = true
                continue
            }
            let b = bytes[i]
            if b != 0x20 && b != 0x09 && b != 0x0B && b != 0x0C { blank = false }
            i += 1
        }
        lines.append((start..<n, blank))
        var firstText = -1, lastText = -1
        for (k, line) in lines.enumerated() where !line.blank {
            if firstText < 0 { firstText = k }
            lastText = k
        }
        guard firstText >= 0 else { return [] }
        var blankLines = lines[firstText...lastText].contains { $0.blank }
        // Lines followed by another line of text: short ones are a hard-wrapped text's soft
        // wraps; mostly long ones are paragraphs written without a blank line between them.
        if blankLines {
            var wrapped = 0, long = 0
            for k in firstText..<lastText where !lines[k].blank && !lines[k + 1].blank {
                wrapped += 1
                if lines[k].range.count > maxWrappedLine { long += 1 }
            }
            if wrapped > 0 && 2 * long > wrapped { blankLines = false }
        }
        var result: [Range<Int>] = []
        func emit(_ s: Int, _ e: Int) {
            var s = s, e = e
            while s < e, isSpaceByte(bytes[s]) { s += 1 }
            while e > s, isSpaceByte(bytes[e - 1]) { e -= 1 }
            if s < e { result.append(s..<e) }
        }
        if !blankLines {
            for line in lines where !line.blank { emit(line.range.lowerBound, line.range.upperBound) }
            return result
        }
        var paragraphStart: Int?
        var paragraphEnd = 0
        for line in lines {
            if line.blank {
                if let s = paragraphStart { emit(s, paragraphEnd) }
                paragraphStart = nil
            } else {
                if paragraphStart == nil { paragraphStart = line.range.lowerBound }
                paragraphEnd = line.range.upperBound
            }
        }
        if let s = paragraphStart { emit(s, paragraphEnd) }
        return result
    }

    @inline(__always)
    private static func isSpaceByte(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    /// A single capital letter: a name's initial.
    private static func isInitial(_ t: Token, _ text: String) -> Bool {
        t.isWord && t.isCapitalized && text.unicodeScalars.count == 1
    }

    private static func mark(_ byte: UInt8) -> Token.Mark {
        switch byte {
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "("): return .openParenthesis
        case UInt8(ascii: ")"): return .closeParenthesis
        case UInt8(ascii: "?"): return .question
        case UInt8(ascii: "!"): return .exclamation
        case UInt8(ascii: ";"): return .semicolon
        case UInt8(ascii: ":"): return .colon
        default: return .none
        }
    }

    /// `text` (the bytes `start..<end`) in lowercase. ASCII is lowered byte by byte, and a word
    /// already in lowercase is shared: `String.lowercased()` is the slow, general case.
    /// Also returns the lowercase form's ``WordMap/hash(_:)``, computed on the way for ASCII.
    private static func lowercased(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (String, UInt64) {
        var upper = false
        var hash = WordMap<Bool>.emptyHash
        for k in start..<end {
            var b = bytes[k]
            if b >= 0x80 {
                let lower = text.lowercased()
                return (lower, WordMap<Bool>.hash(lower))
            }
            if b >= 0x41 && b <= 0x5A { upper = true; b += 0x20 }
            hash = WordMap<Bool>.hash(hash, adding: b)
        }
        guard upper else { return (text, hash) }
        let lower = String(unsafeUninitializedCapacity: end - start) { out in
            for k in start..<end {
                let b = bytes[k]
                out[k - start] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            }
            return end - start
        }
        return (lower, hash)
    }

    /// Joins ICU sentences split after an abbreviation or before a lowercase continuation.
    private func mergeSentences(_ ranges: [Range<Int>], tokens: [Token], texts: [String], lowers: [String], bytes: [UInt8]) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var t = 0
        for range in ranges {
            guard let last = result.last else { result.append(range); continue }
            // Whitespace between paragraphs is not a sentence of its own.
            if bytes[range].allSatisfy({ Self.isSpaceByte($0) }) {
                result[result.count - 1] = last.lowerBound..<range.upperBound
                continue
            }
            // Last word token of the previous sentence and first token of this one.
            while t < tokens.count && tokens[t].start < range.lowerBound { t += 1 }
            var k = t - 1
            var endsWithPeriod = false
            while k >= 0 && tokens[k].kind == .punctuation && tokens[k].start >= last.lowerBound {
                if tokens[k].mark == .period { endsWithPeriod = true }
                k -= 1
            }
            let previousWord = k >= 0 && tokens[k].start >= last.lowerBound ? tokens[k] : nil
            let sameParagraph = t < tokens.count && previousWord.map { $0.paragraph == tokens[t].paragraph } ?? false
            var merge = false
            if sameParagraph, previousWord != nil, endsWithPeriod, t - k == 2, abbreviations.contains(lowers[k]) {
                merge = true
            }
            // A middle initial: "George W. Bush", "Donald J. Trump". The letter follows a
            // capitalised word (or another initial) and a capitalised word follows it.
            if sameParagraph, let word = previousWord, endsWithPeriod, t - k == 2, t < tokens.count,
               Self.isInitial(word, texts[k]), tokens[t].isWord, tokens[t].isCapitalized,
               k > 0, tokens[k - 1].isCapitalized || tokens[k - 1].mark == .period {
                merge = true
            }
            if sameParagraph, t < tokens.count, tokens[t].isWord, texts[t].startsLowercase {
                merge = true
            }
            if merge {
                result[result.count - 1] = last.lowerBound..<range.upperBound
            } else {
                result.append(range)
            }
        }
        return result
    }
}
