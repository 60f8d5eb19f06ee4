/// The people (and organisations) named in one document, so that "Teigen", "Ms. Teigen" and
/// "she" resolve to one canonical name. Every look-up is a dictionary access or a binary search,
/// so a document with many names stays linear.
struct People {
    struct Person {
        /// Name words without titles, as written ("Chrissy", "Teigen").
        var words: [String]
        var title: String?
        /// Every title the text gives the person, in full and lower case ("mister", "doctor").
        var titles: Set<String> = []
        var gender: Gender
        /// The name as written in its fullest mention, with its hyphens and initials ("Anne-Marie
        /// Slaughter", "J. K. Rowling"), without title or possessive.
        var display: String
        /// Token index of every mention, ascending.
        var mentions: [Int] = []
        /// Whether the narration names the person right before or after a cue verb ("said Aziz",
        /// "Aziz replied") anywhere in the document: a character who speaks.
        var speaks = false
        /// Whether the first mention gave a full name (news introduces people so: "Chrissy Teigen").
        var introducedInFull = false
        /// Whether other members of the person's family are named too ("Mr. Crawford", "Miss Crawford").
        var sharedSurname = false
        /// How often each written form was used ("Mr. Darcy", "Darcy"), with the order of its first use.
        var forms: [String: (count: Int, order: Int)] = [:]
        /// The name to report: the full name when the text introduced the person with it, else the
        /// form the text uses most ("Elizabeth", "Mr. Darcy"), unless that is a title and a surname
        /// the family shares and the full name is known ("Henry Crawford", not "Mr. Crawford").
        var canonical: String {
            if introducedInFull || forms.isEmpty {
                if words.count >= 2 || title == nil { return display }
                return "\(title!) \(display)"
            }
            let most = forms.max { ($0.value.count, -$0.value.order) < ($1.value.count, -$1.value.order) }!.key
            if sharedSurname, words.count >= 2, most.hasSuffix(" " + words.last!), most.split(separator: " ").count == 2 { return display }
            return most
        }
    }

    private(set) var persons: [Person] = []
    /// Name mentions in document order: (token index, person).
    private var timeline: [(token: Int, person: Int)] = []
    /// Person of the name mention that starts at a token, and the token after the mention.
    private var mentionAt: [Int: (person: Int, end: Int)] = [:]
    /// Person nouns seen next to a name ("spokeswoman Jane Roe", "Roe, a spokeswoman"): noun → [(token, person)], ascending.
    private var roles: [String: [(token: Int, person: Int)]] = [:]

    /// For each timeline entry, the most named person so far (by full name, with a gender or a
    /// title that shows a person, not a place) compatible with a description of gender `any`,
    /// `male` or `female` (ties: the earliest named).
    private var salient: [(any: Int?, male: Int?, female: Int?)] = []

    // Indexes for linking names while collecting.
    private var byWords: [[String]: Int] = [:]
    /// The person known only by a title ("the General"), for each title in full and lower case.
    private var titleOnly: [String: Int] = [:]
    /// Tokens of the mentions by a title alone ("the General"), which name no one by name.
    private var titleOnlyTokens: Set<Int> = []
    /// For each title (in full, lower case), the person last named with it and the token of that
    /// mention, and everyone named with it, with how often each is named with it.
    private var lastNamedWithTitle: [String: (person: Int, token: Int)] = [:]
    private var namedWithTitle: [String: [Int: Int]] = [:]
    private var byFirstLast: [String: Int] = [:]
    private var byLast: [String: [Int]] = [:]
    private var byFirst: [String: [Int]] = [:]
    private var singles: [String: [Int]] = [:]
    /// A wife named by her husband's name ("Mrs. John Dashwood"), by the title and the name words.
    private var byHusbandsName: [[String]: Int] = [:]
    /// Surnames the text writes after two or more different titles ("Mr. Lane", "Mrs. Lane"): a
    /// family, whose titled members are not the person a full name ("Tom Lane") names.
    private var familySurnames: Set<String> = []

    let parser: PhraseParser
    let lexicon: Lexicon
    /// The parser's tokens, held here so that reading one costs no reference counting.
    let tokens: [Token]
    /// The parser's token texts, as written and in lowercase.
    let texts: [String]
    let lowers: [String]

    /// The longest text (in tokens, about 50,000 characters) read as an article about a few
    /// people rather than a story with many.
    private let maxArticleTokens = 10_000
    /// Whether the document is longer than an article (a novel, a long report).
    var isLongText: Bool { tokens.count > maxArticleTokens }

    /// How many paragraphs (a few chapters) a role that only says man or woman names its person for.
    private let genericRoleParagraphs = 300

    /// How many paragraphs back the people named make up the scene of a quote.
    private let sceneParagraphs = 6

    /// How many tokens (about a chapter) after its only mention a full name stops being what a
    /// bare first name refers to.
    private let passingNameTokens = 5_000

    /// How many earlier mentions a pronoun looks back over.
    private let pronounWindow = 400

    /// The first-person narrator ("I said"), when the narration speaks in the first person.
    private(set) var narrator: Int?
    /// How often "I" must occur outside quotes for the text to have a first-person narrator.
    private let minNarratorMentions = 10

    init(parser: PhraseParser) {
        self.lexicon = parser.lexicon
        self.tokens = parser.tokens
        self.texts = parser.texts
        self.lowers = parser.lowers
        self.parser = parser
        collect()
        for p in persons.indices where persons[p].words.count >= 2 && familySurnames.contains(persons[p].words.last!) {
            persons[p].sharedSurname = true
        }
        noteTitlesInQuotes()
        learnGenders()
        computeSalience()
        var firstPerson = 0
        for k in tokens.indices where isNarratorsI(k) {
            firstPerson += 1
            if firstPerson >= minNarratorMentions { break }
        }
        if firstPerson >= minNarratorMentions {
            narrator = add(Person(words: ["narrator"], title: nil, gender: .any, display: "narrator"))
        }
    }

    /// Gives a person of unknown gender the gender of the pronouns that refer back to their name:
    /// the first he/his/himself or she/hers/herself after a mention, in the same sentence and
    /// before any other name ("Fannie, weeping, flung herself on the floor"), when at least two
    /// mentions agree and twice as many agree as disagree. A person noun used as a name
    /// ("Grandmother") has the noun's gender.
    private mutating func learnGenders() {
        var votes = [(male: Int, female: Int)](repeating: (0, 0), count: persons.count)
        // A title's gender is certain; one from the first-name list ("Winnie" in "Winnie-the-Pooh")
        // gives way to the text's pronouns when they say otherwise often and clearly.
        let titled = persons.map { $0.title.map { lexicon.titles[fullTitle($0)] ?? .any } ?? .any != .any }
        // A place ("in Chandrapore", "from Anglo-India", "Ashby Hills") takes no gender from the pronouns near it;
        // nor does one mostly written after these or "to", "at" or "of" ("the Castle of Chillon"),
        // when it is written after "in" or "from" too, or never acts as a clause's subject nor speaks.
        var located = [Int](repeating: 0, count: persons.count), weaklyLocated = located
        var acts = [Bool](repeating: false, count: persons.count)
        for entry in timeline where entry.token > 0 {
            let before = entry.token - 1
            if lexicon.locatives.contains(lowers[before], hash: tokens[before].hash) {
                located[entry.person] += 1
            } else if lexicon.weakLocatives.contains(lowers[before], hash: tokens[before].hash) {
                weaklyLocated[entry.person] += 1
            } else if !acts[entry.person], !titleOnlyTokens.contains(entry.token), namesSubject(entry.token) {
                acts[entry.person] = true
            }
        }
        let place = persons.indices.map { p in
            // A name that ends with a place noun ("Ashby Hills", "the Casino") names a place.
            if persons[p].title == nil, let last = persons[p].words.last, lexicon.placeNouns.contains(last.lowercased()) { return true }
            let mentions = persons[p].mentions.count
            if located[p] > 0 && 3 * located[p] >= mentions { return true }
            let all = located[p] + weaklyLocated[p]
            return all > 0 && 3 * all >= mentions && (located[p] > 0 || !acts[p] && !persons[p].speaks)
        }
        for (n, entry) in timeline.enumerated() where !titled[entry.person] && !place[entry.person] {
            let limit = n + 1 < timeline.count ? timeline[n + 1].token : tokens.count
            var k = entry.token + 1
            while k < limit && k - entry.token <= 25 && tokens[k].sentence == tokens[entry.token].sentence {
                if parser.quoteOf[k] < 0, let g = lexicon.genderedForms[lowers[k], hash: tokens[k].hash] {
                    if g == .male { votes[entry.person].male += 1 } else { votes[entry.person].female += 1 }
                    break
                }
                k += 1
            }
        }
        // Learning a gender takes two votes to one; overturning the list's takes three to one.
        let ratio = 2
        for (p, v) in votes.enumerated() {
            switch persons[p].gender {
            case .any:
                // A person noun used as a name ("Grandmother") has its gender.
                if persons[p].words.count == 1, let noun = lexicon.personNouns[persons[p].words[0].lowercased()], noun.gender != .any {
                    persons[p].gender = noun.gender
                } else if v.male >= 2 && v.male >= ratio * v.female {
                    persons[p].gender = .male
                } else if v.female >= 2 && v.female >= ratio * v.male {
                    persons[p].gender = .female
                }
            case .male:
                if !titled[p] && v.female >= 3 && v.female >= 3 * v.male { persons[p].gender = .female }
            case .female:
                if !titled[p] && v.male >= 3 && v.male >= 3 * v.female { persons[p].gender = .male }
            }
        }
    }

