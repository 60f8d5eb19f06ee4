/// Matches frame patterns around a quote: the elements before `QUOTE` right to left from the
/// opening mark, the elements after it left to right from the closing mark.
struct FrameMatcher {
    let parser: PhraseParser
    /// The parser's tokens, held here so that reading one costs no reference counting.
    let tokens: [Token]
    /// The parser's token texts, as written and in lowercase.
    let texts: [String]
    let lowers: [String]

    init(parser: PhraseParser) {
        self.parser = parser
        self.tokens = parser.tokens
        self.texts = parser.texts
        self.lowers = parser.lowers
        // Sentence indices ascend with the tokens.
        var lengths = [Int32](repeating: 0, count: (tokens.last?.sentence ?? -1) + 1)
        for i in tokens.indices { lengths[tokens[i].sentence] += 1 }
        self.sentenceLength = lengths
    }
    let maxShort = 6
    let maxGap = 60
    /// Tokens per sentence.
    private let sentenceLength: [Int32]
    /// A sentence longer than this is one ICU found no end to (a list or a transcript without
    /// punctuation, or hostile input: no sentence of the corpora comes near it) ...
    private let maxSentence: Int32 = 400
    /// ... and in it a gap spans at most this many tokens, so that the time a quote takes does not
    /// grow with the quotes around it.
    private let maxGapInEndlessSentence = 4

    private func gapLimit(_ element: FramePattern.Element, sentence: Int) -> Int {
        if element == .short { return maxShort }
        return sentence >= 0 && sentence < sentenceLength.count && sentenceLength[sentence] > maxSentence ? maxGapInEndlessSentence : maxGap
    }

    /// Words after which a participle's subject is the sentence's, not the phrase before them.
    private static let beforeParticiple: WordSet = [",", "and", "but", "by", "while", "before", "after", "without", "when", "as"]

    private struct Binding {
        var speaker: Mention?
        var cue: Range<Int>?
        var literals: [Int] = []
        var edge: Int
    }

