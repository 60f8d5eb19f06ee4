/// Finds speaker phrases and cue verbs in a token sequence, using the lexicon's word lists.
struct PhraseParser {
    let tokens: [Token]
    /// Each token's text as written, and in lowercase (``AnalyzedText/texts``, ``AnalyzedText/lowers``).
    let texts: [String]
    let lowers: [String]
    let lexicon: Lexicon
    /// For each token, the quote it lies in (or -1); phrases never reach into a quote.
    let quoteOf: [Int32]
    /// For each paragraph, whether it is written in Title Case (a headline): there a capitalised
    /// verb form is a verb ("Lee Says Plan Is ‘Dead’"), not part of a name.
    let headline: [Bool]
    /// Words that open a sentence capitalised and that the document also writes in lowercase
    /// ("Poor", "Little"), as FNV-1a hashes of their lowercase form: they are not names.
    private let commonSentenceStarts: HashSet64
    /// Where nouns are capitalised: capitalised words the document writes more than once.
    private let repeatedCapitalized: HashSet64
    /// Phrases already parsed, by token: every frame asks for the same ones.
    private let memo: Memo
    /// For each token, its classes in the lexicon and the parser's judgements of it.
    private(set) var flags: [TokenFlags]

    private final class Memo {
        var speakersEnding: [[Mention]?]
        var speakersStarting: [[(mention: Mention, next: Int)]?]
        /// The start of the cue ending at each token: -2 not computed yet, -1 none.
        var cueStart: [Int32]
        /// Whether each token starts a clause: -1 not computed yet, 0 no, 1 yes.
        var startsClause: [Int8]
        init(count: Int) {
            startsClause = Array(repeating: -1, count: count)
            speakersEnding = Array(repeating: nil, count: count)
            speakersStarting = Array(repeating: nil, count: count)
            cueStart = Array(repeating: -2, count: count)
        }
    }