    /// A title in lower case without its full stop, abbreviations written out ("Dr." → "doctor").
    func fullTitle(_ title: String) -> String {
        var t = title.lowercased()
        if t.endsWith(".") { t.removeLast() }
        return lexicon.titleFullForms[t] ?? t
    }

    /// Whether two titles are the same, written out or abbreviated ("Dr.", "Doctor").
    private func sameBearer(_ a: String, _ b: String) -> Bool { fullTitle(a) == fullTitle(b) }

    /// A name an untitled person already goes by alone or as their given name ("Cassandra").
    private func isGivenName(_ w: String) -> Bool {
        ((singles[w] ?? []) + (byFirst[w] ?? [])).contains { persons[$0].title == nil }
    }

    /// A capitalised word that is not a pronoun: a name after a title, even a common word ("Mrs Young").
    private func isCapitalizedWord(_ k: Int) -> Bool {
        tokens[k].isWord && tokens[k].isCapitalized && parser.pronoun(k) == nil
    }

    /// Titles the characters give a named person in their speech ("when Doctor Losely came in"):
    /// the narration may call them by that title alone ("said the doctor").
    private mutating func noteTitlesInQuotes() {
        for k in tokens.indices where parser.quoteOf[k] >= 0 && tokens[k].isCapitalized {
            guard let gender = parser.title(k) else { continue }
            var n = k + 1
            if n < tokens.count, tokens[n].mark == .period { n += 1 }
            guard n < tokens.count, parser.quoteOf[n] == parser.quoteOf[k], isCapitalizedWord(n),
                  n + 1 >= tokens.count || !isCapitalizedWord(n + 1),
                  let p = person(matching: [stripPossessive(texts[n])], title: nil), compatible(persons[p].gender, gender) else { continue }
            persons[p].titles.insert(fullTitle(lowers[k]))
        }
    }

    private func stripPossessive(_ s: String) -> String {
        for suffix in ["'s", "’s"] where s.endsWith(suffix) { return String(s.dropLast(2)) }
        return s
    }

    /// Finds every name in the document and groups them into persons.
    private mutating func collect() {
        var titlesBySurname: [String: Set<String>] = [:]
        for k in tokens.indices where tokens[k].isCapitalized && parser.title(k) != nil {
            var n = k + 1
            if n < tokens.count, tokens[n].mark == .period { n += 1 }
            if n < tokens.count, parser.isNameWord(n), n + 1 >= tokens.count || !parser.isNameWord(n + 1) {
                titlesBySurname[stripPossessive(texts[n]), default: []].insert(fullTitle(lowers[k]))
            }
        }
        familySurnames = Set(titlesBySurname.filter { $0.value.count >= 2 }.keys)
        var i = 0
        while i < tokens.count {
            // A heading ("Anne Says Her Prayers") is in Title Case: its words are not names.
            if i == 0 || tokens[i - 1].paragraph != tokens[i].paragraph, let end = headingEnd(from: i) {
                i = end
                continue
            }
            if let gender = titleAlone(i) {
                noteTitleAlone(i, gender: gender)
                i += 1
                continue
            }
            let startsName = parser.isNameWord(i) || !parser.flags[i].isDisjoint(with: [.title, .personNoun]) && parser.titleEnd(at: i) != nil
            // (A name starts after another only at an abbreviated title: "behind Anne Mrs. Lynde".)
            guard startsName, !(i > 0 && tokens[i - 1].paragraph == tokens[i].paragraph && parser.isNameWord(i - 1))
                    || parser.isAbbreviatedTitle(i),
                  let found = parser.titledName(startingAt: i).name
                    ?? parser.speakers(startingAt: i).first(where: { $0.mention.kind == .name }) else {
                i += 1
                continue
            }
            var m = found.mention
            let next = found.next
            // After a preposition a run of capitalised words may hold its object and then a name,
            // from a first name and a surname on: "On Facebook Jane Doe wrote" names Jane Doe, not
            // "Facebook Jane Doe" (as the frames read it); "to Megyn Kelly" stays whole.
            // A run that opens with a first name ("by Mary Ann Evans", "mit Hans Peter Müller") or
            // is joined by hyphens ("Jean-Pierre Dupont") is one name.
            if m.start == m.nameStart, m.end - m.start >= 3, m.start > 0, parser.usable(m.start - 1), parser.has(m.start - 1, .preposition),
               parser.firstName(m.start) == nil,
               let k = (m.start + 1..<m.end - 1).first(where: { parser.firstName($0) != nil && parser.isNameWord($0) }),
               tokens[k].spaceBefore, !(m.start..<k).contains(where: { tokens[$0].mark == .hyphen }) {
                m = Mention(start: k, end: m.end, kind: .name, nameStart: k, gender: parser.firstName(k) ?? .any)
            }
            var words = (m.nameStart..<m.end).filter { tokens[$0].isWord }.map { stripPossessive(texts[$0]) }
            // Two people's given names side by side ("Katharine Cassandra") are no one's full name:
            // the first is the one named.
            if words.count == 2, byWords[words] == nil, words.allSatisfy(isGivenName) { words.removeLast() }
            // A title alone ("the Professor.", "Professor and Dr.") is not a name.
            if !words.isEmpty, !words.allSatisfy({ lexicon.titles[$0.lowercased()] != nil }) {
                var display = ""
                for k in m.nameStart..<m.end {
                    if !display.isEmpty && tokens[k].spaceBefore { display += " " }
                    display += texts[k]
                }
                display = stripPossessive(display)
                var title: String?
                // The title right before the name (not "President of the French").
                var t = m.nameStart - 1
                if t > m.start, tokens[t].mark == .period { t -= 1 }
                if t >= m.start, parser.title(t) != nil {
                    title = texts[t] + (t + 1 < m.nameStart && tokens[t + 1].mark == .period ? "." : "")
                }
                let p = link(words, display: display, title: title, gender: m.gender, at: m.start)
                if let title { persons[p].titles.insert(fullTitle(title)) }
                if persons[p].mentions.isEmpty { persons[p].introducedInFull = words.count >= 2 }
                let form = title.map { "\($0) \(display)" } ?? display
                let order = persons[p].forms.count
                persons[p].forms[form, default: (0, order)].count += 1
                timeline.append((m.start, p))
                mentionAt[m.start] = (p, m.end)
                persons[p].mentions.append(m.start)
                if m.end < tokens.count && parser.isCueVerb(m.end) || m.start > 0 && parser.isCueVerb(m.start - 1) { persons[p].speaks = true }
                for t in persons[p].titles.union(persons[p].title.map { [fullTitle($0)] } ?? []) {
                    lastNamedWithTitle[t] = (p, m.start)
                    namedWithTitle[t, default: [:]][p, default: 0] += 1
                }
                noteRoles(around: m, person: p)
            }
            i = max(next, i + 1)
        }
    }