    /// `first`: index of the quote's first token (its opening mark); `after`: index of the
    /// first token after its closing mark; `endsSentence`: the quote ends with a full stop, so
    /// words after it start a new sentence and attribute it only when they continue in lowercase
    /// or form a short clause of their own ("…." Trump said.).
    /// `endsClause`: the quote ends with a comma, a question or an exclamation mark, so the words
    /// after it may be its speaker and verb. `endsWithComma`: it ends with a comma (inside its
    /// marks or right after them), so a capitalised word after it does not start a new sentence.
    func match(_ id: RuleID, _ frame: FrameRule, first: Int, after: Int, endsSentence: Bool, endsClause: Bool, endsWithComma: Bool) -> FrameMatch? {
        let elements = frame.pattern.elements
        let q = frame.pattern.quoteIndex
        let attachesAfter = q + 1 < elements.count && elements[q + 1] != .paragraph
        if elements.contains(.verb) && !endsClause { return nil }
        let openParagraph = tokens[first].paragraph
        // A quote inside a sentence followed straight by words, with no punctuation between them,
        // is part of that sentence ("the “qualified” spat bubbled up"): the words are not its
        // attribution. (A quote that opens its sentence may just lack the comma: “…” Lee said.)
        if attachesAfter, !endsClause, !endsSentence, after < tokens.count, tokens[after].isWord,
           tokens[after].paragraph == tokens[after - 1].paragraph, startsAttribution(elements[q + 1]),
           !atSentenceStart(first - 1, openParagraph) {
            return nil
        }
        let closeParagraph = tokens[max(first, after - 1)].paragraph
        guard let left = matchLeft(elements, q - 1, first - 1, openParagraph, tokens[first].sentence, Binding(edge: first)) else { return nil }
        guard let right = matchRight(elements, q + 1, after, closeParagraph, nil, Binding(speaker: left.speaker, cue: left.cue, literals: left.literals, edge: after - 1)) else { return nil }
        guard let speaker = right.speaker else { return nil }
        // After a quote that ends with a full stop, words that follow start a new sentence; they
        // attribute the quote only as a short clause of their own: "…." Trump said.
        if endsSentence && attachesAfter {
            let next = right.edge + 1
            let startsLower = after < tokens.count && tokens[after].isWord && !tokens[after].isCapitalized
            guard startsLower || next >= tokens.count || tokens[next].paragraph != tokens[right.edge].paragraph
                    || [.period, .exclamation, .question].contains(tokens[next].mark) else { return nil }
        }
        // A cue followed by a colon introduces what follows, not the quote before it, unless that
        // quote breaks off with a comma, a question or an exclamation mark and so leans on the cue
        // ("Come in," said the old lady: "…"); after a question or an exclamation a capitalised
        // word starts a new sentence, whose clause introduces the next quote ("»…!« Das Mädchen
        // antwortete: »…«").
        let startsUpper = after < tokens.count && tokens[after].isWord && tokens[after].isCapitalized
        if q + 1 < elements.count, !endsClause || startsUpper && !endsWithComma, right.edge + 1 < tokens.count, tokens[right.edge + 1].mark == .colon,
           tokens[right.edge + 1].paragraph == tokens[right.edge].paragraph {
            return nil
        }
        // Nor is a capitalised verb there the quote's: "»…!« Sagte das Weib", "»…!« Bald darauf kommt …".
        if attachesAfter, startsUpper, !endsWithComma, let c = right.cue, c.contains(after) { return nil }
        var cue = right.cue
        let reportsSpeech = cue != nil || right.literals.contains { tokens[$0].isWord }
        if cue == nil {
            // No CUE slot: the frame's words are the cue ("according to"), or else the punctuation
            // mark nearest the quote (the colon of `— Lee: "…"`).
            let words = right.literals.filter { tokens[$0].isWord }
            if let lo = words.min(), let hi = words.max() {
                cue = lo..<(hi + 1)
            } else if let nearest = right.literals.min(by: { abs($0 - first) < abs($1 - first) }), tokens[nearest].mark != .period {
                cue = nearest..<(nearest + 1)
            }
        }
        let reach = (first - left.edge) + (right.edge - after + 1)
        return FrameMatch(rule: id, confidence: frame.confidence, speaker: speaker, cue: cue, reach: reach, reportsSpeech: reportsSpeech)
    }

    /// Whether a pattern element right after `QUOTE` starts the attribution itself (a speaker, a
    /// cue or an optional punctuation mark before them), not a gap or a required literal.
    private func startsAttribution(_ element: FramePattern.Element) -> Bool {
        switch element {
        case .speaker, .name, .possessor, .cue, .verb: return true
        case .literal(let alternatives, let optional): return optional && alternatives.allSatisfy { $0 == "," }
        default: return false
        }
    }

    private func sameBlock(_ i: Int, _ paragraph: Int) -> Bool {
        parser.usable(i) && tokens[i].paragraph == paragraph
    }

    /// Whether token `i` ends a sentence: a full stop after an abbreviation ("Mr.") or an initial does not.
    private func isSentenceEnd(_ i: Int) -> Bool {
        !parser.flags[i].isDisjoint(with: [.fullStop, .questionOrExclamation])
    }

    /// Whether the token after `pos` starts a sentence (or follows an introductory phrase).
    private func atSentenceStart(_ pos: Int, _ para: Int) -> Bool {
        pos < 0 || tokens[pos].paragraph != para || tokens[pos].sentence != tokens[pos + 1].sentence
            || tokens[pos].mark == .period || tokens[pos].mark == .question || tokens[pos].mark == .exclamation || afterIntroductoryPhrase(pos)
    }

    /// The most tokens an introductory phrase may have (one that opens with a preposition).
    private static let maxIntroductoryPhrase = 25

