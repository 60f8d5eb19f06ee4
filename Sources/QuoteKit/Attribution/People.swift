/// The people (and organisations) named in one document, so that "Teigen", "Ms. Teigen" and
/// "she" resolve to one canonical name.
struct People {
    struct Person {
        /// Name words without titles, as written ("Chrissy", "Teigen").
        var words: [String]
        var title: String?
        var gender: Gender
        /// Token index of every mention, ascending.
        var mentions: [Int] = []
        var canonical: String {
            if words.count >= 2 || title == nil { return words.joined(separator: " ") }
            return "\(title!) \(words.joined(separator: " "))"
        }
    }

    private(set) var persons: [Person] = []
    /// Name mentions in document order: (token index, person).
    private var timeline: [(token: Int, person: Int)] = []
    /// Person nouns seen next to a name ("spokeswoman Jane Roe", "Roe, a spokeswoman"): noun → [(token, person)].
    private var roles: [String: [(token: Int, person: Int)]] = [:]
    let parser: PhraseParser
    var lexicon: Lexicon { parser.lexicon }
    var tokens: [Token] { parser.tokens }

    init(parser: PhraseParser) {
        self.parser = parser
        collect()
    }

    private func stripPossessive(_ s: String) -> String {
        for suffix in ["'s", "’s"] where s.hasSuffix(suffix) { return String(s.dropLast(2)) }
        return s
    }

    /// Finds every name in the document and groups them into persons.
    private mutating func collect() {
        var i = 0
        var pending: [(Mention, [String])] = []
        while i < tokens.count {
            let startsName = parser.isNameWord(i) || parser.titleEnd(at: i) != nil
            guard startsName, !(i > 0 && parser.isNameWord(i - 1)),
                  let (m, next) = parser.speakers(startingAt: i).first(where: { $0.mention.kind == .name }) else {
                i += 1
                continue
            }
            let words = tokens[m.nameStart..<m.end].filter { $0.isWord }.map { stripPossessive($0.text) }
            if !words.isEmpty { pending.append((m, words)) }
            i = max(next, i + 1)
        }
        // Full names first define persons; then single words link to them.
        for (m, words) in pending {
            var title: String?
            if let t = (m.start..<m.nameStart).first(where: { lexicon.titles[tokens[$0].lower] != nil }) {
                title = tokens[t].text + (t + 1 < m.nameStart && tokens[t + 1].text == "." ? "." : "")
            }
            let p = link(words, title: title, gender: m.gender, at: m.start)
            timeline.append((m.start, p))
            persons[p].mentions.append(m.start)
            noteRoles(around: m, person: p)
        }
    }

    /// The person these name words refer to, creating one when none fits.
    private mutating func link(_ words: [String], title: String?, gender: Gender, at token: Int) -> Int {
        if words.count >= 2 {
            if let p = persons.lastIndex(where: { $0.words == words }) { merge(p, gender); return p }
            // "Hillary Rodham Clinton" after "Hillary Clinton".
            if let p = persons.lastIndex(where: { $0.words.count >= 2 && $0.words.first == words.first && $0.words.last == words.last }) {
                merge(p, gender); return p
            }
            // An earlier single-word person ("Teigen") whose name this completes.
            if let p = persons.lastIndex(where: { $0.words.count == 1 && ($0.words[0] == words.last || $0.words[0] == words.first) && compatible($0.gender, gender) }) {
                persons[p].words = words
                merge(p, gender)
                return p
            }
            persons.append(Person(words: words, title: title, gender: gender))
            return persons.count - 1
        }
        let word = words[0]
        // Most recent person with this surname (or first name), compatible by gender.
        let candidates = persons.indices.filter { persons[$0].words.count >= 2 && (persons[$0].words.last == word || persons[$0].words.first == word) }
        if let p = candidates.filter({ compatible(persons[$0].gender, gender) }).max(by: { (persons[$0].mentions.last ?? -1) < (persons[$1].mentions.last ?? -1) }) {
            merge(p, gender)
            return p
        }
        if let p = persons.lastIndex(where: { $0.words == [word] && compatible($0.gender, gender) && (title == nil || $0.title == nil || $0.title == title) }) {
            merge(p, gender)
            if persons[p].title == nil { persons[p].title = title }
            return p
        }
        persons.append(Person(words: [word], title: title, gender: gender))
        return persons.count - 1
    }