    /// The gender of a title written alone, capitalised after "the", in the narration ("the
    /// General said", "the Professor"): a person the text calls by that title.
    private func titleAlone(_ i: Int) -> Gender? {
        guard i > 0, tokens[i].isCapitalized, let the = articleBeforeTitle(i), parser.usable(the), tokens[the].paragraph == tokens[i].paragraph,
              let gender = parser.title(i) ?? parser.personNoun(i).flatMap({ $0.plural ? nil : $0.gender }) else { return nil }
        // Not a title before a name ("the General Tilney", "the Reverend Mr. Collins", "the Gen. …").
        let next = i + 1
        if next < tokens.count, tokens[next].paragraph == tokens[i].paragraph,
           parser.isNameWord(next) || parser.title(next) != nil || tokens[next].mark == .hyphen
            || parser.isAbbreviatedTitle(i) {
            return nil
        }
        return gender
    }

    /// The "the" before a title at token `i`, right before it or before one or two lowercase
    /// modifiers that are no nouns of persons, determiners or prepositions ("the old Professor").
    private func articleBeforeTitle(_ i: Int) -> Int? {
        var k = i - 1
        while k > 0, i - k <= 2, parser.usable(k), tokens[k].isWord, !tokens[k].isCapitalized, lowers[k] != "the",
              lexicon.personNouns[lowers[k]] == nil, !parser.has(k, .determiner), !parser.has(k, .preposition), tokens[k].paragraph == tokens[i].paragraph { k -= 1 }
        return k >= 0 && lowers[k] == "the" ? k : nil
    }

    /// Records "the General" at token `i`: the person the text last named with that title, when it
    /// named them lately (within ``passingNameTokens``), or the only one it names with that title,
    /// when it names them more than in passing; else the one person known by that title alone.
    private mutating func noteTitleAlone(_ i: Int, gender: Gender) {
        let title = fullTitle(lowers[i])
        var p: Int?
        if let last = lastNamedWithTitle[title], i - last.token < passingNameTokens {
            p = last.person
        } else if let holders = namedWithTitle[title], holders.count == 1, holders.first!.value >= 2 {
            p = holders.first!.key
        }
        if p == nil {
            if let known = titleOnly[title] {
                p = known
            } else {
                var person = Person(words: [texts[i]], title: nil, gender: gender, display: "the \(texts[i])")
                person.titles = [title]
                persons.append(person)
                p = persons.count - 1
                titleOnly[title] = p
            }
            persons[p!].forms["the \(texts[i])", default: (0, 0)].count += 1
        }
        let person = p!
        titleOnlyTokens.insert(i)
        timeline.append((i, person))
        mentionAt[i] = (person, i + 1)
        persons[person].mentions.append(i)
        if i + 1 < tokens.count && parser.isCueVerb(i + 1) || i >= 2 && parser.isCueVerb(i - 2) { persons[person].speaks = true }
    }

    /// When the paragraph starting at token `i` is a short heading with every word capitalised,
    /// the index after it.
    private func headingEnd(from i: Int) -> Int? {
        var k = i
        var words = 0
        var allCaps = true
        while k < tokens.count && tokens[k].paragraph == tokens[i].paragraph {
            if tokens[k].kind == .word {
                guard tokens[k].isCapitalized || parser.has(k, .determiner)
                        || parser.has(k, .preposition) || parser.has(k, .conjunction) else { return nil }
                words += 1
                if allCaps, texts[k].containsLowercase { allCaps = false }
            }
            // A heading in capitals may be long ("CHAPTER XXIII. WHICH CONTAINS THE SUBSTANCE OF …").
            if parser.quoteOf[k] >= 0 || words > (allCaps ? 60 : 12) { return nil }
            k += 1
        }
        return words >= 3 ? k : nil
    }

    private mutating func add(_ person: Person) -> Int {
        persons.append(person)
        let p = persons.count - 1
        index(p)
        return p
    }

    private mutating func index(_ p: Int) {
        let words = persons[p].words
        if words.count >= 2 {
            byWords[words] = p
            byFirstLast[words.first! + " " + words.last!] = p
            byLast[words.last!, default: []].append(p)
            byFirst[words.first!, default: []].append(p)
        } else {
            singles[words[0], default: []].append(p)
        }
    }

    /// The person these name words refer to, creating one when none fits.
    private mutating func link(_ words: [String], display: String, title: String?, gender: Gender, at: Int) -> Int {
        // "Mrs. John Dashwood" is John Dashwood's wife, not John Dashwood: a wife's title
        // (``TitlesRule/wivesTitles``) before a man's given name. She is reported so, and a bare
        // "John Dashwood" still names him.
        if words.count >= 2, let title, lexicon.wivesTitles.contains(fullTitle(title)), lexicon.firstNames[words[0].lowercased()] == .male {
            let key = [fullTitle(title)] + words
            if let p = byHusbandsName[key] { return p }
            persons.append(Person(words: words, title: title, gender: gender, display: "\(title) \(display)"))
            byHusbandsName[key] = persons.count - 1
            return persons.count - 1
        }
        if words.count >= 2 {
            if let p = byWords[words] ?? byFirstLast[words.first! + " " + words.last!] {
                merge(p, gender)
                return p
            }
            // An earlier single-word person ("Teigen") whose name this completes; one known by a
            // title ("Colonel Fitzwilliam") only by the surname.
            // Someone the text called by a title first ("Mrs. Bennet") is not the person a full
            // name written later names ("Elizabeth Bennet"): a text introduces people in full first.
            // A given name a woman's title went with ("Miss Kitty" before "Miss Kitty Harlow") is
            // the same person when the same title names her in full. (A man's title goes with a
            // surname: "Mr. Frank" is not "Mr. Frank Field".)
            func sameWoman(_ t: String) -> Bool {
                guard let title, sameBearer(t, title) else { return false }
                return lexicon.titles[fullTitle(title)] == .female
            }
            let candidates = (singles[words.last!] ?? []).filter { persons[$0].title == nil }
                + (singles[words.first!] ?? []).filter { persons[$0].title.map(sameWoman) ?? true }
            if let p = candidates.filter({ compatible(persons[$0].gender, gender) }).max() {
                let word = persons[p].words[0]
                singles[word]?.removeAll { $0 == p }
                persons[p].words = words
                persons[p].display = display
                index(p)
                merge(p, gender)
                return p
            }
            return add(Person(words: words, title: title, gender: gender, display: display))
        }
        let word = words[0]
        func mostRecent(_ candidates: [Int]) -> Int? {
            candidates.filter { compatible(persons[$0].gender, gender) }
                .max(by: { (persons[$0].mentions.last ?? -1) < (persons[$1].mentions.last ?? -1) })
        }
        // A title and a surname shared by several people of that gender ("Mrs. Bennet" in a family
        // of Bennets), or used with other titles too ("Mr. Lane", "Mrs. Lane"), name someone else
        // than a full name does: the one known by that title, or a new person.
        if let title, familySurnames.contains(word) || (byLast[word] ?? []).filter({ compatible(persons[$0].gender, gender) }).count > 1 {
            if let p = (singles[word] ?? []).last(where: { persons[$0].title == title }) { return p }
            // The man the narration calls by his bare surname ("Willoughby") is "Mr. Willoughby".
            if gender == .male, let p = (singles[word] ?? []).last(where: { persons[$0].title == nil && persons[$0].gender != .female }) {
                persons[p].title = title
                merge(p, gender)
                return p
            }
            // A man called so is the one man of the family named in full so far, if there is only
            // one ("Mr. Crawford" after "Henry Crawford"; "Mr. Trump" after "Donald J. Trump").
            if gender == .male {
                let men = (byLast[word] ?? []).filter { persons[$0].gender == .male }
                if men.count == 1 { return men[0] }
            }
            return add(Person(words: [word], title: title, gender: gender, display: display))
        }
        // In a family, a bare surname ("Darcy") is the member the text names most.
        if title == nil, familySurnames.contains(word) {
            var members = ((byLast[word] ?? []) + (singles[word] ?? [])).filter { compatible(persons[$0].gender, gender) }
            // The narration calls a man by his bare surname, a woman by a title or her first name.
            if gender == .any, members.contains(where: { persons[$0].gender != .female }) { members.removeAll { persons[$0].gender == .female } }
            if let p = members.max(by: { persons[$0].mentions.count < persons[$1].mentions.count }) {
                merge(p, gender)
                return p
            }
        }
        // A title and a surname name the person known by that title ("Mrs. Bennet"), before
        // anyone else of that surname ("Elizabeth Bennet").
        if let title, let p = singles[word]?.last(where: { persons[$0].title.map { sameBearer($0, title) } ?? false }) {
            return p
        }
        // The most recently mentioned person with this surname; then one known by title and this
        // name ("Colonel Fitzwilliam" before "Fitzwilliam Darcy"); then one with this first name.
        // A given name from the first-name list ("Jane") is first looked for as a first name, not
        // as the last word of someone else's ("Flora Jane").
        let givenName = title == nil && lexicon.firstNames[word.lowercased()] != nil
        // A full name written once, a chapter or more ago ("the periods of Henry Fielding"), is
        // someone named in passing: a bare "Henry" now is someone else.
        let byFirstName = (byFirst[word] ?? []).filter { persons[$0].mentions.count > 1 || at - (persons[$0].mentions.last ?? at) < passingNameTokens }
        if let p = (givenName ? mostRecent(byFirstName) : nil) ?? mostRecent(byLast[word] ?? [])
            ?? mostRecent((singles[word] ?? []).filter { persons[$0].title != nil && (title == nil || sameBearer(persons[$0].title!, title!)) })
            ?? mostRecent(byFirstName) {
            merge(p, gender)
            if persons[p].title == nil, persons[p].words.count == 1 { persons[p].title = title }
            return p
        }
        if let p = singles[word]?.last(where: { compatible(persons[$0].gender, gender) && (title == nil || persons[$0].title == nil || sameBearer(persons[$0].title!, title!)) }) {
            merge(p, gender)
            if persons[p].title == nil { persons[p].title = title }
            return p
        }
        return add(Person(words: [word], title: title, gender: gender, display: display))
    }