    /// Whether `comma` ends an introductory phrase: "On Tuesday, …", "Speaking in Ohio, …".
    private func afterIntroductoryPhrase(_ comma: Int) -> Bool {
        guard parser.usable(comma), tokens[comma].mark == .comma else { return false }
        // (The walk back stops past the longest phrase allowed, so an endless sentence costs no more.)
        var first = comma
        while first > 0 && comma - first <= Self.maxIntroductoryPhrase && tokens[first - 1].sentence == tokens[comma].sentence
                && tokens[first - 1].paragraph == tokens[comma].paragraph {
            first -= 1
        }
        let word = lowers[first]
        let lexicon = parser.lexicon
        // A phrase that opens with a preposition may run longer ("To the relief of all the girls
        // …, Anne sat up").
        let limit = lexicon.prepositions.contains(word) ? Self.maxIntroductoryPhrase : 12
        guard first < comma, comma - first <= limit else { return false }
        if (first + 1..<comma).contains(where: { parser.isCueVerb($0) || parser.pronoun($0) != nil }) { return false }
        // A long one names no one ("…, and especially of Josie Pye, who …").
        if comma - first > 12, (first + 1..<comma).contains(where: { parser.isNameWord($0) }) {
            return false
        }
        return lexicon.prepositions.contains(word) || lexicon.functionWords.contains(word) || word.endsWith("ing")
            || comma - first <= 3
    }

