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
        var h = emptyHash
        for byte in word.utf8 { h = hash(h, adding: byte) }
        return h
    }

    /// The hash of no bytes, and one byte more (for a caller that walks the bytes itself).
    static var emptyHash: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inline(__always)
    static func hash(_ h: UInt64, adding byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

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

/// A set of word hashes (``WordMap/hash(_:)``), which are already well mixed: open addressing on
/// their low bits, without hashing them again as `Set<UInt64>` does.
struct HashSet64 {
    private var slots: [UInt64]
    private var used: [Bool]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        mask = size - 1
    }

    func contains(_ value: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: value) & mask
        while used[i] {
            if slots[i] == value { return true }
            i = (i + 1) & mask
        }
        return false
    }

    mutating func insert(_ value: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        var i = Int(truncatingIfNeeded: value) & mask
        while used[i] {
            if slots[i] == value { return }
            i = (i + 1) & mask
        }
        slots[i] = value
        used[i] = true
        count += 1
    }

    private mutating func grow() {
        let old = zip(slots, used).filter(\.1).map(\.0)
        slots = Array(repeating: 0, count: slots.count * 2)
        used = Array(repeating: false, count: slots.count)
        mask = slots.count - 1
        count = 0
        for value in old { insert(value) }
    }
}
