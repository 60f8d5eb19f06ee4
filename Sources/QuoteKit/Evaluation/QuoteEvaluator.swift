/// Scores extracted quote records against gold annotations the way the evaluation harness
/// documents it: spans trimmed to their first and last letter or digit; exact and lenient
/// (word Jaccard ≥ 0.5, one to one, best pairs first) detection; speakers right by mention
/// overlap (news) or by character name and alias (novels); end-to-end attribution; and, for
/// each rule, how many quotes it attributed and how many of those were right.
public struct QuoteEvaluator {
    /// Precision, recall and F1 counts.
    public struct Score: Sendable, Equatable {
        public var truePositives = 0, predicted = 0, gold = 0
        public init(truePositives: Int = 0, predicted: Int = 0, gold: Int = 0) {
            self.truePositives = truePositives
            self.predicted = predicted
            self.gold = gold
        }
        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// The results for one corpus (`source`).
    public struct Corpus: Sendable {
        public var documents = 0
        public var exact = Score(), lenient = Score(), endToEnd = Score()
        public var speakerRight = 0, speakerJudged = 0
        /// Predictions matching a quoted span the gold says is not a quotation.
        public var nonquotes = 0
        public var speakerAccuracy: Double { speakerJudged == 0 ? 0 : Double(speakerRight) / Double(speakerJudged) }
    }

    /// What one rule did.
    public struct RuleStats: Sendable {
        /// Quotes the rule produced.
        public var quotes = 0
        /// Of those, quotes with a speaker (or a speaker mention).
        public var attributed = 0
        /// Of those, quotes that match a gold quote whose speaker they give rightly.
        public var right = 0
        public var precision: Double { attributed == 0 ? 0 : Double(right) / Double(attributed) }
    }

    public private(set) var corpora: [String: Corpus] = [:]
    public private(set) var rules: [String: RuleStats] = [:]
    /// Title words (lowercase, no period) stripped from names before comparing them.
    let titles: Set<String>

    /// `titles`: words such as "mr" and "doctor" that are left out when names are compared.
    public init(titles: Set<String>) {
        self.titles = titles
    }

    /// An evaluator whose title words are those of `ruleSet`'s `language` rules.
    public init(ruleSet: RuleSet = .builtIn, language: String = "en") {
        var words: Set<String> = []
        for rule in ruleSet.rules(for: language) {
            if case .titles(let t) = rule.body { for entry in t.titles { words.insert(Self.normalizedName(entry.title)) } }
        }
        self.init(titles: words)
    }

    /// Scores the records extracted from one gold document.
    public mutating func add(_ gold: GoldDocument, _ records: [QuoteRecord]) {
        let text = TextIndex(gold.text)
        var corpus = corpora[gold.source] ?? Corpus()
        corpus.documents += 1
        let goldQuotes = gold.quotes.compactMap { q in text.trimmed(q.span).map { ($0, q) } }
        let predicted = records.compactMap { r in text.trimmed(GoldDocument.Span(start: r.start, end: r.end)).map { ($0, r) } }
        let goldSpans = goldQuotes.map(\.0), predictedSpans = predicted.map(\.0)
        corpus.exact.gold += goldSpans.count
        corpus.exact.predicted += predictedSpans.count
        corpus.lenient.gold += goldSpans.count
        corpus.lenient.predicted += predictedSpans.count
        corpus.exact.truePositives += Self.exactMatches(goldSpans, predictedSpans)
        let matches = text.lenientMatches(goldSpans, predictedSpans)
        corpus.lenient.truePositives += matches.count
        let nonquotes = gold.nonquotes.compactMap(text.trimmed)
        if !nonquotes.isEmpty { corpus.nonquotes += text.lenientMatches(nonquotes, predictedSpans).count }

        let table = CharacterTable(gold.characters, evaluator: self)
        var matchedToUnattributed = 0
        var right = Set<Int>()
        for (p, g) in matches {
            let quote = goldQuotes[g].1
            guard quote.hasSpeaker else { matchedToUnattributed += 1; continue }
            corpus.speakerJudged += 1
            if speakerIsRight(quote, predicted[p].1, table) {
                corpus.speakerRight += 1
                right.insert(p)
            }
        }
        corpus.endToEnd.truePositives += right.count
        corpus.endToEnd.predicted += predicted.count - matchedToUnattributed
        corpus.endToEnd.gold += goldQuotes.filter { $0.1.hasSpeaker }.count
        corpora[gold.source] = corpus

        for (p, (_, record)) in predicted.enumerated() {
            var stats = rules[record.rule] ?? RuleStats()
            stats.quotes += 1
            if record.speaker != nil || record.speakerMention != nil { stats.attributed += 1 }
            if right.contains(p) { stats.right += 1 }
            rules[record.rule] = stats
        }
    }