    private mutating func merge(_ p: Int, _ gender: Gender) {
        if persons[p].gender == .any { persons[p].gender = gender }
    }

    private func compatible(_ a: Gender, _ b: Gender) -> Bool { a == .any || b == .any || a == b }

    /// Records person nouns written next to a name: "economist Jared Bernstein", "Roe, a
    /// spokeswoman", "Losely, the old doctor, who". After the name only an apposition counts: a
    /// comma, an optional determiner, at most three modifiers and the noun, then punctuation, a
    /// preposition or a relative pronoun (not "Oliver, looking at the girl").
    private mutating func noteRoles(around m: Mention, person p: Int) {
        func note(_ k: Int) {
            guard let noun = parser.personNoun(k), !noun.plural, compatible(noun.gender, persons[p].gender) else { return }
            roles[lowers[k], default: []].append((m.start, p))
            if noun.gender != .any { merge(p, noun.gender) }
        }
        // Before the name the noun touches it ("economist Jared Bernstein"; not "said the old
        // gentleman to Oliver").
        if m.start > 0, parser.usable(m.start - 1), tokens[m.start - 1].isWord, !tokens[m.start - 1].isCapitalized { note(m.start - 1) }
        guard parser.usable(m.end), tokens[m.end].mark == .comma else { return }
        var j = m.end + 1
        if j < tokens.count, parser.usable(j), parser.has(j, .determiner) { j += 1 }
        var modifiers = 0
        while j < tokens.count, parser.usable(j), tokens[j].isWord, !tokens[j].isCapitalized, modifiers <= 3 {
            let after = j + 1
            let closes = after >= tokens.count || !tokens[after].isWord || parser.has(after, .preposition)
                || parser.has(after, .relativePronoun)
            if closes, parser.personNoun(j) != nil {
                note(j)
                return
            }
            if parser.has(j, .preposition) || isVerbLike(j) { return }
            j += 1
            modifiers += 1
        }
    }

    /// A word that cannot modify a noun in an apposition: a cue verb or an -ing form.
    private func isVerbLike(_ k: Int) -> Bool {
        parser.isCueVerb(k) || lowers[k].endsWith("ing") && lowers[k].count > 5
    }

    /// Fills ``salient`` over the timeline.
    private mutating func computeSalience() {
        var counts = [Int](repeating: 0, count: persons.count)
        var best: (any: Int?, male: Int?, female: Int?) = (nil, nil, nil)
        func better(_ p: Int, than q: Int?) -> Bool {
            guard let q else { return true }
            return counts[p] > counts[q] || (counts[p] == counts[q] && persons[p].mentions[0] < persons[q].mentions[0])
        }
        salient.reserveCapacity(timeline.count)
        for (_, p) in timeline {
            counts[p] += 1
            if persons[p].words.count >= 2, persons[p].gender != .any || persons[p].title != nil {
                if better(p, than: best.any) { best.any = p }
                if persons[p].gender != .female, better(p, than: best.male) { best.male = p }
                if persons[p].gender != .male, better(p, than: best.female) { best.female = p }
            }
            salient.append(best)
        }
    }

    /// The people named after paragraph `paragraph` and before token `to`.
    func named(afterParagraph paragraph: Int, before to: Int) -> Set<Int> {
        var result = Set<Int>()
        var k = lastEntry(before: to)
        while k >= 0, tokens[timeline[k].token].paragraph > paragraph {
            result.insert(timeline[k].person)
            k -= 1
        }
        return result
    }

