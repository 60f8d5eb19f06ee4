/// A text read as the words verification compares: runs of letters and digits, lowercased, an
/// apostrophe inside a word dropped ("Don’t" and "don't" are `dont`), everything else (spaces,
/// punctuation, quotation marks, case) ignored. Each word keeps its place in the text, as UTF-8
/// byte offsets and as code point offsets.
struct WordSequence: Sendable {
    /// 64-bit FNV-1a hash of each word's normalized form.
    var hashes: [UInt64] = []
    var byteStarts: [Int32] = []
    var byteEnds: [Int32] = []
    var scalarStarts: [Int32] = []
    var scalarEnds: [Int32] = []

    var count: Int { hashes.count }

    static let emptyHash: UInt64 = 0xcbf29ce484222325

    init() {}

    init(_ text: String) {
        var hash = Self.emptyHash
        var inWord = false
        var byte = 0, scalar = 0
        var wordByteStart = 0, wordScalarStart = 0, lastByteEnd = 0, lastScalarEnd = 0
        func finish() {
            hashes.append(hash)
            byteStarts.append(Int32(truncatingIfNeeded: wordByteStart))
            byteEnds.append(Int32(truncatingIfNeeded: lastByteEnd))
            scalarStarts.append(Int32(truncatingIfNeeded: wordScalarStart))
            scalarEnds.append(Int32(truncatingIfNeeded: lastScalarEnd))
            hash = Self.emptyHash
            inWord = false
        }
        var pendingApostrophe = false
        for s in text.unicodeScalars {
            let length = UTF8.width(s)
            defer { byte += length; scalar += 1 }
            let v = s.value
            let isWordScalar: Bool
            if v < 0x80 {
                isWordScalar = (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || (v >= 0x30 && v <= 0x39)
            } else {
                // A combining mark belongs to the letter before it (a decomposed "é").
                let category = s.properties.generalCategory
                isWordScalar = s.properties.isAlphabetic || s.properties.numericType != nil
                    || inWord && (category == .nonspacingMark || category == .spacingMark || category == .enclosingMark)
            }
            if isWordScalar {
                if !inWord {
                    inWord = true
                    wordByteStart = byte
                    wordScalarStart = scalar
                }
                pendingApostrophe = false
                if v < 0x80 {
                    let lower = UInt8(v) | (v >= 0x41 && v <= 0x5A ? 0x20 : 0)
                    hash = (hash ^ UInt64(lower)) &* 0x100000001b3
                } else {
                    for b in s.properties.lowercaseMapping.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
                }
                lastByteEnd = byte + length
                lastScalarEnd = scalar + 1
            } else if inWord, !pendingApostrophe, v == 0x27 || v == 0x2019 || v == 0x2BC {
                // An apostrophe continues the word if a letter follows it ("don't"); a word
                // ending in one ("the Joneses'") ends before it.
                pendingApostrophe = true
            } else if inWord {
                pendingApostrophe = false
                finish()
            }
        }
        if inWord { finish() }
    }

    /// The hash of one word as ``init(_:)`` normalizes it (the first word of `word`).
    static func hash(of word: String) -> UInt64 {
        WordSequence(word).hashes.first ?? emptyHash
    }
}

/// Two consecutive word hashes in one 64-bit key.
@inline(__always)
func pairKey(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var h = a &* 0x9E3779B97F4A7C15
    h = (h ^ (h >> 29) ^ b) &* 0xBF58476D1CE4E5B9
    return h ^ (h >> 32)
}