    static func exactMatches(_ gold: [GoldDocument.Span], _ predicted: [GoldDocument.Span]) -> Int {
        var available: [Int: [Int: Int]] = [:]
        for g in gold { available[g.start, default: [:]][g.end, default: 0] += 1 }
        var n = 0
        for p in predicted where (available[p.start]?[p.end] ?? 0) > 0 {
            available[p.start]![p.end]! -= 1
            n += 1
        }
        return n
    }

    // MARK: Speakers

    private func speakerIsRight(_ quote: GoldDocument.Quote, _ record: QuoteRecord, _ table: CharacterTable) -> Bool {
        let name = record.speaker ?? record.speakerMention?.text
        if let gold = quote.mention {
            // News: the predicted mention overlaps the annotated one; without offsets, the names.
            if let m = record.speakerMention, m.start < gold.end, gold.start < m.end { return true }
            if record.speakerMention != nil { return false }
            return containsAsWords(name, quote.mentionText)
        }
        // Novels: the character, by name or alias.
        return table.matches(name, speaker: quote.speaker, aliases: quote.aliases)
    }

    private func containsAsWords(_ a: String?, _ b: String?) -> Bool {
        let x = Self.normalizedName(a ?? "").split(separator: " "), y = Self.normalizedName(b ?? "").split(separator: " ")
        guard !x.isEmpty, !y.isEmpty else { return false }
        func contains(_ big: [Substring], _ small: [Substring]) -> Bool {
            big.count >= small.count && (0...(big.count - small.count)).contains { Array(big[$0..<($0 + small.count)]) == small }
        }
        return contains(x, y) || contains(y, x)
    }

    /// A name for comparison: compatibility-folded to lowercase, straight apostrophes, no periods
    /// and no possessive 's, other punctuation as spaces, and no leading "the".
    static func normalizedName(_ s: String) -> String {
        var out = ""
        var lastSpace = true
        let folded = s.lowercased()
        var scalars = Array(folded.unicodeScalars)
        // A possessive 's at the end of a word.
        var k = 0
        while k + 1 < scalars.count {
            if (scalars[k] == "'" || scalars[k] == "’"), scalars[k + 1] == "s", k + 2 == scalars.count || !Self.isWord(scalars[k + 2]) {
                scalars.removeSubrange(k...(k + 1))
                continue
            }
            k += 1
        }
        for c in scalars {
            if c == "." { continue }
            let keep = Self.isWord(c) || c == "'" || c == "-" || c == "‘" || c == "’" || c == "`"
            if keep {
                out.unicodeScalars.append(c == "‘" || c == "’" || c == "`" ? "'" : c)
                lastSpace = false
            } else if !lastSpace {
                out.append(" ")
                lastSpace = true
            }
        }
        var result = Substring(out)
        while let f = result.first, f == " " || f == "'" || f == "-" { result = result.dropFirst() }
        while let l = result.last, l == " " || l == "'" || l == "-" { result = result.dropLast() }
        if result.hasPrefix("the ") { result = result.dropFirst(4) }
        return String(result)
    }

    static func isWord(_ c: Unicode.Scalar) -> Bool { TextIndex.isAlphanumeric(c) || c == "_" }

    /// A novel's characters, for telling whether a name is a given character's.
    struct CharacterTable {
        let names: [Set<String>]
        let owners: [String: Set<Int>]
        let lastWordOwners: [String: Set<Int>]
        let strip: (String) -> String

        init(_ characters: [[String]], evaluator: QuoteEvaluator) {
            let titles = evaluator.titles
            strip = { name in
                var words = name.split(separator: " ")
                while words.count > 1, titles.contains(String(words[0])) { words.removeFirst() }
                return words.joined(separator: " ")
            }
            var names: [Set<String>] = [], owners: [String: Set<Int>] = [:], last: [String: Set<Int>] = [:]
            for (i, list) in characters.enumerated() {
                let set = Set(list.map(QuoteEvaluator.normalizedName).filter { !$0.isEmpty })
                names.append(set)
                for n in set {
                    owners[n, default: []].insert(i)
                    if let w = strip(n).split(separator: " ").last { last[String(w), default: []].insert(i) }
                }
            }
            self.names = names
            self.owners = owners
            self.lastWordOwners = last
        }

