/// The documents of a corpus with their quote records, indexed by word pairs, so that a
/// claimed quote is looked up instead of searched for document by document: `quotekit verify`.
///
/// Add every document with its records (``add(_:records:)``), then ask ``verify(_:maxCandidates:)``
/// for each claim. Not thread-safe. The index holds the documents' text: its memory grows with
/// the corpus (about 40 bytes per word beside the text).
public final class QuoteIndex {
    private struct Source {
        let id: String
        let bytes: [UInt8]
        let words: WordSequence
        let records: [QuoteRecord]
        /// For each word, the record it lies in, or -1.
        let recordOfWord: [Int32]
        /// Words outside quotes between two quotes of one speaker (`“…,” she said, “…”`): a claim
        /// that joins the two quotes skips them at no cost.
        let bridge: [Bool]
        /// For each record, its first word and one past its last.
        let recordWords: [Range<Int>]
    }

    /// The most candidates ``verify(_:maxCandidates:)`` lists.
    public static let maxCandidatesLimit = 1_000

    /// The most words a claim may have.
    public static let maxClaimWords = 1_000

    /// A claim longer than ``maxClaimWords``.
    public struct ClaimTooLong: Error, Sendable, CustomStringConvertible {
        public var words: Int
        public var description: String { "the claim has \(words) words; at most \(QuoteIndex.maxClaimWords) are verified" }
    }

    public let rule: VerificationRule
    private let changers: Set<UInt64>
    private var sources: [Source] = []
    private var pending: [(key: UInt64, position: UInt64)] = []
    private var keys: [UInt64] = []
    private var positions: [UInt64] = []
    /// A word pair found more often than this is not looked up (unless the claim has no other),
    /// and of the others at most ``maxLookups``, the rarest, are.
    let maxPostings = 5_000
    let maxLookups = 16

    /// Uses the `verification` rule of `language` in `ruleSet`.
    public convenience init(ruleSet: RuleSet = .builtIn, language: String = "en") throws {
        guard ruleSet.languages.contains(language) else {
            throw QuoteKitError.unknownLanguage(language, available: ruleSet.languages)
        }
        var rule = VerificationRule(contextChangers: [])
        for r in ruleSet.rules(for: language) {
            if case .verification(let v) = r.body { rule = v }
        }
        self.init(rule: rule)
    }

    public init(rule: VerificationRule) {
        self.rule = rule
        changers = Set(rule.contextChangers.map(WordSequence.hash(of:)))
    }

    /// The number of documents added.
    public var documentCount: Int { sources.count }

    /// Adds a document and the records extracted from it.
    public func add(_ document: Document, records: [QuoteRecord]) {
        let words = WordSequence(document.text)
        let d = UInt64(sources.count)
        let records = records.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var recordOfWord = [Int32](repeating: -1, count: words.count)
        var recordWords: [Range<Int>] = []
        for (k, r) in records.enumerated() {
            let first = Self.lowerBound(words.scalarStarts, Int32(truncatingIfNeeded: r.start))
            var last = first
            while last < words.count, Int(words.scalarEnds[last]) <= r.end { last += 1 }
            recordWords.append(first..<last)
            for w in first..<last where recordOfWord[w] < 0 { recordOfWord[w] = Int32(k) }
        }
        var bridge = [Bool](repeating: false, count: words.count)
        for k in records.indices.dropLast() {
            let a = recordWords[k], b = recordWords[k + 1]
            guard let s = records[k].speaker, s == records[k + 1].speaker, a.upperBound <= b.lowerBound,
                  b.lowerBound - a.upperBound <= 12 else { continue }
            for w in a.upperBound..<b.lowerBound where recordOfWord[w] < 0 { bridge[w] = true }
        }
        if words.count >= 2 {
            for w in 0..<(words.count - 1) {
                pending.append((pairKey(words.hashes[w], words.hashes[w + 1]), d << 32 | UInt64(w)))
            }
        }
        sources.append(Source(id: document.id, bytes: Array(document.text.utf8), words: words, records: records,
                              recordOfWord: recordOfWord, bridge: bridge, recordWords: recordWords))
    }

    private func finishIndex() {
        guard !pending.isEmpty else { return }
        var all = zip(keys, positions).map { (key: $0, position: $1) }
        all += pending
        pending = []
        all.sort { $0.key < $1.key || $0.key == $1.key && $0.position < $1.position }
        keys = all.map(\.key)
        positions = all.map(\.position)
    }