    init(tokens: [Token], texts: [String], lowers: [String], lexicon: Lexicon, quoteOf: [Int32], paragraphs: Int) {
        self.memo = Memo(count: tokens.count)
        self.tokens = tokens
        self.texts = texts
        self.lowers = lowers
        self.lexicon = lexicon
        self.quoteOf = quoteOf
        var flags = [TokenFlags](repeating: [], count: tokens.count)
        for i in tokens.indices {
            var f = lexicon.wordFlags[lowers[i], hash: tokens[i].hash] ?? []
            // The marks count only as punctuation.
            if tokens[i].kind != .punctuation { f.subtract([.comma, .semicolon, .questionOrExclamation]) }
            if tokens[i].isCapitalized && lexicon.nonNameWords.contains(texts[i]) { f.insert(.nonNameWord) }
            flags[i] = f
        }
        self.flags = flags
        self.headline = Self.headlines(tokens, lowers, lexicon: lexicon, paragraphs: paragraphs)
        var starts = HashSet64()
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].isCapitalized
            && (i == 0 || tokens[i - 1].sentence != tokens[i].sentence || tokens[i - 1].paragraph != tokens[i].paragraph) {
            starts.insert(tokens[i].hash)
        }
        var common = HashSet64()
        if starts.count > 0 {
            for i in tokens.indices where tokens[i].kind == .word && !tokens[i].isCapitalized && starts.contains(tokens[i].hash) {
                common.insert(tokens[i].hash)
            }
        }
        self.commonSentenceStarts = common
        var repeated = HashSet64()
        if lexicon.capitalizedNouns {
            var seen = HashSet64()
            for i in tokens.indices where tokens[i].kind == .word && tokens[i].isCapitalized {
                if seen.contains(tokens[i].hash) { repeated.insert(tokens[i].hash) } else { seen.insert(tokens[i].hash) }
            }
        }
        self.repeatedCapitalized = repeated
        for i in tokens.indices {
            if computeIsNameWord(i) { flags[i].insert(.nameWord) }
            if computeIsCueVerb(i) { flags[i].insert(.cueVerb) }
            if computeIsFullStop(i) { flags[i].insert(.fullStop) }
        }
        self.flags = flags
    }

    /// Whether the document writes this word (lowercased) in lowercase somewhere and capitalised
    /// at the start of a sentence.
    func isCommonWord(_ lower: String) -> Bool { commonSentenceStarts.contains(WordMap<Bool>.hash(lower)) }

    /// Whether token `i` starts a sentence.
    func startsSentence(_ i: Int) -> Bool {
        i == 0 || tokens[i - 1].sentence != tokens[i].sentence || tokens[i - 1].paragraph != tokens[i].paragraph
    }

    /// Whether a name at token `i` stands where a clause's subject does: at the start of a
    /// sentence, after a dash, a semicolon or a colon, after a conjunction that follows a comma or a
    /// semicolon or opens the sentence ("And Katharine followed", "…; and Mary, turning, read"), or
    /// after an auxiliary that inverts ("Nor did Katharine speak").
    func startsClause(_ i: Int) -> Bool {
        if memo.startsClause[i] >= 0 { return memo.startsClause[i] == 1 }
        let result = computeStartsClause(i)
        memo.startsClause[i] = result ? 1 : 0
        return result
    }

    private func computeStartsClause(_ i: Int) -> Bool {
        if startsSentence(i) { return true }
        switch texts[i - 1] {
        case "—", "–", "--", ";", ":": return true
        default: break
        }
        if has(i - 1, .conjunction), i >= 2, tokens[i - 2].mark == .comma || tokens[i - 2].mark == .semicolon || startsSentence(i - 1) { return true }
        return has(i - 1, .auxiliary)
    }

    /// A capitalised common word opening a sentence ("Poor Oliver", "Little Marco"): the document
    /// writes it in lowercase elsewhere and no first-name list has it.
    func isSentenceInitialCommonWord(_ i: Int) -> Bool {
        startsSentence(i) && commonSentenceStarts.contains(tokens[i].hash) && firstName(i) == nil
    }

    /// Paragraphs with at least three content words, nine in ten of them capitalised, and at
    /// most ``maxHeadlineWords`` words.
    private static func headlines(_ tokens: [Token], _ lowers: [String], lexicon: Lexicon, paragraphs: Int) -> [Bool] {
        var content = [Int](repeating: 0, count: paragraphs), capitalised = [Int](repeating: 0, count: paragraphs)
        var words = [Int](repeating: 0, count: paragraphs)
        for i in tokens.indices where tokens[i].kind == .word && tokens[i].paragraph < paragraphs {
            let p = tokens[i].paragraph
            words[p] += 1
            // A paragraph this long is no headline: skip the look-ups.
            if words[p] > maxHeadlineWords || lexicon.headlineSmallWords.contains(lowers[i], hash: tokens[i].hash) { continue }
            content[p] += 1
            if tokens[i].isCapitalized { capitalised[p] += 1 }
        }
        return (0..<paragraphs).map { words[$0] <= maxHeadlineWords && content[$0] >= 3 && 10 * capitalised[$0] >= 9 * content[$0] }
    }

    static let maxHeadlineWords = 40

    /// Longest description, in tokens.
    let maxDescription = 10
    /// Longest unknown noun phrase accepted before a cue, in tokens.
    let maxGeneric = 9
    /// Longest apposition or relative clause skipped between a name and its verb, in tokens.
    let maxApposition = 22

    func usable(_ i: Int) -> Bool { i >= 0 && i < tokens.count && quoteOf[i] < 0 }

    /// Whether token `i` has `flag` (see ``TokenFlags``).
    @inline(__always)
    func has(_ i: Int, _ flag: TokenFlags) -> Bool { flags[i].contains(flag) }

    /// The gender of the title at token `i`.
    func title(_ i: Int) -> Gender? { flags[i].contains(.title) ? lexicon.titles[lowers[i], hash: tokens[i].hash] : nil }
    /// The person of the pronoun at token `i`.
    func pronoun(_ i: Int) -> PronounsRule.Person? { flags[i].contains(.pronoun) ? lexicon.pronouns[lowers[i], hash: tokens[i].hash] : nil }
    /// The person noun at token `i`, with its gender and number.
    func personNoun(_ i: Int) -> (gender: Gender, plural: Bool)? { flags[i].contains(.personNoun) ? lexicon.personNouns[lowers[i], hash: tokens[i].hash] : nil }
    /// The gender of the first name at token `i`.
    func firstName(_ i: Int) -> Gender? { flags[i].contains(.firstName) ? lexicon.firstNames[lowers[i], hash: tokens[i].hash] : nil }

    // MARK: Word classes

    /// Whether token `i` is a verb of the cue lists used as a verb.
    func isCueVerb(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i].contains(.cueVerb) }

    private func computeIsCueVerb(_ i: Int) -> Bool {
        guard usable(i), tokens[i].isWord, flags[i].contains(.cueForm) else { return false }
        // After an article or a possessive the form is a noun: "the report", "his call", "Trump's tweet".
        if i > 0 {
            let p = lowers[i - 1]
            let possessive = (p.endsWith("'s") || p.endsWith("’s")) && lexicon.pronouns[p] == nil
            if lexicon.articles.contains(p, hash: tokens[i - 1].hash) || possessive {
                return false
            }
            // Joined to the word before by a hyphen it is a compound modifier: "so-called",
            // "self-described".
            if p == "-" && !tokens[i - 1].spaceBefore && i > 1 && tokens[i - 2].isWord { return false }
        }
        // Inside a name ("the Washington Post") a capitalised verb form is not a cue.
        return headline[tokens[i].paragraph] || !(tokens[i].isCapitalized && i > 0 && tokens[i - 1].isCapitalized && tokens[i - 1].isWord
                 && tokens[i - 1].sentence == tokens[i].sentence && !flags[i - 1].contains(.nonNameWord))
    }

    /// Whether token `i` is a word of a name.
    func isNameWord(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i].contains(.nameWord) }

    private func computeIsNameWord(_ i: Int) -> Bool {
        // (Tested before the token is copied: most tokens are not capitalised.)
        guard usable(i), tokens[i].isWord, tokens[i].isCapitalized else { return false }
        let t = tokens[i]
        guard !flags[i].contains(.nonNameWord), !flags[i].contains(.pronoun) else { return false }
        // After a day's number and its period a month is no name: "den 30. August".
        if lexicon.capitalizedNouns, i >= 2, tokens[i - 1].mark == .period, tokens[i - 2].kind == .number, tokens[i - 2].sentence == t.sentence,
           let day = Int(lowers[i - 2]), (1...31).contains(day) {
            return false
        }
        // Where every noun is capitalised, one after a determiner (and perhaps an adjective) is a
        // noun: "der Ausdruck", "eines Tages", "die alte Stimme".
        // Nor is a word that opens a sentence, appears nowhere else and is followed by a verb and
        // its subject a name ("Ungläubig wackelte der Greis"), unless a first-name list has it.
        if lexicon.capitalizedNouns, startsSentence(i), !repeatedCapitalized.contains(t.hash), firstName(i) == nil, i + 2 < tokens.count,
           tokens[i + 1].isWord, !tokens[i + 1].isCapitalized, !flags[i + 1].contains(.cueForm),
           flags[i + 2].contains(.determiner) || flags[i + 2].contains(.pronoun) {
            return false
        }
        if lexicon.capitalizedNouns, i > 0, tokens[i - 1].sentence == t.sentence, firstName(i) == nil,
           flags[i - 1].contains(.determiner) || i > 1 && tokens[i - 1].isWord && !tokens[i - 1].isCapitalized && flags[i - 2].contains(.determiner) {
            return false
        }
        // A person noun is capitalised at the start of a sentence ("Residents said") or as a plural
        // ("Democrats"), not as a name.
        if let noun = lexicon.personNouns[lowers[i], hash: t.hash], noun.plural || i == 0 || tokens[i - 1].sentence != t.sentence {
            return false
        }
        // An adverb in -ly or a participle in -ing opening a sentence ("Presently a page came",
        // "Feeling the cold, he …"): a word the text also writes in lowercase, and no first name
        // ("Polly", "Milly").
        if startsSentence(i), lowers[i].endsWith("ly") || lowers[i].endsWith("ing"), firstName(i) == nil, commonSentenceStarts.contains(t.hash),
           i + 1 < tokens.count, tokens[i + 1].isWord, !tokens[i + 1].isCapitalized || has(i + 1, .determiner) {
            return false
        }
        // A capitalised verb form is a name word only inside a name: "Washington Post", not "Said Lee".
        if flags[i].contains(.cueForm) {
            return !headline[t.paragraph] && i > 0 && tokens[i - 1].isCapitalized && tokens[i - 1].isWord && tokens[i - 1].sentence == t.sentence
                && !flags[i - 1].contains(.nonNameWord)
        }
        return true
    }

    /// A title at `i` (with its period, if written): returns the index after it.
    func titleEnd(at i: Int) -> (end: Int, gender: Gender)? {
        guard usable(i), tokens[i].isWord, tokens[i].isCapitalized else { return nil }
        let g: Gender
        if let title = title(i) {
            g = title
        } else if let noun = personNoun(i), !noun.plural, usable(i + 1), tokens[i + 1].isCapitalized {
            // A role written as a title before a name: "Chief Executive Priya Raman".
            g = noun.gender
        } else {
            return nil
        }
        if isAbbreviatedTitle(i) { return (i + 2, g) }
        return (i + 1, g)
    }

    /// Whether token `i` is an abbreviated title with its full stop: "Mrs.", "Dr." (not the
    /// "King." that ends "Stephen King.").
    func isAbbreviatedTitle(_ i: Int) -> Bool {
        usable(i + 1) && tokens[i + 1].mark == .period && !tokens[i + 1].spaceBefore && lexicon.abbreviatedTitles.contains(lowers[i], hash: tokens[i].hash)
    }

    /// A single capital letter followed by a period ("J."), as in a name.
    func isInitial(_ i: Int) -> Bool {
        usable(i) && usable(i + 1) && tokens[i].isWord && texts[i].unicodeScalars.count == 1 && tokens[i].isCapitalized && tokens[i + 1].mark == .period
    }

    /// Whether token `i` is a full stop that ends a sentence (not the period of "Mr." or "W.").
    func isFullStop(_ i: Int) -> Bool { flags[i].contains(.fullStop) }

    private func computeIsFullStop(_ i: Int) -> Bool {
        guard tokens[i].mark == .period else { return false }
        let t = tokens[i]
        guard t.mark == .period else { return false }
        // Inside a sentence (as segmented and corrected) a period belongs to an abbreviation: "the U.S. pulls back".
        if i + 1 < tokens.count, tokens[i + 1].sentence == t.sentence, tokens[i + 1].paragraph == t.paragraph { return false }
        if i > 0, !t.spaceBefore {
            let w = tokens[i - 1]
            if lexicon.abbreviations.contains(lowers[i - 1]) || lexicon.titles[lowers[i - 1], hash: w.hash] != nil { return false }
            if w.isWord && texts[i - 1].unicodeScalars.count == 1 && w.isCapitalized { return false }
        }
        return true
    }

    // MARK: Speaker phrases

    /// Speaker phrases that end at token `last` (inclusive), best first.
    func speakers(endingAt last: Int) -> [Mention] {
        guard last >= 0, last < tokens.count else { return [] }
        if let known = memo.speakersEnding[last] { return known }
        let found = parseSpeakers(endingAt: last)
        memo.speakersEnding[last] = found
        return found
    }

    private func parseSpeakers(endingAt last: Int) -> [Mention] {
        guard usable(last) else { return [] }
        var result: [Mention] = []
        if let person = pronoun(last), tokens[last].isWord {
            return [Mention(start: last, end: last + 1, kind: .pronoun(person), nameStart: last)]
        }
        // A relative pronoun after a name: "Mike Lee, who declared".
        if lowers[last] == "who", last > 0 {
            let end = tokens[last - 1].mark == .comma ? last - 2 : last - 1
            if let antecedent = speakers(endingAt: end).first(where: { $0.kind != .relative }) {
                var m = Mention(start: last, end: last + 1, kind: .relative, nameStart: last, gender: antecedent.gender, plural: antecedent.plural)
                m.antecedent = antecedent.start..<antecedent.end
                return [m]
            }
        }
        if let name = name(endingAt: last) { result.append(name) }
        if let description = description(endingAt: last) { result.append(description) }
        // A parenthesis after a name: "Gov. John Kasich (R-OH)".
        if tokens[last].mark == .closeParenthesis {
            var k = last - 1
            while k > last - 10 && usable(k) && tokens[k].mark != .openParenthesis && tokens[k].paragraph == tokens[last].paragraph { k -= 1 }
            if usable(k), tokens[k].mark == .openParenthesis, var inner = name(endingAt: k - 1) {
                inner.end = last + 1
                result.append(inner)
            }
        }
        // A comma between the subject and its verb: "Gov. John Kasich (R-OH), said".
        if tokens[last].mark == .comma, last > 0, tokens[last - 1].mark == .closeParenthesis {
            result += speakers(endingAt: last - 1)
        }
        // Apposition or relative clause: `NAME, a spokeswoman for the agency, said`.
        // Several commas may stand between them ("Clinton, during a meeting in Columbus, Ohio,
        // said"): a phrase that opens the sentence is preferred over a nearer one.
        if tokens[last].mark == .comma {
            var k = last - 1
            var steps = 0
            var commas = 0
            var found: [Mention] = []
            while k >= 0 && steps < maxApposition && usable(k) && tokens[k].paragraph == tokens[last].paragraph {
                if isFullStop(k) || tokens[k].mark == .question || tokens[k].mark == .exclamation || tokens[k].mark == .semicolon || isCueVerb(k) && steps > 0 && !isPersonNounOrName(k) { break }
                if tokens[k].mark == .comma {
                    if let inner = name(endingAt: k - 1) ?? description(endingAt: k - 1), inner.end == k {
                        found.append(inner)
                    }
                    commas += 1
                    if commas == 3 { break }
                }
                k -= 1
                steps += 1
            }
            let opening = found.filter { $0.start == 0 || tokens[$0.start - 1].sentence != tokens[$0.start].sentence
                || tokens[$0.start - 1].paragraph != tokens[$0.start].paragraph }
            result += opening + found.filter { m in !opening.contains(m) }.prefix(1)
        }
        return result
    }

    private func isPersonNounOrName(_ i: Int) -> Bool {
        personNoun(i) != nil || tokens[i].isCapitalized
    }

    /// A name ending at `last`: capitalised words, initials, particles and hyphens, with an
    /// optional title and (for organisations) a leading "the".
    func name(endingAt last: Int) -> Mention? {
        guard isNameWord(last) || (usable(last) && title(last) != nil && tokens[last].isCapitalized) else { return nil }
        var start = last
        var k = last - 1
        while k >= 0 && usable(k) && tokens[k].paragraph == tokens[last].paragraph {
            if isNameWord(k) && !lowers[k].endsWith("'s") && !lowers[k].endsWith("’s") { start = k; k -= 1; continue }
            if tokens[k].mark == .hyphen && !tokens[k].spaceBefore && isNameWord(k - 1) { k -= 1; continue }
            if tokens[k].mark == .period && isInitial(k - 1) { start = k - 1; k -= 2; continue }
            if lexicon.nameParticles.contains(texts[k]) && isNameWord(k - 1) { k -= 1; continue }
            break
        }
        var mentionStart = start
        var gender = Gender.any
        // A title just before: `Sen.`, `Mrs.`, `President`.
        if k >= 0, usable(k) {
            var titleAt = k
            if tokens[k].mark == .period, k >= 1 { titleAt = k - 1 }
            if let (end, g) = titleEnd(at: titleAt), end == start {
                mentionStart = titleAt
                gender = g
            }
        }
        var nameStart = start
        // Titles written as capitalised words at the start of the run: "President Obama".
        while nameStart < last, let (end, g) = titleEnd(at: nameStart) {
            if gender == .any { gender = g }
            nameStart = end
        }
        if mentionStart == start, mentionStart > 0, usable(mentionStart - 1), lowers[mentionStart - 1] == "the" {
            mentionStart -= 1
        }
        if gender == .any, let g = firstName(nameStart) { gender = g }
        return Mention(start: mentionStart, end: last + 1, kind: .name, nameStart: nameStart, gender: gender)
    }

    /// A description ending at `last`: determiner ... noun, possibly with a prepositional phrase
    /// ("a spokeswoman for the agency"), or a bare plural person noun ("officials").
    func description(endingAt last: Int) -> Mention? {
        description(endingAt: last, budget: maxDescription)
    }

    /// `budget`: tokens the whole description may still take, prepositional phrases included.
    private func description(endingAt last: Int, budget: Int, headless: Bool = false) -> Mention? {
        guard budget > 0, usable(last), tokens[last].isWord, !has(last, .conjunction) else { return nil }
        var k = last
        var steps = 0
        var sawPerson = false
        var gender = Gender.any
        var plural = false
        var headFound = false
        while k >= 0 && steps < budget && usable(k) && tokens[k].paragraph == tokens[last].paragraph {
            if let noun = personNoun(k) {
                if !headFound || !sawPerson { gender = noun.gender; plural = noun.plural }
                sawPerson = true
            } else if has(k, .sourceNoun) {
                sawPerson = true
            }
            headFound = true
            if has(k, .determiner) && k < last {
                // A prepositional phrase belongs to an earlier head: "a spokeswoman for the agency".
                if k >= 2, usable(k - 1), has(k - 1, .preposition), steps + 2 < budget,
                   let outer = description(endingAt: k - 2, budget: budget - steps - 2), outer.end == k - 1 {
                    return Mention(start: outer.start, end: last + 1, kind: .description, nameStart: outer.start,
                                   gender: outer.gender, plural: outer.plural)
                }
                // (Before a name after a preposition, a person noun or a single word: "the mother of
                // Anna Smith", "A lesson from Loretta Lynch", not "The vote went on Lee".)
                guard sawPerson || headless && last == k + 1 || !headless && tokens[k + 1 ... last].contains(where: { $0.isCapitalized }) else { return nil }
                return Mention(start: k, end: last + 1, kind: .description, nameStart: k, gender: gender, plural: plural)
            }
            if !(tokens[k].isWord || tokens[k].mark == .hyphen || texts[k] == "'s" || texts[k] == "’s") { break }
            if isCueVerb(k) && k < last { break }
            // A name after a preposition belongs to an earlier head: "la voix joyeuse de Noël".
            if has(k, .preposition), k < last, k >= 1, isNameWord(k + 1), steps + 1 < budget,
               let outer = description(endingAt: k - 1, budget: budget - steps - 1, headless: true), outer.end == k {
                return Mention(start: outer.start, end: last + 1, kind: .description, nameStart: outer.start,
                               gender: outer.gender, plural: outer.plural)
            }
            if pronoun(k) != nil || has(k, .preposition) || has(k, .relativePronoun) { break }
            k -= 1
            steps += 1
        }
        // No determiner: a bare plural such as "officials" or "sources".
        if let noun = personNoun(last), noun.plural {
            var start = last
            while start > 0, usable(start - 1), tokens[start - 1].isWord, !tokens[start - 1].isCapitalized,
                  lexicon.cueForms[lowers[start - 1], hash: tokens[start - 1].hash] == nil, pronoun(start - 1) == nil,
                  !has(start - 1, .preposition), !has(start - 1, .conjunction),
                  last - start < 3 {
                start -= 1
            }
            return Mention(start: start, end: last + 1, kind: .description, nameStart: start, gender: .any, plural: true)
        }
        // Where nouns are capitalised, a bare person noun is a role: "Vorsitzender: »…«".
        if lexicon.capitalizedNouns, let noun = personNoun(last), tokens[last].isCapitalized {
            return Mention(start: last, end: last + 1, kind: .description, nameStart: last, gender: noun.gender, plural: noun.plural)
        }
        return nil
    }

    /// A name (with a title and a leading "the") that starts at token `first`, with the index
    /// after it; and where the name proper starts (after the titles) and the titles' gender,
    /// whether or not a name was found.
    func titledName(startingAt first: Int) -> (name: (mention: Mention, next: Int)?, nameStart: Int, gender: Gender) {
        var k = first
        var gender = Gender.any
        if usable(first), lowers[first] == "the" { k += 1 }
        while let (end, g) = titleEnd(at: k) {
            if gender == .any { gender = g }
            k = end
        }
        var nameStart = k
        let titled = nameStart > first && !(nameStart == first + 1 && lowers[first] == "the")
        while usable(k) {
            // An initial, in the paragraph of the name it belongs to (not a chapter's "X." above it).
            if isInitial(k), k + 2 < tokens.count, tokens[k + 2].paragraph == tokens[k].paragraph { k += 2; continue }
            // After a title any capitalised word is a name, even one that is also a common word
            // ("Mr Last", "Mrs Young").
            if titled, k == nameStart, tokens[k].isWord, tokens[k].isCapitalized, pronoun(k) == nil {
                k += 1
                continue
            }
            // An abbreviated title opens the next name: "behind Anne Mrs. Lynde got up" holds
            // "Anne" and "Mrs. Lynde", not "Anne Mrs".
            if k > nameStart, isAbbreviatedTitle(k) { break }
            // A possessive ends the name: "Anne's Confession" is not a person.
            if isNameWord(k) {
                k += 1
                if lowers[k - 1].endsWith("'s") || lowers[k - 1].endsWith("’s") { break }
                continue
            }
            if tokens[k].mark == .hyphen && !tokens[k].spaceBefore && isNameWord(k + 1) { k += 1; continue }
            // A name with a lowercase word joined by hyphens: "Winnie-the-Pooh".
            if k > nameStart, tokens[k].mark == .hyphen, k + 3 < tokens.count, !tokens[k].spaceBefore, !tokens[k + 1].spaceBefore,
               tokens[k + 1].isWord, !tokens[k + 1].isCapitalized, tokens[k + 2].mark == .hyphen, !tokens[k + 2].spaceBefore,
               !tokens[k + 3].spaceBefore, isNameWord(k + 3) {
                k += 3
                continue
            }
            if lexicon.nameParticles.contains(texts[k]) && isNameWord(k + 1) && (k > nameStart || titled) { k += 1; continue }
            break
        }
        // Not part of the name: a common word capitalised because it opens the sentence, and
        // capitals of a heading run into the text ("CHAPTER VIII Fanny").
        if k - nameStart >= 2, isSentenceInitialCommonWord(nameStart) { nameStart += 1 }
        if k - nameStart >= 2, let caps = (nameStart..<k).last(where: { isAllCaps($0) }), caps < k - 1 { nameStart = caps + 1 }
        guard k > nameStart && k - nameStart <= 6 else { return (nil, nameStart, gender) }
        if gender == .any, let g = firstName(nameStart) { gender = g }
        return ((Mention(start: first, end: k, kind: .name, nameStart: nameStart, gender: gender), k), nameStart, gender)
    }

    /// A word of two or more letters in capitals ("CHAPTER").
    private func isAllCaps(_ i: Int) -> Bool {
        tokens[i].kind == .word && texts[i].unicodeScalars.count >= 2 && !texts[i].containsLowercase
    }

    /// Speaker phrases that start at token `first`, each with the index after it (including a
    /// skipped apposition when `allowApposition`), best first.
    func speakers(startingAt first: Int) -> [(mention: Mention, next: Int)] {
        guard first >= 0, first < tokens.count else { return [] }
        if let known = memo.speakersStarting[first] { return known }
        let found = parseSpeakers(startingAt: first)
        memo.speakersStarting[first] = found
        return found
    }

    private func parseSpeakers(startingAt first: Int) -> [(mention: Mention, next: Int)] {
        guard usable(first), tokens[first].isWord else { return [] }
        if let person = pronoun(first) {
            return [(Mention(start: first, end: first + 1, kind: .pronoun(person), nameStart: first), first + 1)]
        }
        var result: [(Mention, Int)] = []
        // A role before a name: "said baker Tom Reilly", "economist Jared Bernstein said".
        if !tokens[first].isCapitalized, personNoun(first) != nil {
            var j = first + 1
            while usable(j) && j - first < 3 && !tokens[j].isCapitalized && personNoun(j) != nil { j += 1 }
            if isNameWord(j) {
                return speakers(startingAt: j).filter { $0.mention.kind == .name }
            }
        }
        // Title and name.
        let (titled, nameStart, gender) = titledName(startingAt: first)
        if let titled {
            result.append(titled)
        } else if nameStart > first, title(nameStart - 1) != nil || tokens[nameStart - 1].mark == .period {
            // A title alone: "the President".
            result.append((Mention(start: first, end: nameStart, kind: .description, nameStart: first, gender: gender), nameStart))
        }
        // Description: determiner ... up to punctuation, a verb or a clause word, with any
        // prepositional phrase ("a spokeswoman for the agency").
        // (Where nouns are capitalised, a bare person noun is a role: "Vorsitzender: »…«".)
        if has(first, .determiner) || personNoun(first)?.plural == true || lexicon.capitalizedNouns && personNoun(first) != nil {
            var e = first + 1
            var sawPerson = personNoun(first) != nil
            var g = personNoun(first)?.gender ?? .any
            var plural = personNoun(first)?.plural ?? false
            var inPhrase = false
            while usable(e) && e - first < maxDescription {
                if !tokens[e].isWord && tokens[e].mark != .hyphen && texts[e] != "'s" && texts[e] != "’s" { break }
                if isCueVerb(e) || has(e, .relativePronoun) || pronoun(e) != nil
                    || has(e, .auxiliary) || has(e, .adverb) { break }
                // An adverb after the noun and before punctuation or the verb belongs to the cue:
                // "said the girl passionately." (not "the student rally organizers").
                if sawPerson, !inPhrase, personNoun(e - 1) != nil, hasAdverbEnding(e),
                   !usable(e + 1) || !tokens[e + 1].isWord || isCueVerb(e + 1) { break }
                if has(e, .preposition) {
                    guard sawPerson else { break }
                    inPhrase = true
                }
                if !inPhrase, let noun = personNoun(e) { sawPerson = true; g = noun.gender; plural = noun.plural }
                if !inPhrase, has(e, .sourceNoun) { sawPerson = true }
                e += 1
            }
            if sawPerson || (e > first + 1 && tokens[(first + 1)..<e].contains { $0.isCapitalized }) {
                result.append((Mention(start: first, end: e, kind: .description, nameStart: first, gender: g, plural: plural), e))
            }
        }
        // Any short noun phrase (a name with modifiers, a description the lexicon does not know):
        // "CrowdStrike co-founder Dmitri Alperovitch", "the billionaire business mogul". Tried last.
        // Where nouns are capitalised, a phrase that opens with a lowercase word is a common noun's
        // ("großer Ruhe"), not a speaker's, unless the lexicon knows it.
        if tokens[first].isCapitalized || has(first, .determiner) || personNoun(first) != nil
            || (!lexicon.capitalizedNouns && tokens[first].kind == .word && !has(first, .functionWord) && !has(first, .preposition)) {
            var e = first
            var lastNameRun: Int?
            while usable(e) && e - first < maxGeneric {
                if !(tokens[e].isWord || tokens[e].mark == .hyphen || texts[e] == "'s" || texts[e] == "’s" || (tokens[e].mark == .period && e > first && tokens[e - 1].isCapitalized)) { break }
                if isCueVerb(e) || has(e, .relativePronoun) || pronoun(e) != nil
                    || has(e, .auxiliary) || has(e, .adverb) { break }
                let joined = e > first && !tokens[e].spaceBefore && [.hyphen, .period].contains(tokens[e - 1].mark)
                if isNameWord(e) && (e == first || (!isNameWord(e - 1) && !joined && !isInitial(e - 2))) { lastNameRun = e }
                e += 1
                if e > first + 1 && !result.contains(where: { $0.1 == e }) {
                    let nameStart = lastNameRun ?? first
                    let isName = lastNameRun != nil && (nameStart..<e).allSatisfy { isNameWord($0) || tokens[$0].mark == .hyphen || tokens[$0].mark == .period }
                    result.append((Mention(start: first, end: e, kind: isName ? .name : .description, nameStart: nameStart), e))
                }
            }
        }
        // A name with a party and state in parentheses ("Harry Reid (D-Nev.) said") or with the
        // body it belongs to ("Jeffrey Lewis of the Middlebury Institute wrote").
        for (m, next) in result where m.kind == .name && usable(next) {
            if tokens[next].mark == .openParenthesis {
                var j = next + 1
                while usable(j) && j - next < 8 && tokens[j].mark != .closeParenthesis && tokens[j].paragraph == tokens[first].paragraph { j += 1 }
                if usable(j) && tokens[j].mark == .closeParenthesis { result.append((m, j + 1)) }
            } else if ["of", "from", "at"].contains(lowers[next]) {
                var j = next + 1
                if usable(j) && has(j, .determiner) { j += 1 }
                let body = j
                while usable(j) && j - body < 8 && (isNameWord(j) || (j > body && has(j, .preposition)
                                                                    && isNameWord(j + 1))) { j += 1 }
                if j > body && isNameWord(j - 1) { result.append((m, j)) }
            }
        }
        // Skip an apposition: `X, a spokeswoman for the agency, said`.
        var withApposition: [(Mention, Int)] = []
        for (m, next) in result where usable(next) && tokens[next].mark == .comma {
            var j = next + 1
            while usable(j) && j - next < maxApposition && tokens[j].paragraph == tokens[first].paragraph {
                let w = texts[j]
                if isFullStop(j) || w == "?" || w == "!" || w == ";" { break }
                if w == "," { withApposition.append((m, j + 1)); break }
                j += 1
            }
        }
        return result + withApposition
    }

    // MARK: Cues

    /// A cue ending at `last` (the verb), extended left over adverbs and auxiliaries. A passive
    /// ("is nicknamed", "was called") is not a cue: its subject is not the speaker.
    func cue(endingAt last: Int) -> Range<Int>? {
        guard last >= 0 && last < tokens.count else { return findCue(endingAt: last) }
        let known = memo.cueStart[last]
        if known >= 0 { return Int(known)..<(last + 1) }
        if known == -1 { return nil }
        let found = findCue(endingAt: last)
        memo.cueStart[last] = found.map { Int32($0.lowerBound) } ?? -1
        return found
    }

    private func findCue(endingAt last: Int) -> Range<Int>? {
        var verbStart = last
        if let phrase = phraseStart(endingAt: last) {
            verbStart = phrase
        } else {
            // A verb that begins a longer cue ("pointed" of "pointed out") is read as the whole.
            guard isCueVerb(last), phraseEnd(startingAt: last) == nil else { return nil }
        }
        var start = verbStart
        while start > 0, usable(start - 1),
              has(start - 1, .auxiliary) || has(start - 1, .adverb) || isUnlistedAdverb(start - 1) {
            start -= 1
        }
        if isPassive(start..<(last + 1)) { return nil }
        return start..<(last + 1)
    }

    /// A lowercase word with an adverb's ending (``CueModifiersRule/adverbEndings``) right after a
    /// pronoun or a name, and no noun the rules know: "she resentfully answered", not "the family
    /// said" or "Scott's family said".
    private func isUnlistedAdverb(_ k: Int) -> Bool {
        k > 0 && usable(k - 1) && hasAdverbEnding(k)
            && (pronoun(k - 1) != nil || has(k - 1, .nameWord) && !lowers[k - 1].hasSuffix("'s") && !lowers[k - 1].hasSuffix("’s"))
    }

    /// A lowercase word of five letters or more with an adverb's ending
    /// (``CueModifiersRule/adverbEndings``) that names no person or source.
    private func hasAdverbEnding(_ k: Int) -> Bool {
        guard !lexicon.adverbEndings.isEmpty, tokens[k].kind == .word, !tokens[k].isCapitalized, tokens[k].end - tokens[k].start >= 5,
              flags[k].isDisjoint(with: [.personNoun, .sourceNoun]) else { return false }
        let w = lowers[k]
        return lexicon.adverbEndings.contains { w.endsWith($0) }
    }

    private static let be: WordSet = ["is", "was", "are", "were", "be", "been", "being", "'s", "’s"]

    /// Whether a verb group is passive: a form of "be" directly before a past participle.
    private func isPassive(_ range: Range<Int>) -> Bool {
        let verb = lowers[range.upperBound - 1]
        guard range.count >= 2, verb.endsWith("ed") || verb == "said" || verb == "told" || verb == "known" else { return false }
        var k = range.upperBound - 2
        while k >= range.lowerBound, has(k, .adverb) { k -= 1 }
        return k >= range.lowerBound && Self.be.contains(lowers[k])
    }

    /// A lowercase word at `i` (after optional adverbs) that ends its clause and is no function
    /// word: the verb of `"…," Hollande retaliated.` when the rules do not list it.
    func unlistedVerb(at i: Int, inverted: Bool = false) -> Range<Int>? {
        var k = i
        while usable(k), has(k, .adverb), k - i < 2 { k += 1 }
        guard usable(k), tokens[k].kind == .word, !tokens[k].isCapitalized else { return nil }
        let w = lowers[k]
        guard !lexicon.functionWords.contains(w), !lexicon.prepositions.contains(w), !lexicon.determiners.contains(w),
              lexicon.pronouns[w] == nil, !lexicon.auxiliaries.contains(w), lexicon.personNouns[w] == nil,
              !lexicon.subordinators.contains(w), !lexicon.clauseOpeners.contains(w), !lexicon.relativePronouns.contains(w)
        else { return nil }
        // Before its subject ("…!" shuddered the Englishman) only a past tense.
        if inverted { return lexicon.invertedVerbEndings.contains(where: { w.endsWith($0) }) ? i..<(k + 1) : nil }
        guard lexicon.unlistedVerbEndings.contains(where: { w.endsWith($0) }) else { return nil }
        let next = k + 1
        guard next >= tokens.count || tokens[next].paragraph != tokens[k].paragraph
                || [.period, .comma, .semicolon, .exclamation, .question].contains(tokens[next].mark) else { return nil }
        return i..<(k + 1)
    }

    /// A cue starting at `first`: auxiliaries and adverbs, then the verb. Returns its range.
    func cue(startingAt first: Int) -> Range<Int>? {
        var k = first
        while usable(k), has(k, .auxiliary) || has(k, .adverb) || isUnlistedAdverb(k), k - first < 4 {
            if isCueVerb(k) || phraseEnd(startingAt: k) != nil { break }
            k += 1
        }
        // A multi-word cue ("went on") is preferred to its first word alone.
        if let end = phraseEnd(startingAt: k), !isPassive(first..<(end + 1)) { return first..<(end + 1) }
        guard isCueVerb(k), !isPassive(first..<(k + 1)) else { return nil }
        return first..<(k + 1)
    }

    /// The first token of a multi-word cue ending at `last`.
    private func phraseStart(endingAt last: Int) -> Int? {
        guard usable(last), let candidates = lexicon.cuePhrases[lowers[last], hash: tokens[last].hash] else { return nil }
        for words in candidates where last - words.count >= 0 {
            let start = last - words.count
            if (start..<last).allSatisfy({ usable($0) && lowers[$0] == words[$0 - start] }) { return start }
        }
        return nil
    }

    /// The last token of a multi-word cue starting at `first`.
    private func phraseEnd(startingAt first: Int) -> Int? {
        guard usable(first), let candidates = lexicon.cuePhrasesByFirst[lowers[first], hash: tokens[first].hash] else { return nil }
        for words in candidates {
            let end = first + words.count - 1
            if (first...end).allSatisfy({ usable($0) && lowers[$0] == words[$0 - first] }) { return end }
        }
        return nil
    }
}