    private func matchLeft(_ el: [FramePattern.Element], _ e: Int, _ pos: Int, _ para: Int, _ sentence: Int, _ b: Binding) -> Binding? {
        if e < 0 { return b }
        switch el[e] {
        case .literal(let alternatives, let optional):
            if sameBlock(pos, para), alternatives.contains(lowers[pos]) {
                var nb = b
                nb.literals.append(pos)
                nb.edge = pos
                // A literal full stop leads into the previous sentence.
                if let r = matchLeft(el, e - 1, pos - 1, para, tokens[pos].sentence, nb) { return r }
            }
            return optional ? matchLeft(el, e - 1, pos, para, sentence, b) : nil
        case .speaker, .name:
            // Before a participle after a comma ("…, calling him a liar") the speaker is the
            // sentence's subject, not the phrase before the comma.
            if let cue = b.cue, cue.lowerBound == pos + 1, parser.usable(pos), lowers[cue.upperBound - 1].endsWith("ing"),
               Self.beforeParticiple.contains(lowers[pos]) {
                return nil
            }
            let participle = b.cue.map { $0.lowerBound == pos + 1 && lowers[$0.upperBound - 1].endsWith("ing") } ?? false
            for found in parser.speakers(endingAt: pos) where tokens[found.start].paragraph == para {
                var m = found
                // "sent an email saying": the phrase before a participle is its verb's object.
                if participle && m.kind == .description { continue }
                // "responded on Facebook writing": a phrase after a preposition is its object.
                if participle && m.start > 0 && parser.has(m.start - 1, .preposition) { continue }
                if el[e] == .name && m.kind != .name { continue }
                // "packte er mich an der Schulter und sagte": a phrase that a conjunction joins to
                // the words up to the cue is an object; the coordinated verbs share an earlier subject.
                // (Not the subject right after the clause's first verb: "Da kam das Waldmännlein und sprach".)
                if e + 1 < el.count, el[e + 1] == .short, m.end < tokens.count, parser.usable(m.end), parser.has(m.end, .conjunction),
                   !Self.followsFirstVerb(m.start, parser) { continue }
                // "Auf der Straße sagte sie", "Mit ihrer kühlen Hand fuhr sie": a phrase after a
                // preposition is its object, unless the frame names the preposition ("laut SPEAKER")
                // or a relative clause makes it a subject ("sur le père de Noël qui lui fit signe").
                let afterPreposition = m.start > 0 && parser.usable(m.start - 1) && parser.has(m.start - 1, .preposition)
                    && tokens[m.start - 1].sentence == tokens[m.start].sentence && (e == 0 || !Self.isLiteral(el[e - 1]))
                // The description that holds such a name is the phrase: "le père de Noël qui".
                if afterPreposition, m.kind == .name,
                   parser.speakers(endingAt: pos).contains(where: { $0.kind == .description && $0.start < m.start && $0.end == m.end }) { continue }
                if afterPreposition, !(parser.usable(m.end) && parser.has(m.end, .relativePronoun)) {
                    // A run of capitalised words may hold the object and then the subject, from a first
                    // name on: in "On Facebook Jane Doe wrote" the speaker is "Jane Doe".
                    guard m.kind == .name, m.start == m.nameStart,
                          let k = (m.start + 1..<m.end).first(where: { parser.firstName($0) != nil && parser.isNameWord($0) }) else { continue }
                    m = Mention(start: k, end: m.end, kind: .name, nameStart: k, gender: parser.firstName(k) ?? .any)
                }
                var nb = b
                nb.speaker = m
                nb.edge = m.start
                if let r = matchLeft(el, e - 1, m.start - 1, para, sentence, nb) { return r }
            }
            return nil
        case .verb, .possessor:
            return nil
        case .cue:
            guard sameBlock(pos, para), let c = parser.cue(endingAt: pos) else { return nil }
            // A participle is not inverted with its subject: in `, saying the nominee "…"` the
            // phrase after it is its object.
            if e + 1 < el.count, el[e + 1] == .speaker || el[e + 1] == .name, lowers[c.upperBound - 1].endsWith("ing") {
                return nil
            }
            var nb = b
            nb.cue = c
            nb.edge = c.lowerBound
            return matchLeft(el, e - 1, c.lowerBound - 1, para, sentence, nb)
        case .short, .gap:
            let limit = gapLimit(el[e], sentence: sentence)
            var p = pos
            var last: Binding?
            // `...` before the quote takes the farthest match in the sentence: in "Cruz said he is
            // sure Rubio will continue to be "…"", the main clause's speaker is the source.
            let leftmost = el[e] == .gap
            // The match found so far when the scan last crossed a comma.
            var atComma: Binding??
            let nextIsCue = e > 0 && el[e - 1] == .cue
            for n in 0...limit {
                if n > 0 {
                    guard p >= 0, tokens[p].paragraph == para, tokens[p].sentence == sentence else { return last }
                    if parser.quoteOf[p] >= 0 && el[e] == .short { return last }
                    if el[e] == .short && (!tokens[p].isWord || parser.isCueVerb(p)) { return last }
                    let flags = parser.flags[p]
                    // A clause after "; and" with no subject of its own shares the one before it:
                    // "He rose from the table; and advancing to the master, said:".
                    let sharedSubject = leftmost && last == nil && flags.contains(.semicolon) && p + 1 <= pos && parser.has(p + 1, .conjunction)
                        && !(p + 1...pos).contains(where: { parser.pronoun($0) != nil || parser.isNameWord($0) })
                    if parser.quoteOf[p] < 0 && !flags.isDisjoint(with: [.fullStop, .questionOrExclamation, .semicolon]) && !sharedSubject { return last }
                    if leftmost, parser.quoteOf[p] < 0, flags.contains(.comma) { atComma = .some(last) }
                    // A fronted subordinate clause closed by a comma is not the main clause: in
                    // "After the interview ended, Maher said the report was "…"", the cue is "said".
                    if leftmost, last != nil, parser.quoteOf[p] < 0, let before = atComma, flags.contains(.subordinator),
                       atSentenceStart(p - 1, para) || (parser.usable(p - 1) && tokens[p - 1].mark == .comma) {
                        return before ?? last
                    }
                    // The farthest match stays within its clause: "Clinton proposed a debate, but
                    // the Sanders campaign rejected the idea as "…"".
                    if leftmost, last != nil, parser.quoteOf[p] < 0, flags.contains(.clauseOpener) { return last }
                    // So does a conjunction after a comma: "21 percent said …, and most said "…"".
                    if leftmost, last != nil, p > 0, parser.flags[p - 1].contains(.comma), parser.quoteOf[p] < 0,
                       flags.contains(.conjunction) { return last }
                    p -= 1
                }
                // A match never ends inside a name ("The Daily" of "The Daily Ledger", "Mr" of
                // "Mr. Bennet").
                if n > 0, p >= 0, p + 1 < tokens.count, tokens[p].isCapitalized, tokens[p + 1].isCapitalized,
                   parser.isNameWord(p), parser.isNameWord(p + 1) { continue }
                if n > 0, p >= 0, p + 2 < tokens.count, parser.isAbbreviatedTitle(p), tokens[p + 2].isCapitalized { continue }
                // Only where a cue can end does a cue before the gap match (a bit test instead of a call).
                if nextIsCue, p >= 0, parser.flags[p].isDisjoint(with: [.cueVerb, .cuePhraseLast]) { continue }
                if let r = matchLeft(el, e - 1, p, para, sentence, b) { if !leftmost { return r }; last = r }
            }
            return last
        case .paragraph:
            guard parser.usable(pos), tokens[pos].paragraph == para - 1 else { return nil }
            return matchLeft(el, e - 1, pos, para - 1, tokens[pos].sentence, b)
        case .end:
            return nil
        case .start:
            if atSentenceStart(pos, para) { return matchLeft(el, e - 1, pos, para, sentence, b) }
            // A clause of its own inside the sentence: after a dash, a semicolon, a colon or a
            // conjunction after a comma ("…, and Lydia, always unguarded, exclaimed,").
            if pos + 1 < tokens.count, parser.usable(pos), parser.startsClause(pos + 1) { return matchLeft(el, e - 1, pos, para, sentence, b) }
            // One or two sentence adverbs or conjunctions before the subject: "Then he …",
            // "But Trump …", "And then Trump …".
            var k = pos
            while k > pos - 2, parser.usable(k), tokens[k].isWord, parser.has(k, .functionWord),
                  !parser.has(k, .determiner), !parser.has(k, .preposition),
                  parser.pronoun(k) == nil {
                if atSentenceStart(k - 1, para) { return matchLeft(el, e - 1, k - 1, para, sentence, b) }
                k -= 1
            }
            return nil
        case .quote:
            return nil
        }
    }