        func matches(_ predicted: String?, speaker: String?, aliases: [String]) -> Bool {
            let p = QuoteEvaluator.normalizedName(predicted ?? "")
            let gold = Set(([speaker].compactMap { $0 } + aliases).map(QuoteEvaluator.normalizedName).filter { !$0.isEmpty })
            guard !p.isEmpty, !gold.isEmpty else { return false }
            if gold.contains(p) { return true }
            // The character the gold names: the one sharing most names with it.
            let character = names.indices.max { names[$0].intersection(gold).count < names[$1].intersection(gold).count }
                .flatMap { names[$0].isDisjoint(with: gold) ? nil : $0 }
            if let owners = owners[p], character.map({ !owners.contains($0) }) ?? true { return false }
            let core = strip(p)
            let goldCores = Set(gold.map(strip))
            if goldCores.contains(core) { return true }
            guard let last = core.split(separator: " ").last.map(String.init),
                  goldCores.contains(where: { $0.split(separator: " ").last.map(String.init) == last }) else { return false }
            let holders = lastWordOwners[last] ?? []
            return holders.isEmpty || holders == Set(character.map { [$0] } ?? [])
        }
    }
}

/// A document's text as Unicode scalars, with its words (maximal runs of letters and digits).
struct TextIndex {
    let scalars: [Unicode.Scalar]
    let starts: [Int], ends: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts: [Int] = [], ends: [Int] = []
        var k = 0
        while k < scalars.count {
            if Self.isAlphanumeric(scalars[k]) {
                let s = k
                while k < scalars.count, Self.isAlphanumeric(scalars[k]) { k += 1 }
                starts.append(s)
                ends.append(k)
            } else {
                k += 1
            }
        }
        self.starts = starts
        self.ends = ends
    }

    /// A letter (any letter category) or a character with a numeric value.
    static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return c.properties.numericType != nil
        }
    }

    /// The span from its first to its last letter or digit; nil when it has none.
    func trimmed(_ span: GoldDocument.Span) -> GoldDocument.Span? {
        var s = max(0, span.start), e = min(scalars.count, span.end)
        while s < e, !Self.isAlphanumeric(scalars[s]) { s += 1 }
        while e > s, !Self.isAlphanumeric(scalars[e - 1]) { e -= 1 }
        return e > s ? GoldDocument.Span(start: s, end: e) : nil
    }

    /// Indices of the words overlapping the span.
    func words(_ span: GoldDocument.Span) -> Range<Int> {
        let i = Self.firstIndex(ends) { $0 > span.start }
        let j = Self.firstIndex(starts) { $0 >= span.end }
        return i..<max(i, j)
    }

    private static func firstIndex(_ a: [Int], where test: (Int) -> Bool) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if test(a[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Gold and predicted spans paired one to one where their word Jaccard is at least 0.5,
    /// best pairs first (ties: more characters in common): predicted index → gold index.
    func lenientMatches(_ gold: [GoldDocument.Span], _ predicted: [GoldDocument.Span]) -> [Int: Int] {
        let order = gold.indices.sorted { gold[$0].start < gold[$1].start }
        let goldStarts = order.map { gold[$0].start }
        let longest = gold.map { $0.end - $0.start }.max() ?? 0
        let goldWords = gold.map(words)
        var candidates: [(jaccard: Double, overlap: Int, g: Int, p: Int)] = []
        for (p, ps) in predicted.enumerated() {
            let pw = words(ps)
            var k = Self.firstIndex(goldStarts) { $0 >= ps.end } - 1
            while k >= 0, goldStarts[k] >= ps.start - longest {
                let g = order[k], gs = gold[g]
                if gs.start < ps.end, ps.start < gs.end {
                    let gw = goldWords[g]
                    let shared = max(0, min(pw.upperBound, gw.upperBound) - max(pw.lowerBound, gw.lowerBound))
                    let union = pw.count + gw.count - shared
                    let j = union == 0 ? 0 : Double(shared) / Double(union)
                    if j >= 0.5 { candidates.append((j, min(ps.end, gs.end) - max(ps.start, gs.start), g, p)) }
                }
                k -= 1
            }
        }
        candidates.sort { ($0.jaccard, $0.overlap, -$0.g, -$0.p) > ($1.jaccard, $1.overlap, -$1.g, -$1.p) }
        var usedGold = Set<Int>(), matches: [Int: Int] = [:]
        for c in candidates where !usedGold.contains(c.g) && matches[c.p] == nil {
            usedGold.insert(c.g)
            matches[c.p] = c.g
        }
        return matches
    }
}
