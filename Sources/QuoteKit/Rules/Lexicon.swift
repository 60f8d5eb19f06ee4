/// The rules of one language compiled into lookup tables for extraction.
final class Lexicon: Sendable {
    let language: String
    let marks: QuoteMarkTable
    /// Lowercased inflected form → lemma.
    let cueForms: [String: String]
    /// Multi-word cues ("went on", "pointed out"), by their last word: the words before it.
    let cuePhrases: [String: [[String]]]
    /// Multi-word cues by their first word: all their words.
    let cuePhrasesByFirst: [String: [[String]]]
    let auxiliaries: Set<String>
    let adverbs: Set<String>
    /// Frames, most confident first (ties: by id).
    let frames: [(id: RuleID, rule: FrameRule)]
    /// Lowercased title without its final period → gender.
    let titles: [String: Gender]
    /// Each title (lower case, without its full stop) to the title it abbreviates, if any ("dr" → "doctor").
    let titleFullForms: [String: String]
    /// Titles the rules write with a final period ("mr", "sen"): only these take a following ".".
    let abbreviatedTitles: Set<String>
    let pronouns: [String: PronounsRule.Person]
    /// Third-person singular forms with their gender (he, his, himself; she, hers, herself).
    let genderedForms: [String: Gender]
    let personNouns: [String: (gender: Gender, plural: Bool)]
    /// Person nouns that say no more than sex, age or presence ("man", "stranger").
    let genericPersonNouns: Set<String>
    /// Family nouns and the relation they name ("mother": parent).
    let kinship: [String: Kinship]
    /// Possessive determiners and the gender of their possessor ("his": male, "her": female).
    let possessives: [String: Gender]
    /// Lowercased first name → gender.
    let firstNames: [String: Gender]
    let nonNameWords: Set<String>
    /// The non-name words lowercased: words that do not begin an unknown noun phrase.
    let functionWords: Set<String>
    /// Determiners, prepositions and conjunctions: the small words of a Title Case headline.
    let headlineSmallWords: Set<String>
    /// Lowercased, without the final period.
    let abbreviations: Set<String>
    let followOn: (id: RuleID, rule: FollowOnRule)?
    let filter: (id: RuleID, rule: QuoteFilterRule)
    let sourceNouns: Set<String>
    let determiners: Set<String>
    let prepositions: Set<String>
    let nameParticles: Set<String>
    let relativePronouns: Set<String>
    let clauseOpeners: Set<String>
    let subordinators: Set<String>
    let locatives: Set<String>

