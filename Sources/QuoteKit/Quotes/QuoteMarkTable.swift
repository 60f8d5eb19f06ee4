/// Quotation marks compiled for a byte scanner.
struct QuoteMarkTable: Sendable {
    struct Mark: Sendable {
        let bytes: [UInt8]
        /// Pairs this mark opens / closes (indices into the pair list).
        var opens: [Int] = []
        var closes: [Int] = []
        /// Also used as an apostrophe: never a mark between two letters.
        var isApostrophe = false
    }

    private(set) var marks: [Mark] = []
    /// For each first byte, the marks starting with it, longest first.
    private(set) var byFirstByte: [[Int]] = Array(repeating: [], count: 256)
    let elisions: Set<String>
    let pairCount: Int
    /// Dashes that open a line of dialogue at the start of a paragraph, as UTF-8.
    let dialogueDashes: [[UInt8]]

    init(pairs: [QuoteMarksRule.Pair], apostrophes: Set<String>, elisions: Set<String>, dialogueDashes: [String] = []) {
        self.elisions = elisions
        self.dialogueDashes = dialogueDashes.map { Array($0.utf8) }.filter { !$0.isEmpty }
        self.pairCount = pairs.count
        var index: [String: Int] = [:]
        func mark(_ s: String) -> Int {
            if let i = index[s] { return i }
            index[s] = marks.count
            marks.append(Mark(bytes: Array(s.utf8), isApostrophe: apostrophes.contains(s)))
            return marks.count - 1
        }
        for (p, pair) in pairs.enumerated() {
            marks[mark(pair.open)].opens.append(p)
            for close in pair.close { marks[mark(close)].closes.append(p) }
        }
        for (i, m) in marks.enumerated() { byFirstByte[Int(m.bytes[0])].append(i) }
        for b in 0..<256 { byFirstByte[b].sort { marks[$0].bytes.count > marks[$1].bytes.count } }
    }

    /// The length of the dialogue dash at byte `i`, or 0.
    func dialogueDash(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int {
        for d in dialogueDashes where i + d.count <= end && (0..<d.count).allSatisfy({ bytes[i + $0] == d[$0] }) { return d.count }
        return 0
    }

    /// The longest mark at byte `i` of `bytes` (not reaching past `end`).
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Int? {
        let candidates = byFirstByte[Int(bytes[i])]
        if candidates.isEmpty { return nil }
        outer: for c in candidates {
            let m = marks[c].bytes
            if i + m.count > end { continue }
            for k in 1..<max(m.count, 1) where bytes[i + k] != m[k] { continue outer }
            return c
        }
        return nil
    }
}
