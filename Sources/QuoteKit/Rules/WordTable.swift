/// A read-only table from words to values, for the lexicon's look-ups, which run several times
/// per token. Open addressing on a 64-bit FNV-1a hash of the word's UTF-8 bytes: about twice as
/// fast as `Dictionary<String, Value>` on short words, whose cost is mostly the seeded hash; and a
/// token carries its word's hash (``Token/hash``), so that its look-ups only compare.
///
/// Words are hashed as their bytes are, without Unicode normalisation: a decomposed "é" does not
/// find a composed one. The rules' words and the lowercased tokens they are looked up with are
/// both as the text writes them.
struct WordMap<Value: Sendable>: Sendable {
    private var keys: [String?]
    private var hashes: [UInt64]
    private var values: [Value?]
    private let mask: Int
    let count: Int

    init(_ entries: [String: Value]) {
        var size = 16
        // At most a third full: a miss (the common case) ends at the first empty slot.
        while size < entries.count * 3 { size *= 2 }
        keys = Array(repeating: nil, count: size)
        hashes = Array(repeating: 0, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        count = entries.count
        for (word, value) in entries {
            let h = Self.hash(word)
            var i = Int(truncatingIfNeeded: h) & mask
            while keys[i] != nil { i = (i + 1) & mask }
            keys[i] = word
            hashes[i] = h
            values[i] = value
        }
    }

    @inline(__always)
    static func hash(_ word: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return h
    }

    @inline(__always)
    private func slot(_ word: String, hash h: UInt64) -> Int? {
        var i = Int(truncatingIfNeeded: h) & mask
        while let key = keys[i] {
            if hashes[i] == h && key == word { return i }
            i = (i + 1) & mask
        }
        return nil
    }

    subscript(_ word: String) -> Value? {
        slot(word, hash: Self.hash(word)).flatMap { values[$0] }
    }

    /// The value of a word whose ``hash(_:)`` is known.
    subscript(_ word: String, hash hash: UInt64) -> Value? {
        slot(word, hash: hash).flatMap { values[$0] }
    }

    func contains(_ word: String) -> Bool { slot(word, hash: Self.hash(word)) != nil }
}

/// A read-only set of words, with ``WordMap``'s look-up.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let map: WordMap<Bool>

    init<S: Sequence>(_ words: S) where S.Element == String {
        map = WordMap(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    init(arrayLiteral words: String...) { self.init(words) }

    var count: Int { map.count }

    func contains(_ word: String) -> Bool { map.contains(word) }

    /// Whether the set holds a word whose ``WordMap/hash(_:)`` is known.
    func contains(_ word: String, hash: UInt64) -> Bool { map[word, hash: hash] != nil }
}