    init(ruleSet: RuleSet, language: String) {
        self.language = language
        var pairs: [QuoteMarksRule.Pair] = []
        var apostrophes: Set<String> = []
        var elisions: Set<String> = []
        var cueForms: [String: String] = [:]
        var auxiliaries: Set<String> = [], adverbs: Set<String> = []
        var excludedForms: Set<String> = []
        var frames: [(RuleID, FrameRule)] = []
        var titles: [String: Gender] = [:], pronouns: [String: PronounsRule.Person] = [:], genderedForms: [String: Gender] = [:]
        var abbreviatedTitles: Set<String> = []
        var titleFullForms: [String: String] = [:]
        var personNouns: [String: (Gender, Bool)] = [:], firstNames: [String: Gender] = [:]
        var genericPersonNouns: Set<String> = []
        var kinship: [String: Kinship] = [:]
        var possessives: [String: Gender] = [:]
        var nonNameWords: Set<String> = [], abbreviations: Set<String> = []
        var sourceNouns: Set<String> = [], determiners: Set<String> = [], prepositions: Set<String> = []
        var nameParticles: Set<String> = [], relativePronouns: Set<String> = [], clauseOpeners: Set<String> = [], subordinators: Set<String> = []
        var locatives: Set<String> = []
        var followOn: (RuleID, FollowOnRule)?
        var filter: (RuleID, QuoteFilterRule)?
        func strip(_ s: String) -> String { s.hasSuffix(".") ? String(s.dropLast()).lowercased() : s.lowercased() }
        for rule in ruleSet.rules(for: language) {
            let id = rule.header.id
            switch rule.body {
            case .quoteMarks(let r):
                pairs += r.pairs
                apostrophes.formUnion(r.apostrophes)
                elisions.formUnion(r.elisions.map { $0.lowercased() })
            case .cueVerbs(let r):
                for verb in r.verbs {
                    let lemma = verb.lemma.value.lowercased()
                    cueForms[lemma] = lemma
                    for form in verb.forms { cueForms[form.lowercased()] = lemma }
                }
                excludedForms.formUnion(r.excludedForms.map { $0.lowercased() })
            case .cueModifiers(let r):
                auxiliaries.formUnion(r.auxiliaries.map { $0.lowercased() })
                adverbs.formUnion(r.adverbs.map { $0.lowercased() })
            case .frame(let r): frames.append((id, r))
            case .titles(let r):
                for (t, g) in r.titles {
                    titles[strip(t)] = g
                    if t.hasSuffix(".") { abbreviatedTitles.insert(strip(t)) }
                }
                for (a, full) in r.abbreviations { titleFullForms[strip(a)] = strip(full) }
            case .pronouns(let r):
                for w in r.maleForms { genderedForms[w.lowercased()] = .male }
                for w in r.malePossessives { possessives[w.lowercased()] = .male }
                for w in r.femalePossessives { possessives[w.lowercased()] = .female }
                for w in r.femaleForms { genderedForms[w.lowercased()] = .female }
                for (w, p) in r.pronouns where p == .male || p == .female { genderedForms[w.lowercased()] = p == .male ? .male : .female }
                for (w, p) in r.pronouns {
                    pronouns[w.lowercased()] = p
                    for ending in r.contractions {
                        let e = ending.lowercased()
                        pronouns[w.lowercased() + e] = p
                        pronouns[w.lowercased() + e.replacingOccurrences(of: "'", with: "’")] = p
                    }
                }
            case .personNouns(let r):
                for (n, g, p) in r.nouns { personNouns[n.lowercased()] = (g, p) }
                genericPersonNouns.formUnion(r.generic.map { $0.lowercased() })
                for (noun, relation) in r.kin { kinship[noun.lowercased()] = relation }
                sourceNouns.formUnion(r.sources.map { $0.lowercased() })
            case .phraseWords(let r):
                determiners.formUnion(r.determiners.map { $0.lowercased() })
                prepositions.formUnion(r.prepositions.map { $0.lowercased() })
                nameParticles.formUnion(r.nameParticles)
                relativePronouns.formUnion(r.relativePronouns.map { $0.lowercased() })
                clauseOpeners.formUnion(r.clauseOpeners.map { $0.lowercased() })
                subordinators.formUnion(r.subordinators.map { $0.lowercased() })
                locatives.formUnion(r.locatives.map { $0.lowercased() })
            case .firstNames(let r):
                for (n, g) in r.names {
                    let key = n.lowercased()
                    if let old = firstNames[key], old != g { firstNames[key] = .any } else { firstNames[key] = g }
                }
            case .nonNameWords(let r): nonNameWords.formUnion(r.words)
            case .abbreviations(let r): abbreviations.formUnion(r.abbreviations.map(strip))
            case .followOn(let r): followOn = (id, r)
            case .quoteFilter(let r): filter = (id, r)
            }
        }
        self.marks = QuoteMarkTable(pairs: pairs, apostrophes: apostrophes, elisions: elisions)
        var phrases: [String: [[String]]] = [:], byFirst: [String: [[String]]] = [:]
        for form in cueForms.keys.sorted() where form.contains(" ") && !excludedForms.contains(form) {
            let words = form.split(separator: " ").map(String.init)
            phrases[words.last!, default: []].append(Array(words.dropLast()))
            byFirst[words[0], default: []].append(words)
        }
        self.cuePhrases = phrases
        self.cuePhrasesByFirst = byFirst
        self.cueForms = cueForms.filter { !excludedForms.contains($0.key) && !$0.key.contains(" ") }
        self.auxiliaries = auxiliaries
        self.adverbs = adverbs
        self.frames = frames.sorted { ($0.1.confidence, $1.0.rawValue) > ($1.1.confidence, $0.0.rawValue) }
        self.titles = titles
        self.titleFullForms = titleFullForms
        self.abbreviatedTitles = abbreviatedTitles
        self.pronouns = pronouns
        self.genderedForms = genderedForms
        self.personNouns = personNouns.mapValues { (gender: $0.0, plural: $0.1) }
        self.firstNames = firstNames
        self.genericPersonNouns = genericPersonNouns
        self.kinship = kinship
        self.possessives = possessives
        self.nonNameWords = nonNameWords
        self.functionWords = Set(nonNameWords.map { $0.lowercased() })
        self.headlineSmallWords = determiners.union(prepositions).union(PhraseParser.conjunctions).union(["is", "as"])
        self.sourceNouns = sourceNouns
        self.determiners = determiners
        self.prepositions = prepositions
        self.nameParticles = nameParticles
        self.relativePronouns = relativePronouns
        self.clauseOpeners = clauseOpeners
        self.subordinators = subordinators
        self.locatives = locatives
        self.abbreviations = abbreviations
        self.followOn = followOn.map { (id: $0.0, rule: $0.1) }
        self.filter = filter.map { (id: $0.0, rule: $0.1) }
            ?? (RuleID("\(language).quote_filter"), QuoteFilterRule(minWordsWithoutCue: 0, minWordsPartial: 0, dropTitleCase: false,
                                                                                    dropEmbeddedTitles: false, unattributedConfidence: 0.3))
    }
}