    /// Index of the last timeline entry before token `at`, or -1.
    private func lastEntry(before at: Int) -> Int {
        var lo = 0, hi = timeline.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if timeline[mid].token < at { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }

    /// The person that name words (with an optional title) written anywhere, a quote included,
    /// refer to, without creating one: the full name, else the most mentioned person known by
    /// that single word (with that title, when one is given).
    func person(matching words: [String], title: String?) -> Int? {
        guard let first = words.first, let last = words.last else { return nil }
        if words.count >= 2 { return byWords[words] ?? byFirstLast[first + " " + last] }
        var candidates = (singles[first] ?? []) + (byFirst[first] ?? []) + (byLast[first] ?? [])
        if let title {
            let titled = candidates.filter { persons[$0].title == title }
            if !titled.isEmpty { candidates = titled }
        }
        return candidates.max { persons[$0].mentions.count < persons[$1].mentions.count }
    }

    /// The person most recently named before token `at` (within the pronoun window) who is not
    /// one of `excluding` and is known to be a person, not a place (a gender or a title).
    func recentPerson(before at: Int, excluding: Set<Int>) -> Int? {
        let last = lastEntry(before: at)
        guard last >= 0 else { return nil }
        return stride(from: last, through: max(0, last - pronounWindow), by: -1).lazy
            .map { timeline[$0].person }.first { !excluding.contains($0) && (persons[$0].gender != .any || persons[$0].title != nil) }
    }

    /// Whether token `k` is "I" in the narration, outside quotes. (Pronouns are short: the length
    /// test spares the look-up for most words.)
    private func isNarratorsI(_ k: Int) -> Bool {
        tokens[k].end - tokens[k].start <= 4 && parser.usable(k) && parser.pronoun(k) == .firstSingular
    }

    /// Whether the narration says "I" within `within` tokens before token `at`.
    func saysI(before at: Int, within: Int) -> Bool {
        stride(from: at - 1, through: max(0, at - within), by: -1).contains(where: isNarratorsI)
    }

    /// The person of the name (or title alone) that starts at token `k`, if one does; with
    /// `possessive` false, not when the name is possessive ("Elizabeth's").
    func person(mentionedAt k: Int, possessive: Bool = true) -> Int? {
        guard let hit = mentionAt[k], possessive || !isPossessive(endingAt: hit.end) else { return nil }
        return hit.person
    }

    /// Whether the name mention that ends before token `end` is possessive: "Jane's", or "Jane s"
    /// in a text that lost its apostrophes.
    private func isPossessive(endingAt end: Int) -> Bool {
        texts[end - 1].hasSuffix("'s") || texts[end - 1].hasSuffix("’s") || end < tokens.count && lowers[end] == "s"
    }

    /// The person named by a name mention.
    func person(named m: Mention) -> Int? {
        if let hit = mentionAt[m.start] ?? mentionAt[m.nameStart] { return hit.person }
        for k in stride(from: m.start - 1, through: max(0, m.start - 3), by: -1) {
            if let hit = mentionAt[k] { return hit.person }
        }
        return nil
    }

    /// The people talking before a quote: the speakers of the turns just before it, the most
    /// recent first.
    struct Conversation {
        var speakers: [Int]
        /// Those of them whose turns a name attributed ("said Bumble").
        var named: Set<Int> = []
        /// The people its turns call by name, the most recent first.
        var addressed: [Int] = []
    }

    /// The person a he/she at token `at` refers to (the narrator for "I"). `since` is the token
    /// after the previous quote; `conversation` is given when the quote opens a new turn, and
    /// `repliedTo` is then whom the quote that opens the next paragraph calls by name.
    func person(pronoun: PronounsRule.Person, at: Int, previousSpeaker: Int?, excluding addressee: Int? = nil,
                answering addressed: Int? = nil, repliedTo: Int? = nil, conversation: Conversation? = nil, since: Int? = nil) -> Int? {
        let gender: Gender
        switch pronoun {
        case .male: gender = .male
        case .female: gender = .female
        case .firstSingular: return narrator
        default: return nil
        }
        let last = lastEntry(before: at)
        let window = stride(from: last, through: max(0, last - pronounWindow), by: -1)
        func isSubject(_ k: Int) -> Bool {
            let t = timeline[k].token
            return timeline[k].person != addressee && persons[timeline[k].person].gender == gender && tokens[t].paragraph + 2 >= tokens[at].paragraph
                && namesSubject(t)
        }
        // Of the people the narration names, one it also names with a cue somewhere is preferred:
        // a man who never speaks ("Anglo-India", "God") is rarely the "he" who says something.
        func speaks(_ k: Int) -> Bool { persons[timeline[k].person].speaks }
        let narrated = since.flatMap { narratedSubject(gender, at: at, since: $0, excluding: addressee) }
        // Within a paragraph that subject comes before the last speaker.
        if conversation == nil, let p = narrated { return p }
        if let s = previousSpeaker, s != addressee, persons[s].gender == gender { return s }
        if let c = conversation {
            // At a new turn: that subject; else the person the reply calls by name ("…," he said.
            // ¶ "Yes, Mr. Darcy, …"), else the one the last turn called by name; else the one
            // person of that gender among those talking, or of several the one named last.
            if let p = narrated { return p }
            if let r = repliedTo, r != addressee, persons[r].gender == gender { return r }
            if let a = addressed, a != addressee, persons[a].gender == gender { return a }
            let fitting = c.speakers.filter { $0 != addressee && persons[$0].gender == gender }
            if fitting.count == 1 { return fitting[0] }
            if let p = lastNamed(among: Set(fitting), before: at) { return p }
            // Nobody of that gender has a turn yet: one of that gender called by name in the
            // conversation ("Pardon me, Miss Abbott" … "…," she said).
            if fitting.isEmpty, let p = c.addressed.first(where: { $0 != addressee && persons[$0].gender == gender }) { return p }
        }
        // The subject of a recent sentence of this gender, in this paragraph or the two before (one
        // who speaks first).
        if let k = window.prefix(20).first(where: { isSubject($0) && speaks($0) }) ?? window.prefix(20).first(where: isSubject) {
            return timeline[k].person
        }
        // The most recent named person of this gender who speaks.
        if let k = window.first(where: { timeline[$0].person != addressee && persons[timeline[$0].person].gender == gender && speaks($0) }) {
            return timeline[k].person
        }
        // Most recent named person of this gender; then the previous speaker if its gender is unknown.
        if let k = window.first(where: { timeline[$0].person != addressee && persons[timeline[$0].person].gender == gender }) {
            let hit = timeline[k]
            if let s = previousSpeaker, persons[s].gender == .any, let mention = persons[s].mentions.last(where: { $0 < at }),
               mention > hit.token {
                return s
            }
            return hit.person
        }
        if let s = previousSpeaker, s != addressee, persons[s].gender == .any { return s }
        // Nobody of that gender is known: the most recently named person whose gender is unknown.
        return window.first(where: {
            timeline[$0].person != addressee && persons[timeline[$0].person].gender == .any && persons[timeline[$0].person].words.count <= 3
        }).map { timeline[$0].person }
    }

    /// A person of `gender` who speaks and whom the narration has made a subject since token
    /// `since` (the previous quote), within two paragraphs before token `at`: "…," said Jane.
    /// Elizabeth smiled. "…," she said; "The Professor seized Syme. "…," he said".
    func narratedSubject(_ gender: Gender, at: Int, since: Int, excluding addressee: Int?) -> Int? {
        narratedSubjectMention(gender, at: at, since: since, excluding: addressee)?.person
    }

    /// ``narratedSubject(_:at:since:excluding:)`` with the token of the name that makes them the subject.
    func narratedSubjectMention(_ gender: Gender, at: Int, since: Int, excluding addressee: Int?) -> (token: Int, person: Int)? {
        let last = lastEntry(before: at)
        guard last >= 0 else { return nil }
        return stride(from: last, through: max(0, last - 19), by: -1).lazy.filter { k in
            let entry = self.timeline[k], person = self.persons[entry.person]
            return entry.token >= since && entry.person != addressee && person.speaks
                && (person.gender == gender || person.gender == .any && self.nextGenderedForm(after: entry.token) == gender)
                && self.tokens[entry.token].paragraph + 2 >= self.tokens[at].paragraph && self.namesSubject(entry.token)
        }.first.map { self.timeline[$0] }
    }

    /// The gender of the first he/she/his/her form after the name mention at token `t` in its
    /// sentence ("Inspector Ratcliffe drew his brows together"): a person of unknown gender shows it.
    func nextGenderedForm(after t: Int) -> Gender? {
        var k = (mentionAt[t]?.end ?? t + 1)
        while k < tokens.count, tokens[k].sentence == tokens[t].sentence {
            // (An object, "looked hard at her", is someone else.)
            if let g = genderedForm(at: k) { return actsOnOther(g, in: k..<k + 1) ? nil : g }
            k += 1
        }
        return nil
    }

    /// The gender of a he/she/his/her form of the pronouns rule at token `i` (narration only).
    func genderedForm(at i: Int) -> Gender? {
        guard parser.usable(i) else { return nil }
        return lexicon.genderedForms[lowers[i], hash: tokens[i].hash] ?? lexicon.possessives[lowers[i]]
    }

    /// In a long text (a novel), a definite description of one person by a role ("The doctor was
    /// buttoning up his coat", "The policeman sighed") that the narration has made the subject of
    /// a clause since token `since` (the previous quote), in the paragraph of token `at` or the one
    /// before, after any person of `gender` it names and acting on no one else of that gender:
    /// what a he/she at `at` refers to. "the", at most three lowercase modifiers, then a singular
    /// person noun of that gender (or of either) that says more than man or woman and is no family
    /// noun, followed by a lowercase word that can be a verb.
    func describedSubject(_ gender: Gender, at: Int, since: Int) -> Mention? {
        guard isLongText, at < tokens.count else { return nil }
        let paragraph = tokens[at].paragraph
        var k = at - 1
        while k >= max(since, 0), tokens[k].paragraph + 1 >= paragraph {
            defer { k -= 1 }
            guard parser.usable(k), tokens[k].isWord, !tokens[k].isCapitalized, let noun = parser.personNoun(k), !noun.plural,
                  noun.gender == gender || noun.gender == .any,
                  !lexicon.genericPersonNouns.contains(lowers[k]), lexicon.kinship[lowers[k]] == nil else { continue }
            let n = k + 1
            guard n < tokens.count, parser.usable(n), tokens[n].isWord, !tokens[n].isCapitalized, tokens[n].sentence == tokens[k].sentence,
                  parser.flags[n].isDisjoint(with: [.preposition, .determiner, .relativePronoun, .conjunction, .pronoun, .personNoun]),
                  lowers[n] != "s", lowers[n] != "'s", lowers[n] != "’s" else { continue }
            var d = k - 1
            while d >= 0, k - d <= 3, parser.usable(d), tokens[d].isWord, !tokens[d].isCapitalized, lowers[d] != "the",
                  parser.flags[d].isDisjoint(with: [.preposition, .determiner, .relativePronoun, .conjunction, .pronoun, .personNoun, .auxiliary]) {
                d -= 1
            }
            guard d >= since, d >= 0, d < k, parser.usable(d), lowers[d] == "the", parser.startsClause(d),
                  d == 0 || !parser.has(d - 1, .subordinator) else { continue }
            // The first he/she/his/her/him after it in its sentence is not of the other sex, nor
            // someone else of this one ("The missionary looked at her").
            var j = n
            while j < at, tokens[j].sentence == tokens[k].sentence, genderedForm(at: j) == nil { j += 1 }
            if j < at, tokens[j].sentence == tokens[k].sentence, let g = genderedForm(at: j) {
                if g != gender || actsOnOther(gender, in: j..<j + 1) { return nil }
            }
            // Every later sentence of narration before the cue opens with that he/she/his/her:
            // nobody else has become the subject ("The driver called to the men. But they had seen").
            if (n..<at).contains(where: { parser.usable($0) && tokens[$0].isWord && parser.startsSentence($0) && tokens[$0].sentence != tokens[k].sentence
                && genderedForm(at: $0) != gender }) { return nil }
            // No one of that gender named after it, and no "him"/"her" as an object after it.
            let last = lastEntry(before: at)
            if last >= 0, stride(from: last, through: 0, by: -1).lazy.prefix(while: { self.timeline[$0].token > d })
                .contains(where: { self.persons[self.timeline[$0].person].gender == gender }) { return nil }
            if actsOnOther(gender, in: n..<at) { return nil }
            return Mention(start: d, end: k + 1, kind: .description, nameStart: d, gender: noun.gender, plural: false)
        }
        return nil
    }

    /// Whether the narration in tokens `range` acts on someone else of `gender`: "him", or "her"
    /// as an object ("looked at her.", "handed her the map"), not as a possessive ("shook her head").
    func actsOnOther(_ gender: Gender, in range: Range<Int>) -> Bool {
        range.contains { k in
            guard parser.usable(k) else { return false }
            switch (gender, lowers[k]) {
            case (.male, "him"): return true
            case (.female, "her"):
                let n = k + 1
                return n >= tokens.count || !tokens[n].isWord || tokens[n].paragraph != tokens[k].paragraph
                    || !parser.flags[n].isDisjoint(with: [.determiner, .preposition, .pronoun, .conjunction, .adverb])
            default: return false
            }
        }
    }

    /// Whether the name mention at token `t` is the subject of a clause: where a clause starts
    /// (``PhraseParser/startsClause(_:)``), or after a comma or a one-word sentence opener and
    /// before a word that can be its verb ("After an hour, Mr. Palmer sauntered", "Presently
    /// Martha brought"; not "glancing at Joan, who", "Then Joan and").
    private func namesSubject(_ t: Int) -> Bool {
        // A possessive names no subject ("Cassandra's words seemed").
        if let e = mentionAt[t]?.end, isPossessive(endingAt: e) { return false }
        if parser.startsClause(t) { return true }
        // "The old Professor was staring": the phrase opens the sentence.
        if titleOnlyTokens.contains(t), let the = articleBeforeTitle(t), the < t - 1, parser.startsSentence(the) || parser.startsClause(the),
           let e = mentionAt[t]?.end, e < tokens.count, parser.usable(e), tokens[e].isWord, !tokens[e].isCapitalized, tokens[e].sentence == tokens[t].sentence,
           parser.flags[e].isDisjoint(with: [.preposition, .determiner, .relativePronoun, .conjunction, .pronoun]) {
            return true
        }
        guard t > 1, tokens[t - 1].mark == .comma || tokens[t - 1].isWord && parser.startsSentence(t - 1)
                || opensWithShortFrontedPhrase(before: t) else { return false }
        guard let e = mentionAt[t]?.end, e < tokens.count, parser.usable(e), tokens[e].isWord, !tokens[e].isCapitalized,
              tokens[e].sentence == tokens[t].sentence else { return false }
        if parser.usable(t - 1), parser.has(t - 1, .preposition) { return false }
        // (Not an object before the clause's own subject: "After thanking Jane he sat down".)
        return parser.flags[e].isDisjoint(with: [.preposition, .determiner, .relativePronoun, .conjunction, .pronoun]) && lowers[e] != "s"
    }

    /// Whether the words of the sentence before token `t` are a short fronted phrase with no comma
    /// ("After supper Anne sat", "In the morning Marilla went"): a preposition or a subordinator
    /// that opens the sentence, then one to three lowercase words.
    private func opensWithShortFrontedPhrase(before t: Int) -> Bool {
        var k = t - 1
        while k >= 0, t - k <= 3, parser.usable(k), tokens[k].isWord, !tokens[k].isCapitalized, !parser.has(k, .preposition) { k -= 1 }
        // The words after the opener are no verb phrase ("After thanking Jane", "Having met Tom").
        guard k >= 0, k < t - 1, parser.usable(k), parser.has(k, .preposition) || parser.has(k, .subordinator), parser.startsSentence(k),
              !lowers[k + 1].endsWith("ing"), !lowers[k + 1].endsWith("ed"), !(k + 1..<t).contains(where: { parser.isCueVerb($0) }) else { return false }
        return true
    }

    /// Of several people, the one named last before token `at` (within the pronoun window); nil
    /// for fewer than two.
    private func lastNamed(among candidates: Set<Int>, before at: Int) -> Int? {
        guard candidates.count >= 2 else { return nil }
        let last = lastEntry(before: at)
        return stride(from: last, through: max(0, last - pronounWindow), by: -1).lazy
            .map { self.timeline[$0].person }.first { candidates.contains($0) }
    }

    /// The people of the scene of a quote at token `at`: those talking and those named in the
    /// last few paragraphs.
    private func scene(_ c: Conversation, at: Int) -> Set<Int> {
        var scene = Set(c.speakers)
        let last = lastEntry(before: at)
        for k in stride(from: last, through: 0, by: -1) {
            guard tokens[timeline[k].token].paragraph + sceneParagraphs >= tokens[at].paragraph else { break }
            scene.insert(timeline[k].person)
        }
        return scene
    }

    /// The surname a person shares with their family: the last of several name words, or the one
    /// name word after a title ("Mr. Bennet").
    private func surname(_ p: Int) -> String? {
        if persons[p].words.count >= 2 { return persons[p].words.last }
        return persons[p].title != nil ? persons[p].words.first : nil
    }

    /// The one person of `relation` to `p` in p's family (people with p's surname), of `gender`:
    /// for a parent or a spouse the most named one with a title, no unmarried woman's ("Mrs.
    /// Bennet", not "Miss Bennet"), for a sibling or a child the last named one who is no wife of
    /// the family. A wife's parents and siblings are of another family.
    private func relative(_ p: Int, _ relation: Kinship, gender: Gender, before at: Int) -> Int? {
        guard let name = surname(p) else { return nil }
        // A married woman ("Mrs. Hurst") has her husband's surname: her parents, brothers and
        // sisters have another.
        if isWife(p), relation == .parent || relation == .sibling { return nil }
        let family = Set((byLast[name] ?? []) + (singles[name] ?? []).filter { persons[$0].title != nil })
        let members = family.filter { $0 != p && (gender == .any || persons[$0].gender == gender) && (persons[$0].mentions.first ?? at) < at }
        switch relation {
        case .parent, .spouse:
            // A mother or a wife is no unmarried woman: "Mrs. Dashwood", not "Miss Dashwood".
            return members.filter { persons[$0].title != nil && !isUnmarried($0) }.max { persons[$0].mentions.count < persons[$1].mentions.count }
        case .sibling, .child:
            // A sister or a daughter who shares the name is not the married woman of the family.
            return members.filter { !isWife($0) }.max {
                (persons[$0].mentions.last { $0 < at } ?? -1) < (persons[$1].mentions.last { $0 < at } ?? -1)
            }
        case .elder, .extended:
            return nil
        }
    }

    /// Whether the text calls a person by a married woman's title (``TitlesRule/wivesTitles``)
    /// before a surname: "Mrs. Bennet", "Lady Bertram", not the daughter's "Lady Catherine".
    private func isWife(_ p: Int) -> Bool {
        guard let title = persons[p].title, lexicon.wivesTitles.contains(fullTitle(title)) else { return false }
        // A given name ("Lady Catherine"), unless the text writes the word as a family's surname
        // too ("Mr. Allen", "Mrs. Allen").
        let word = persons[p].words[0]
        return !(persons[p].words.count == 1 && lexicon.firstNames[word.lowercased()] != nil && !familySurnames.contains(word) && byLast[word] == nil)
    }

    /// Whether the text calls a person by an unmarried woman's title (``TitlesRule/unmarriedTitles``:
    /// "Miss Dashwood").
    private func isUnmarried(_ p: Int) -> Bool {
        persons[p].title.map { lexicon.unmarriedTitles.contains(fullTitle($0)) } ?? false
    }

    /// The person recently named with a title ("Dr. Ames" for "the doctor", "Aunt Juley" for "her
    /// aunt"): known first by it, else given it at some time.
    private func holder(ofTitle word: String, before at: Int) -> Int? {
        let title = fullTitle(word)
        let last = lastEntry(before: at)
        let window = stride(from: last, through: max(0, last - pronounWindow), by: -1)
        let tests: [(Person) -> Bool] = [{ $0.title.map(self.fullTitle) == title }, { $0.titles.contains(title) }]
        for test in tests {
            if let k = window.first(where: { test(persons[timeline[$0].person]) }) { return timeline[k].person }
        }
        return nil
    }

    /// The person a possessive of gender `g` before a family noun at token `at` refers to: the
    /// last speaker of that gender, else the pronoun's referent.
    private func possessor(_ g: Gender, at: Int, conversation: Conversation?) -> Int? {
        conversation?.speakers.first(where: { persons[$0].gender == g }) ?? person(pronoun: g == .male ? .male : .female, at: at, previousSpeaker: nil)
    }

    /// The person a family description ("her mother", "her aunt") names by the family's surname
    /// or by a title ("Aunt Juley"), or nil when neither says (see
    /// ``person(description:at:conversation:excluding:answering:since:remembered:)``).
    func familyMember(_ m: Mention, at: Int, conversation: Conversation?) -> Int? {
        guard isFamilyDescription(m), let relation = lexicon.kinship[lowers[m.start + 1]], let noun = lexicon.personNouns[lowers[m.start + 1]],
              let g = lexicon.possessives[lowers[m.start]] else { return nil }
        if relation == .elder || relation == .extended, lexicon.titles[lowers[m.start + 1]] != nil,
           let p = holder(ofTitle: lowers[m.start + 1], before: at) {
            return p
        }
        return possessor(g, at: at, conversation: conversation).flatMap { relative($0, relation, gender: noun.gender, before: at) }
    }

    /// Where a description's noun phrase ends: before the first preposition after its person noun
    /// ("the girl" of "the girl in a hoarse voice", "the old gentleman at length"); the whole
    /// mention when nothing follows the noun, or a name does ("the doctor in Aziz", "the mother of
    /// Robert" are no doctor and no mother of the scene).
    func phraseEnd(_ m: Mention) -> Int {
        // A possessive and a person noun end the phrase before words that are no noun or name of
        // theirs: "her aunt" of "her aunt next morning", "her friend very placidly".
        if m.end - m.start > 2, lexicon.possessives[lowers[m.start]] != nil, parser.personNoun(m.start + 1) != nil {
            let k = m.start + 2
            if !tokens[k].isWord || parser.personNoun(k) == nil && mentionAt[k] == nil && !tokens[k].isCapitalized && !parser.has(k, .preposition) {
                return k
            }
        }
        var sawPerson = false
        for k in m.start..<m.end {
            if sawPerson, parser.has(k, .preposition) {
                return ["in", "of"].contains(lowers[k]) && holdsName(k + 1..<min(k + 3, m.end)) ? m.end : k
            }
            if parser.personNoun(k) != nil { sawPerson = true }
        }
        return m.end
    }

    /// Whether tokens `range` hold a name of someone the text names ("de Noël", "to Eleanor").
    func holdsName(_ range: Range<Int>) -> Bool {
        range.contains { mentionAt[$0] != nil && !titleOnlyTokens.contains($0) }
    }

    /// Whether a definite description that only says man or woman goes on to tell its person apart
    /// by what they wear, hold or sit in: "the gentleman in the white waistcoat", "the man with the
    /// keys" (not a manner: "the girl in a hoarse voice", "the boy with the same look"). Such a
    /// description names a character of its own, which a pronoun's referent is not.
    func isDistinguished(_ m: Mention) -> Bool {
        let end = phraseEnd(m)
        guard end + 2 < m.end, lowers[m.start] == "the", !m.plural, ["in", "with"].contains(lowers[end]), lowers[end + 1] == "the",
              let head = (m.start..<end).last(where: { parser.personNoun($0) != nil }), lexicon.genericPersonNouns.contains(lowers[head])
        else { return false }
        return !["same", "very", "most", "utmost", "least", "greatest"].contains(lowers[end + 2])
    }

    /// Whether a description is a possessive and a family noun: "her mother", "his wife".
    func isFamilyDescription(_ m: Mention) -> Bool {
        m.end - m.start == 2 && lexicon.kinship[lowers[m.start + 1]] != nil && lexicon.possessives[lowers[m.start]] != nil
    }

    /// The person a description at token `at` refers to, or nil when the text does not say: by a
    /// name it ends with ("the scandalised Margaret"), by a demonstrative ("that lady"), by title
    /// ("the doctor", "her aunt"), by family ("her mother"; `remembered` is the person the same
    /// family description stood for before, see ``familyMember(_:at:conversation:)``), by turn ("the other"), by an
    /// apposition's role ("Roe, a spokeswoman" … "the spokeswoman"), by scene at a new turn
    /// ("said the girl"), and in an article the most named person ("the model"). `addressed` is
    /// whom the last turn called by name, `repliedTo` whom the next paragraph's quote calls by name.
    func person(description m: Mention, at: Int, conversation: Conversation? = nil, excluding addressee: Int? = nil,
                answering addressed: Int? = nil, repliedTo: Int? = nil, since: Int? = nil, remembered: Int? = nil) -> Int? {
        let words = Array(lowers[m.start..<m.end])
        // "the scandalised Margaret", "the more candid Lady Bertram": a given name or a title
        // that ends the phrase after its modifiers, with no preposition before it, of someone the
        // text names elsewhere too (not "the girl of Robert", "the young American", "a young
        // Lucas", "the devout Christian").
        if words[0] == "the", let k = (m.start + 1..<m.end).first(where: { mentionAt[$0]?.end == m.end && !titleOnlyTokens.contains($0) }),
           parser.firstName(k) != nil || parser.title(k) != nil, persons[mentionAt[k]!.person].mentions.count > 1,
           !(m.start..<k).contains(where: { parser.has($0, .preposition) || lexicon.personNouns[lowers[$0]] != nil }) {
            return mentionAt[k]!.person
        }
        // "said that lady", "this worthy": the person of that sex the text mentioned last (when
        // the words do not say, anyone known to be a person, by a gender or a title), but the one
        // addressed; not "this statement" (a source noun), and, where every noun is capitalised,
        // only a description with a person noun (not "dieses kostbare Geheimnis").
        // (The head noun is the word before the first preposition: "this statement from her lawyer".)
        if lexicon.demonstratives.contains(words[0]), !m.plural,
           !lexicon.sourceNouns.contains((m.start + 1..<m.end).first(where: { parser.has($0, .preposition) }).map { lowers[$0 - 1] } ?? words[words.count - 1]),
           !lexicon.capitalizedNouns || words.dropFirst().contains(where: { lexicon.personNouns[$0] != nil }) {
            let last = lastEntry(before: at)
            if last >= 0, let k = stride(from: last, through: max(0, last - pronounWindow), by: -1).first(where: {
                let p = timeline[$0].person
                return p != addressee && (m.gender == .any ? persons[p].gender != .any || persons[p].title != nil : persons[p].gender == m.gender)
            }) {
                return timeline[k].person
            }
        }
        // "the General" where the text calls someone so (``noteTitleAlone(_:gender:)``).
        if m.end - m.start == 2, words[0] == "the", let hit = mentionAt[m.start + 1], titleOnlyTokens.contains(m.start + 1) {
            return hit.person
        }
        // "the Colonel", "the Professor": the most recently named person with that title.
        // ("the good doctor", "the old Major": with modifiers that are no person nouns and no
        // determiners, "the other doctor", and a title that says more than man or woman, not
        // "the old lady".)
        if m.end - m.start == 2 && (words[0] == "the" && !lexicon.genericPersonNouns.contains(words[1])
                                    || lexicon.possessives[words[0]] != nil && [.elder, .extended].contains(lexicon.kinship[words[1]] ?? .extended))
            || (3...4).contains(m.end - m.start) && words[0] == "the" && !lexicon.genericPersonNouns.contains(words[words.count - 1])
                && (m.start + 1..<m.end - 1).allSatisfy({
                    tokens[$0].isWord && !tokens[$0].isCapitalized && lexicon.personNouns[lowers[$0]] == nil
                        && !parser.has($0, .preposition) && !parser.has($0, .determiner)
                }),
           lexicon.titles[words[words.count - 1]] != nil {
            if let p = holder(ofTitle: words[words.count - 1], before: at) { return p }
            // Nobody is called so: the readings below ("her aunt" may be the one woman of the scene).
        }
        // "her mother", "his wife": the person of that relation in the family of the one the
        // possessive refers to (the last speaker of that gender, else the pronoun's referent).
        if words.count == 2, let relation = lexicon.kinship[words[1]], let noun = lexicon.personNouns[words[1]],
           let g = lexicon.possessives[words[0]] {
            let possessor = self.possessor(g, at: at, conversation: conversation)
            if let p = possessor.flatMap({ relative($0, relation, gender: noun.gender, before: at) }) { return p }
            // No family name to go by: the person the same words are remembered to stand for (what
            // a surname or a title last said, else their first reading: "her mother" is Mrs. Bennet
            // whichever daughter speaks of her, however far apart), for a parent or an elder
            // relative (not a sister, a son, a wife or a nephew: "her husband" changes with "her"),
            // unless that person is the possessor, spoke last or is the one addressed.
            let c = conversation ?? Conversation(speakers: [])
            if relation == .parent || relation == .elder, let r = remembered, r != addressee, r != possessor, r != c.speakers.first {
                return r
            }
            // Else the person the reply calls by name, or the one the last turn called by name
            // ("Uncle Trevor, we wanted to tell you." "Yes?" her uncle asked).
            for p in [repliedTo, addressed] {
                if let p, p != addressee, p != possessor, p != c.speakers.first, noun.gender == .any || persons[p].gender == noun.gender {
                    return p
                }
            }
            // Else the one person of the scene it can be; a parent, a spouse or an elder relative
            // is the one with a title if there is one ("Mrs. Gardiner", not her niece Jane).
            if noun.gender != .any {
                var fitting = scene(c, at: at).filter { persons[$0].gender == noun.gender && $0 != addressee && $0 != possessor && $0 != c.speakers.first }
                // A mother or a wife is no "Miss Dashwood"; a wife's parents and siblings do not
                // have her (husband's) surname.
                if relation == .parent || relation == .spouse { fitting = fitting.filter { !isUnmarried($0) } }
                if let w = possessor, isWife(w), relation == .parent || relation == .sibling, let name = surname(w) {
                    fitting = fitting.filter { surname($0) != name }
                }
                if [.parent, .spouse, .elder].contains(relation), fitting.contains(where: { persons[$0].title != nil }) {
                    fitting = fitting.filter { persons[$0].title != nil }
                }
                if fitting.count == 1 { return fitting.first }
            }
            return nil
        }
        // "said the other": the one the last turn called by name, else of the two last speakers
        // the one who did not speak last.
        if let c = conversation, let others = lexicon.followOn?.rule.otherParticipant, others.contains(words.joined(separator: " ")) {
            if let a = addressed, a != c.speakers.first, a != addressee { return a }
            // After a line of narration about one of them ("Catherine replied only by a look."), the
            // last speaker who is not that person.
            if let since {
                let last = lastEntry(before: at)
                if let k = stride(from: last, through: max(0, last - 20), by: -1).first(where: {
                    timeline[$0].token >= since && c.speakers.prefix(2).contains(timeline[$0].person) && namesSubject(timeline[$0].token)
                }), let other = c.speakers.first(where: { $0 != timeline[k].person }) {
                    return other
                }
            }
            if c.speakers.count >= 2 { return c.speakers[1] }
            // One person has spoken: the other is the person named last besides them
            // ("Jane remained alone with Mary. … "Is mama coming?" "Not yet," cried the other).
            if let only = c.speakers.first, let p = recentPerson(before: at, excluding: [only]) { return p }
        }
        for w in words.reversed() where lexicon.personNouns[w] != nil {
            // A role that only says man or woman ("Mrs. Mann, the good lady of the house") holds
            // for a while: a hundred pages on, "the old lady" is someone else.
            if let list = roles[w], let hit = list.last(where: { $0.token < at }),
               !lexicon.genericPersonNouns.contains(w) || tokens[hit.token].paragraph + genericRoleParagraphs >= tokens[at].paragraph {
                return hit.person
            }
        }
        // A new turn "said the girl": the one woman of the scene (named in the narration of the
        // last few paragraphs, or talking) who is neither the last speaker nor the one addressed.
        if let c = conversation, m.gender != .any, lowers[m.start] == "the", !m.plural,
           let head = words.last(where: { lexicon.personNouns[$0] != nil }), lexicon.genericPersonNouns.contains(head) {
            // The person the reply calls by name spoke ("…," said the old lady. ¶ "Yes, Mrs. Maylie"),
            // else the person the last turn called by name answers ("…, Mrs. Maylie?" "…," said the old lady).
            if let r = repliedTo, r != addressee, r != c.speakers.first, persons[r].gender == m.gender { return r }
            if let a = addressed, a != addressee, a != c.speakers.first, persons[a].gender == m.gender { return a }
            var fitting = scene(c, at: at).filter { persons[$0].gender == m.gender && $0 != addressee && $0 != c.speakers.first }
            // The narration calls by a description someone it does not call by name in the scene.
            if fitting.count > 1 { fitting.subtract(c.named) }
            if fitting.count == 1 { return fitting.first }
            if let p = lastNamed(among: fitting, before: at) { return p }
        }
        // In a novel, a description that only says man or woman ("said the girl", "the old
        // gentleman replied") is used like a pronoun: the person "she" or "he" would be there.
        let head = words.last { lexicon.personNouns[$0] != nil }
        let generic = head.map(lexicon.genericPersonNouns.contains) ?? false
        if tokens.count > maxArticleTokens, generic, m.gender != .any, lowers[m.start] == "the", !m.plural {
            return person(pronoun: m.gender == .male ? .male : .female, at: at, previousSpeaker: nil, excluding: addressee,
                          conversation: conversation)
        }
        // In an article, a definite description that characterises ("the model", "the senator")
        // is the most named person so far. One that only says man or woman ("the stranger") stays
        // unresolved, and so does any other in a long text such as a novel, where "the policeman"
        // is mostly someone the story never names: a guess among its many people is more often
        // wrong than right, and a character known only so is reported by the description.
        guard tokens.count <= maxArticleTokens, lowers[m.start] == "the", !m.plural, head != nil, !generic else { return nil }
        let last = lastEntry(before: at)
        guard last >= 0 else { return nil }
        switch m.gender {
        case .any: return salient[last].any
        case .male: return salient[last].male
        case .female: return salient[last].female
        }
    }
}