    private static func lowerBound<T: Comparable>(_ a: [T], _ x: T) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private func postings(_ key: UInt64) -> Range<Int> {
        let lo = Self.lowerBound(keys, key)
        var hi = lo
        while hi < keys.count, keys[hi] == key { hi += 1 }
        return lo..<hi
    }

    /// Where `claim` was said in the documents added: up to `maxCandidates` passages, best first,
    /// and the verdict and flags of the first. Best: the claim's words (`exact` or
    /// `exact-modulo-punctuation`) before an `altered` passage; then a quote of the claimed
    /// speaker, then one without a speaker mismatch, then a quote before narration, then `exact`
    /// before `exact-modulo-punctuation`, then higher similarity, then document order.
    /// - Throws: ``ClaimTooLong`` for a claim of more than ``maxClaimWords`` words (the word
    ///   alignment takes time and memory in the square of a claim's length).
    public func verify(_ claim: Claim, maxCandidates: Int = 5) throws(ClaimTooLong) -> Verification {
        finishIndex()
        let cw = WordSequence(claim.text)
        guard cw.count <= Self.maxClaimWords else { throw ClaimTooLong(words: cw.count) }
        let maxCandidates = min(max(maxCandidates, 1), Self.maxCandidatesLimit)
        let claimBytes = Array(claim.text.utf8)
        var candidates: [Candidate] = []
        for (doc, lo, hi) in regions(cw, claim, limit: max(4 * maxCandidates, 12)) {
            if let c = align(cw, claimBytes, claim, doc: doc, from: lo, to: hi) { candidates.append(c) }
        }
        // The same words (exact or not) before altered ones; then a quote of the claimed speaker,
        // then no speaker mismatch, then a quote before narration, then exact before
        // punctuation-only, then similarity and document order.
        func claimed(_ c: Candidate) -> Bool {
            guard let want = claim.speaker, let speaker = c.speaker else { return false }
            return Self.sameName(want, speaker)
        }
        candidates.sort { a, b in
            let at = a.verdict == .altered, bt = b.verdict == .altered
            if at != bt { return bt }
            if claimed(a) != claimed(b) { return claimed(a) }
            let am = a.flags.contains(.speakerMismatch), bm = b.flags.contains(.speakerMismatch)
            if am != bm { return bm }
            if (a.record == nil) != (b.record == nil) { return a.record != nil }
            if a.verdict != b.verdict { return a.verdict < b.verdict }
            if a.similarity != b.similarity { return a.similarity > b.similarity }
            return (a.sourceIndex, a.start) < (b.sourceIndex, b.start)
        }
        // One passage per place.
        var kept: [Candidate] = []
        for c in candidates where !kept.contains(where: { $0.doc == c.doc && $0.start < c.end && c.start < $0.end }) {
            kept.append(c)
            if kept.count == maxCandidates { break }
        }
        return Verification(claim: claim, verdict: kept.first?.verdict ?? .notFound, flags: kept.first?.flags ?? [], candidates: kept)
    }