    /// Whether the phrase at `start` comes right after the first verb of its sentence, where an
    /// inverted subject stands: after "Da kam" or "Kam", not after "packte er mich an".
    static func followsFirstVerb(_ start: Int, _ parser: PhraseParser) -> Bool {
        let v = start - 1
        guard v >= 0, parser.usable(v), parser.tokens[v].isWord, !parser.tokens[v].isCapitalized || parser.startsSentence(v),
              parser.flags[v].isDisjoint(with: [.preposition, .determiner, .conjunction, .pronoun, .relativePronoun]) else { return false }
        return parser.startsSentence(v) || v >= 1 && parser.tokens[v - 1].isWord && parser.startsSentence(v - 1)
    }

    /// Whether a pattern element is a literal word or mark.
    static func isLiteral(_ e: FramePattern.Element) -> Bool {
        if case .literal = e { return true }
        return false
    }

    /// Whether the element after `e`, past optional words and short gaps (`VERB sich? SPEAKER`,
    /// `VERB ~ SPEAKER`), is the speaker: a `VERB` there stands before its subject.
    static func subjectFollows(_ el: [FramePattern.Element], after e: Int) -> Bool {
        var k = e + 1
        while k < el.count {
            if case .literal(_, optional: true) = el[k] { k += 1 } else if el[k] == .short { k += 1 } else { break }
        }
        return k < el.count && (el[k] == .speaker || el[k] == .name || el[k] == .possessor)
    }