    private mutating func merge(_ p: Int, _ gender: Gender) {
        if persons[p].gender == .any { persons[p].gender = gender }
    }

    private func compatible(_ a: Gender, _ b: Gender) -> Bool { a == .any || b == .any || a == b }

    /// Records person nouns written next to a name: "economist Jared Bernstein", "Roe, a spokeswoman".
    private mutating func noteRoles(around m: Mention, person p: Int) {
        var k = m.start - 1
        var n = 0
        while k >= 0 && n < 4 && parser.usable(k) && tokens[k].isWord && !tokens[k].isCapitalized {
            if let noun = lexicon.personNouns[tokens[k].lower], !noun.plural {
                roles[tokens[k].lower, default: []].append((m.start, p))
                if noun.gender != .any { merge(p, noun.gender) }
            }
            k -= 1
            n += 1
        }
        if parser.usable(m.end), tokens[m.end].text == "," {
            var j = m.end + 1
            while j < tokens.count && j - m.end < 12 && parser.usable(j) && tokens[j].isWord {
                if let noun = lexicon.personNouns[tokens[j].lower], !noun.plural {
                    roles[tokens[j].lower, default: []].append((m.start, p))
                    if noun.gender != .any { merge(p, noun.gender) }
                }
                j += 1
            }
        }
    }

    /// The person named by a name mention.
    func person(named m: Mention) -> Int? {
        timeline.first(where: { $0.token == m.start })?.person
            ?? timeline.last(where: { $0.token <= m.start && $0.token >= m.start - 3 && m.start < tokens.count })?.person
    }

    /// The person a pronoun at token `at` refers to: the previous speaker when compatible, else the
    /// most recently named compatible person.
    func person(pronoun: PronounsRule.Person, at: Int, previousSpeaker: Int?) -> Int? {
        let gender: Gender
        switch pronoun {
        case .male: gender = .male
        case .female: gender = .female
        default: return nil
        }
        if let s = previousSpeaker, persons[s].gender == gender { return s }
        // Most recent named person of this gender; then the previous speaker if its gender is unknown.
        if let hit = timeline.last(where: { $0.token < at && persons[$0.person].gender == gender }) {
            if let s = previousSpeaker, persons[s].gender == .any, let last = persons[s].mentions.last(where: { $0 < at }), last > hit.token {
                return s
            }
            return hit.person
        }
        if let s = previousSpeaker, persons[s].gender == .any { return s }
        // Nobody of that gender is known: the most recently named person whose gender is unknown.
        return timeline.last(where: { $0.token < at && persons[$0.person].gender == .any && persons[$0.person].words.count <= 3 })?.person
    }

    /// The person a description at token `at` refers to: one named next to the same noun
    /// earlier ("Roe, a spokeswoman" … "the spokeswoman"), else, for a definite description of
    /// a person, the most mentioned compatible person so far.
    func person(description m: Mention, at: Int) -> Int? {
        let words = tokens[m.start..<m.end].map(\.lower)
        for w in words.reversed() where lexicon.personNouns[w] != nil {
            if let hit = roles[w]?.last(where: { $0.token < at }) { return hit.person }
        }
        guard tokens[m.start].lower == "the", !m.plural, words.contains(where: { lexicon.personNouns[$0] != nil }) else { return nil }
        var best: (count: Int, first: Int, person: Int)?
        for (p, person) in persons.enumerated() where compatible(person.gender, m.gender) && person.words.count >= 2 {
            let count = person.mentions.filter { $0 < at }.count
            guard count > 0, let first = person.mentions.first else { continue }
            if best == nil || count > best!.count || (count == best!.count && first < best!.first) { best = (count, first, p) }
        }
        return best?.person
    }
}