    /// Places where the claim's words may be: (source, first word, one past the last word) of
    /// the source windows that share the most word pairs with it (the word itself, for a claim
    /// of one word). A claim with one word changed in every three still shares pairs.
    private func regions(_ cw: WordSequence, _ claim: Claim, limit: Int) -> [(Int, Int, Int)] {
        let m = cw.count
        guard m > 0 else { return [] }
        var votes: [UInt64: Int] = [:]
        if m < 2 {
            for (d, s) in sources.enumerated() where s.words.count >= m {
                for w in 0...(s.words.count - m) where (0..<m).allSatisfy({ s.words.hashes[w + $0] == cw.hashes[$0] }) {
                    votes[UInt64(d) << 32 | UInt64(w), default: 0] += 1
                }
            }
        } else {
            var lists: [(Int, Range<Int>)] = []
            for i in 0...(m - 2) {
                let range = postings(pairKey(cw.hashes[i], cw.hashes[i + 1]))
                if !range.isEmpty { lists.append((i, range)) }
            }
            lists.sort { a, b in a.1.count != b.1.count ? a.1.count < b.1.count : a.0 < b.0 }
            var usable = Array(lists.filter { $0.1.count <= maxPostings }.prefix(maxLookups))
            if usable.isEmpty, let rarest = lists.first { usable = [rarest] }
            for (i, range) in usable {
                for k in range {
                    let p = positions[k]
                    let w = Int(p & 0xFFFF_FFFF)
                    votes[(p & 0xFFFF_FFFF_0000_0000) | UInt64(max(w - i, 0)), default: 0] += 1
                }
            }
        }
        // Diagonals of one document close to each other are one place.
        var groups: [(doc: Int, lo: Int, hi: Int, votes: Int, best: Int, bestVotes: Int)] = []
        for key in votes.keys.sorted() {
            let d = Int(key >> 32), diag = Int(key & 0xFFFF_FFFF), v = votes[key]!
            if let g = groups.last, g.doc == d, diag - g.hi <= m / 2 + 3 {
                groups[groups.count - 1].hi = diag
                groups[groups.count - 1].votes += v
                if v > g.bestVotes { (groups[groups.count - 1].best, groups[groups.count - 1].bestVotes) = (diag, v) }
            } else {
                groups.append((d, diag, diag, v, diag, v))
            }
        }
        // Of places with as many shared pairs, those in a quote of the claimed speaker, then those
        // in any quote, come first: a sentence repeated as narration in many documents does not
        // crowd out the one place where someone says it.
        func rank(_ g: (doc: Int, lo: Int, hi: Int, votes: Int, best: Int, bestVotes: Int)) -> Int {
            let s = sources[g.doc]
            let k = g.best < s.recordOfWord.count ? Int(s.recordOfWord[g.best]) : -1
            guard k >= 0 else { return 2 }
            if let claimed = claim.speaker, let speaker = s.records[k].speaker, Self.sameName(claimed, speaker) { return 0 }
            return 1
        }
        let ranks = groups.map(rank)
        let order = groups.indices.sorted { a, b in
            let x = groups[a], y = groups[b]
            if x.votes != y.votes { return x.votes > y.votes }
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            return (x.doc, x.lo) < (y.doc, y.lo)
        }
        groups = order.map { groups[$0] }
        // The window: the group's diagonals, at most half a claim on each side of its best one
        // (a long chain of diagonals in a repetitive text does not make the alignment quadratic).
        let pad = m / 4 + 3
        return groups.prefix(limit).map { g in
            let lo = max(g.lo, g.best - m / 2), hi = min(g.hi, g.best + m / 2)
            return (g.doc, max(0, lo - pad), min(sources[g.doc].words.count, hi + m + pad))
        }
    }

    private enum Op { case match(Int, Int), change(Int, Int), claimOnly(Int), sourceOnly(Int), bridge(Int) }