    private func matchRight(_ el: [FramePattern.Element], _ e: Int, _ pos: Int, _ para: Int, _ sentence: Int?, _ b: Binding) -> Binding? {
        if e >= el.count { return b }
        switch el[e] {
        case .literal(let alternatives, let optional):
            if sameBlock(pos, para), alternatives.contains(lowers[pos]) {
                var nb = b
                nb.literals.append(pos)
                nb.edge = pos
                if let r = matchRight(el, e + 1, pos + 1, para, sentence ?? tokens[pos].sentence, nb) { return r }
            }
            return optional ? matchRight(el, e + 1, pos, para, sentence, b) : nil
        case .speaker, .name:
            guard sameBlock(pos, para) else { return nil }
            // A participle is not inverted with its subject: in `"…," blaming Bloomberg` the
            // name is the object.
            if let cue = b.cue, cue.upperBound == pos, lowers[cue.upperBound - 1].endsWith("ing") { return nil }
            for (m, next) in parser.speakers(startingAt: pos) where el[e] != .name || m.kind == .name {
                var nb = b
                nb.speaker = m
                nb.edge = next - 1
                if let r = matchRight(el, e + 1, next, para, sentence ?? tokens[pos].sentence, nb) { return r }
            }
            return nil
        case .possessor:
            guard sameBlock(pos, para) else { return nil }
            // A possessive determiner stands for the person, as "he" or "she" would: "…," was his reply.
            if let g = parser.lexicon.possessives[lowers[pos]], g != .any {
                var nb = b
                nb.speaker = Mention(start: pos, end: pos + 1, kind: .pronoun(g == .male ? .male : .female), nameStart: pos, gender: g)
                nb.edge = pos
                return matchRight(el, e + 1, pos + 1, para, sentence ?? tokens[pos].sentence, nb)
            }
            // Else a name or a description in the possessive: "Crawford's", "the old man's".
            for (m, next) in parser.speakers(startingAt: pos) where lowers[m.end - 1].hasSuffix("'s") || lowers[m.end - 1].hasSuffix("’s") {
                var nb = b
                nb.speaker = m
                nb.edge = next - 1
                if let r = matchRight(el, e + 1, next, para, sentence ?? tokens[pos].sentence, nb) { return r }
            }
            return nil
        case .cue, .verb:
            guard sameBlock(pos, para),
                  let c = el[e] == .cue ? parser.cue(startingAt: pos)
                    : parser.unlistedVerb(at: pos, inverted: Self.subjectFollows(el, after: e)) else { return nil }
            var nb = b
            nb.cue = c
            nb.edge = c.upperBound - 1
            return matchRight(el, e + 1, c.upperBound, para, sentence ?? tokens[pos].sentence, nb)
        case .short, .gap:
            let s = sentence ?? (sameBlock(pos, para) ? tokens[pos].sentence : -1)
            let limit = gapLimit(el[e], sentence: s)
            var p = pos
            for n in 0...limit {
                if n > 0 {
                    guard p < tokens.count, tokens[p].paragraph == para, tokens[p].sentence == s else { return nil }
                    if parser.quoteOf[p] >= 0 && el[e] == .short { return nil }
                    if el[e] == .short && (!tokens[p].isWord || parser.isCueVerb(p)) { return nil }
                    if parser.quoteOf[p] < 0 && !parser.flags[p].isDisjoint(with: [.fullStop, .questionOrExclamation, .semicolon]) { return nil }
                    p += 1
                }
                if let r = matchRight(el, e + 1, p, para, s, b) { return r }
            }
            return nil
        case .paragraph:
            guard parser.usable(pos), tokens[pos].paragraph == para + 1 else { return nil }
            return matchRight(el, e + 1, pos, para + 1, tokens[pos].sentence, b)
        case .end:
            guard pos >= tokens.count || tokens[pos].paragraph != para else { return nil }
            return b
        case .start:
            return nil
        case .quote:
            return nil
        }
    }
}