    /// Aligns the claim's words with source words `lo..<hi` (free to start and end anywhere in
    /// them) and judges the passage; nil when it shares too few words.
    private func align(_ cw: WordSequence, _ claimBytes: [UInt8], _ claim: Claim, doc: Int, from lo: Int, to hi: Int) -> Candidate? {
        let s = sources[doc]
        let m = cw.count, n = hi - lo
        guard m > 0, n > 0 else { return nil }
        // Semi-global alignment: the whole claim against any stretch of the window, scored +3 a
        // shared word and -1 a changed, added or left-out one (0 for a bridge word), so that a
        // claim starts where its first word is rather than at a cheaper change.
        let width = n + 1
        var score = [Int32](repeating: 0, count: (m + 1) * width)
        for i in 1...m { score[i * width] = -Int32(i) }
        // A claim's word set against a word of narration (outside every quote) is rather a word
        // the claim adds than one it changes.
        @inline(__always) func pair(_ i: Int, _ j: Int) -> Int32 {
            cw.hashes[i - 1] == s.words.hashes[lo + j - 1] ? 3 : s.recordOfWord[lo + j - 1] >= 0 ? -1 : -2
        }
        @inline(__always) func leave(_ j: Int) -> Int32 { s.bridge[lo + j - 1] ? 0 : -1 }
        for i in 1...m {
            for j in 1...n {
                score[i * width + j] = max(score[(i - 1) * width + j - 1] + pair(i, j), score[i * width + j - 1] + leave(j),
                                           score[(i - 1) * width + j] - 1)
            }
        }
        var end = 1
        for j in 1...n where score[m * width + j] > score[m * width + end] { end = j }
        var ops: [Op] = []
        var i = m, j = end
        while i > 0 {
            let here = score[i * width + j]
            if j > 0 {
                if here == score[(i - 1) * width + j - 1] + pair(i, j) {
                    ops.append(pair(i, j) > 0 ? .match(i - 1, lo + j - 1) : .change(i - 1, lo + j - 1))
                    i -= 1; j -= 1
                    continue
                }
                if here == score[i * width + j - 1] + leave(j) {
                    ops.append(s.bridge[lo + j - 1] ? .bridge(lo + j - 1) : .sourceOnly(lo + j - 1))
                    j -= 1
                    continue
                }
            }
            ops.append(.claimOnly(i - 1))
            i -= 1
        }
        ops.reverse()
        var matches = 0, sourceWords: [Int] = []
        var bridged = false
        for op in ops {
            switch op {
            case .match(_, let w): matches += 1; sourceWords.append(w)
            case .change(_, let w), .sourceOnly(let w): sourceWords.append(w)
            case .bridge: bridged = true
            case .claimOnly: break
            }
        }
        guard let firstWord = sourceWords.first, let lastWord = sourceWords.last, matches > 0 else { return nil }
        let similarity = Double(matches) / Double(max(m, sourceWords.count))
        guard similarity >= rule.minSimilarity, matches >= min(m, 2) else { return nil }
        let byteStart = Int(s.words.byteStarts[firstWord]), byteEnd = Int(s.words.byteEnds[lastWord])
        var verdict = Verdict.altered
        if matches == m && sourceWords.count == m {
            verdict = !bridged && Self.isVerbatim(s.bytes, claimBytes, cw, from: byteStart, to: byteEnd)
                ? .exact : .exactModuloPunctuation
        }
        var candidate = Candidate(doc: s.id, start: Int(s.words.scalarStarts[firstWord]), end: Int(s.words.scalarEnds[lastWord]),
                                  text: Self.string(s.bytes, byteStart, byteEnd), verdict: verdict,
                                  similarity: (similarity * 1000).rounded() / 1000, flags: [],
                                  diff: verdict == .altered ? diff(ops, cw, claimBytes, s) : [])
        candidate.sourceIndex = doc
        // The quote the passage lies in: the record of most of its words.
        var count: [Int32: Int] = [:]
        for w in sourceWords where s.recordOfWord[w] >= 0 { count[s.recordOfWord[w], default: 0] += 1 }
        guard let (k, inQuote) = count.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }),
              2 * inQuote >= sourceWords.count else {
            candidate.flags.append(.notAQuote)
            return candidate
        }
        let record = s.records[Int(k)]
        candidate.record = record
        if let claimed = claim.speaker, !claimed.isEmpty, let speaker = record.speaker, !Self.sameName(claimed, speaker) {
            candidate.flags.append(.speakerMismatch)
        }
        // The whole quote: this record, joined to the ones the passage reaches through bridges.
        let firstRecord = Int(s.recordOfWord[firstWord] >= 0 ? s.recordOfWord[firstWord] : k)
        let lastRecord = Int(s.recordOfWord[lastWord] >= 0 ? s.recordOfWord[lastWord] : k)
        let quoteWords = s.recordWords[min(firstRecord, lastRecord)].lowerBound..<s.recordWords[max(firstRecord, lastRecord)].upperBound
        let before = max(0, firstWord - quoteWords.lowerBound), after = max(0, quoteWords.upperBound - 1 - lastWord)
        let window = rule.changerWindow
        // (A passage may reach outside its quote: these ranges stay inside it.)
        let left = max(quoteWords.lowerBound, firstWord - window)..<max(quoteWords.lowerBound, firstWord)
        let right = min(lastWord + 1, quoteWords.upperBound)..<min(quoteWords.upperBound, lastWord + 1 + window)
        let changed = left.contains(where: { !s.bridge[$0] && changers.contains(s.words.hashes[$0]) })
            || right.contains(where: { !s.bridge[$0] && changers.contains(s.words.hashes[$0]) })
        // A fragment leaves out several of the quote's words, or fewer that change it ("not").
        if before + after >= rule.minOmittedWords || changed {
            if changed { candidate.flags.append(.outOfContext) }
            candidate.flags.append(.fragment)
            let a = s.records[min(firstRecord, lastRecord)], b = s.records[max(firstRecord, lastRecord)]
            candidate.fullQuote = TextSpan(start: a.start, end: b.end, text: firstRecord == lastRecord ? a.text
                                           : Self.string(s.bytes, byteOffset(s, scalar: a.start), byteOffset(s, scalar: b.end)))
            if !left.isEmpty {
                candidate.omittedBefore = Self.string(s.bytes, Int(s.words.byteStarts[quoteWords.lowerBound]), Int(s.words.byteEnds[firstWord - 1]))
            }
            if !right.isEmpty {
                candidate.omittedAfter = Self.string(s.bytes, Int(s.words.byteStarts[lastWord + 1]), Int(s.words.byteEnds[quoteWords.upperBound - 1]))
            }
        }
        return candidate
    }

    /// Runs of differences between the claim and the source, in order.
    private func diff(_ ops: [Op], _ cw: WordSequence, _ claimBytes: [UInt8], _ s: Source) -> [WordEdit] {
        var edits: [WordEdit] = []
        var claimRun: [Int] = [], sourceRun: [Int] = []
        var lastSourceEnd: Int? = nil
        let passageStart = ops.lazy.compactMap { op -> Int? in
            switch op {
            case .match(_, let w), .change(_, let w), .sourceOnly(let w): return Int(s.words.scalarStarts[w])
            default: return nil
            }
        }.first ?? 0
        func flush() {
            guard !claimRun.isEmpty || !sourceRun.isEmpty else { return }
            let kind: WordEdit.Kind = claimRun.isEmpty ? .removed : sourceRun.isEmpty ? .added : .changed
            let claimText = claimRun.isEmpty ? "" : Self.string(claimBytes, Int(cw.byteStarts[claimRun.first!]), Int(cw.byteEnds[claimRun.last!]))
            let sourceText = sourceRun.isEmpty ? "" : Self.string(s.bytes, Int(s.words.byteStarts[sourceRun.first!]), Int(s.words.byteEnds[sourceRun.last!]))
            // Words added before the first word of the passage go at its start.
            let start = sourceRun.first.map { Int(s.words.scalarStarts[$0]) } ?? lastSourceEnd ?? passageStart
            let end = sourceRun.last.map { Int(s.words.scalarEnds[$0]) } ?? lastSourceEnd ?? passageStart
            edits.append(WordEdit(kind: kind, source: sourceText, claim: claimText, start: start, end: end))
            claimRun = []
            sourceRun = []
        }
        for op in ops {
            switch op {
            case .match(_, let w):
                flush()
                lastSourceEnd = Int(s.words.scalarEnds[w])
            case .change(let c, let w):
                claimRun.append(c)
                sourceRun.append(w)
            case .claimOnly(let c): claimRun.append(c)
            case .sourceOnly(let w): sourceRun.append(w)
            case .bridge: break
            }
        }
        flush()
        return edits
    }

    private static func string(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The claim without the spaces and quotation marks around it.
    static func core(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let marks: [[UInt8]] = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", " ", "\t", "\n", "\r", "\u{A0}"].map { Array($0.utf8) }
        var lo = 0, hi = bytes.count
        var changed = true
        while changed {
            changed = false
            for mark in marks {
                if hi - lo >= mark.count, bytes[lo..<(lo + mark.count)].elementsEqual(mark) { lo += mark.count; changed = true }
                if hi - lo >= mark.count, bytes[(hi - mark.count)..<hi].elementsEqual(mark) { hi -= mark.count; changed = true }
            }
        }
        return bytes[lo..<hi]
    }

    /// Whether the claim, without the spaces and quotation marks around it, is the source's text
    /// from its first word (`from`) to its last (`to`), with the same punctuation before and after.
    static func isVerbatim(_ source: [UInt8], _ claim: [UInt8], _ cw: WordSequence, from: Int, to: Int) -> Bool {
        let core = Self.core(claim)
        guard cw.count > 0, !core.isEmpty else { return false }
        let before = Int(cw.byteStarts[0]) - core.startIndex, after = core.endIndex - Int(cw.byteEnds[cw.count - 1])
        guard before >= 0, after >= 0, from - before >= 0, to + after <= source.count else { return false }
        return source[(from - before)..<(to + after)].elementsEqual(core)
    }

    /// The UTF-8 offset of code point offset `scalar` in a source.
    private func byteOffset(_ s: Source, scalar: Int) -> Int {
        var w = Self.lowerBound(s.words.scalarStarts, Int32(truncatingIfNeeded: scalar + 1)) - 1
        var byte = 0, at = 0
        if w >= 0 { byte = Int(s.words.byteStarts[w]); at = Int(s.words.scalarStarts[w]) } else { w = 0 }
        while at < scalar, byte < s.bytes.count {
            byte += 1
            while byte < s.bytes.count, s.bytes[byte] & 0xC0 == 0x80 { byte += 1 }
            at += 1
        }
        return byte
    }

    /// Whether two names can be one person's: the same last word ("Trump", "Donald Trump",
    /// "President Trump"), or every word of one among the other's.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        let x = WordSequence(a).hashes, y = WordSequence(b).hashes
        guard let lx = x.last, let ly = y.last else { return true }
        if lx == ly { return true }
        return Set(x).isSubset(of: Set(y)) || Set(y).isSubset(of: Set(x))
    }
}
