/// The rules of one language compiled into lookup tables for extraction.
final class Lexicon: Sendable {
    let language: String
    let marks: QuoteMarkTable
    /// Whether incises split quotes (``QuoteMarksRule/splitsIncises``).
    let splitsIncises: Bool
    /// Lowercased inflected form → lemma.
    let cueForms: WordMap<String>
    /// Multi-word cues ("went on", "pointed out"), by their last word: the words before it.
    let cuePhrases: WordMap<[[String]]>
    /// Multi-word cues by their first word: all their words.
    let cuePhrasesByFirst: WordMap<[[String]]>
    let auxiliaries: WordSet
    let adverbs: WordSet
    /// ``CueModifiersRule/adverbEndings``.
    let adverbEndings: [String]
    /// Frames, most confident first (ties: by id), but for the last-resort frames.
    let frames: [(id: RuleID, rule: FrameRule)]
    /// Frames tried only for a quote that nothing else attributes (``FrameRule/lastResort``).
    let lastResortFrames: [(id: RuleID, rule: FrameRule)]
    /// Lowercased title without its final period → gender.
    let titles: WordMap<Gender>
    /// Each title (lower case, without its full stop) to the title it abbreviates, if any ("dr" → "doctor").
    let titleFullForms: WordMap<String>
    /// Titles the rules write with a final period ("mr", "sen"): only these take a following ".".
    let abbreviatedTitles: WordSet
    /// ``TitlesRule/wivesTitles``, lowercased without their full stop.
    let wivesTitles: Set<String>
    /// ``TitlesRule/unmarriedTitles``, lowercased without their full stop.
    let unmarriedTitles: Set<String>
    let pronouns: WordMap<PronounsRule.Person>
    /// Third-person singular forms with their gender (he, his, himself; she, hers, herself).
    let genderedForms: WordMap<Gender>
    let personNouns: WordMap<(gender: Gender, plural: Bool)>
    /// Person nouns that say no more than sex, age or presence ("man", "stranger").
    let genericPersonNouns: WordSet
    /// Generic person nouns for a child ("boy", "child").
    let youngPersonNouns: WordSet
    /// Family nouns and the relation they name ("mother": parent).
    let kinship: WordMap<Kinship>
    /// Possessive determiners and the gender of their possessor ("his": male, "her": female).
    let possessives: WordMap<Gender>
    /// Lowercased first name → gender.
    let firstNames: WordMap<Gender>
    let nonNameWords: WordSet
    /// The non-name words lowercased: words that do not begin an unknown noun phrase.
    let functionWords: WordSet
    /// Determiners, prepositions and conjunctions: the small words of a Title Case headline.
    let headlineSmallWords: WordSet
    /// Lowercased, without the final period.
    let abbreviations: Set<String>
    let followOn: (id: RuleID, rule: FollowOnRule)?
    /// ``FollowOnRule/callWords``, lowercased.
    let callWords: Set<String>
    /// ``FollowOnRule/referenceTags``, lowercased.
    let referenceTags: Set<String>
    let filter: (id: RuleID, rule: QuoteFilterRule)
    let sourceNouns: WordSet
    let determiners: WordSet
    let prepositions: WordSet
    let nameParticles: WordSet
    let relativePronouns: WordSet
    let clauseOpeners: WordSet
    let subordinators: WordSet
    /// Articles and possessives after which a cue form is a noun (``PhraseWordsRule/articles``).
    let articles: WordSet
    /// ``PhraseWordsRule/demonstratives``, lowercased.
    let demonstratives: Set<String>
    let locatives: WordSet
    /// ``PhraseWordsRule/weakLocatives``.
    let weakLocatives: WordSet
    /// ``PhraseWordsRule/placeNouns`` (lowercased).
    let placeNouns: WordSet
    /// ``PhraseWordsRule/unlistedVerbEndings`` and ``PhraseWordsRule/invertedVerbEndings``.
    let unlistedVerbEndings: [String]
    /// ``PhraseWordsRule/capitalizedNouns``.
    let capitalizedNouns: Bool
    let invertedVerbEndings: [String]
    /// Every word of the lists above (lowercased) with the classes it belongs to.
    let wordFlags: WordMap<TokenFlags>


    init(ruleSet: RuleSet, language: String) {
        self.language = language
        var pairs: [QuoteMarksRule.Pair] = []
        var apostrophes: Set<String> = []
        var elisions: Set<String> = []
        var dialogueDashes: Set<String> = []
        var splitsIncises = false
        var cueForms: [String: String] = [:]
        var auxiliaries: Set<String> = [], adverbs: Set<String> = [], adverbEndings: Set<String> = []
        var excludedForms: Set<String> = []
        var frames: [(RuleID, FrameRule)] = []
        var titles: [String: Gender] = [:], pronouns: [String: PronounsRule.Person] = [:], genderedForms: [String: Gender] = [:]
        var abbreviatedTitles: Set<String> = []
        var wivesTitles: Set<String> = [], unmarriedTitles: Set<String> = []
        var titleFullForms: [String: String] = [:]
        var personNouns: [String: (Gender, Bool)] = [:], firstNames: [String: Gender] = [:]
        var genericPersonNouns: Set<String> = []
        var youngPersonNouns: Set<String> = []
        var kinship: [String: Kinship] = [:]
        var possessives: [String: Gender] = [:]
        var nonNameWords: Set<String> = [], abbreviations: Set<String> = []
        var sourceNouns: Set<String> = [], determiners: Set<String> = [], prepositions: Set<String> = []
        var nameParticles: Set<String> = [], relativePronouns: Set<String> = [], clauseOpeners: Set<String> = [], subordinators: Set<String> = []
        var locatives: Set<String> = [], weakLocatives: Set<String> = [], placeNouns: Set<String> = []
        var articles: Set<String> = []
        var conjunctions: Set<String> = []
        var demonstratives: Set<String> = []
        var capitalizedNouns = false
        var unlistedVerbEndings: Set<String> = [], invertedVerbEndings: Set<String> = []
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
                dialogueDashes.formUnion(r.dialogueDashes)
                splitsIncises = splitsIncises || r.splitsIncises
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
                adverbEndings.formUnion(r.adverbEndings.map { $0.lowercased() }.filter { !$0.isEmpty })
            case .frame(let r): frames.append((id, r))
            case .titles(let r):
                for (t, g) in r.titles {
                    titles[strip(t)] = g
                    if t.hasSuffix(".") { abbreviatedTitles.insert(strip(t)) }
                }
                for (a, full) in r.abbreviations { titleFullForms[strip(a)] = strip(full) }
                for t in r.wivesTitles { wivesTitles.insert(titleFullForms[strip(t)] ?? strip(t)) }
                for t in r.unmarriedTitles { unmarriedTitles.insert(titleFullForms[strip(t)] ?? strip(t)) }
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
                youngPersonNouns.formUnion(r.young.map { $0.lowercased() })
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
                weakLocatives.formUnion(r.weakLocatives.map { $0.lowercased() })
                placeNouns.formUnion(r.placeNouns.map { $0.lowercased() })
                articles.formUnion(r.articles.map { $0.lowercased() })
                conjunctions.formUnion(r.conjunctions.map { $0.lowercased() })
                demonstratives.formUnion(r.demonstratives.map { $0.lowercased() })
                capitalizedNouns = capitalizedNouns || r.capitalizedNouns
                unlistedVerbEndings.formUnion(r.unlistedVerbEndings.map { $0.lowercased() })
                invertedVerbEndings.formUnion(r.invertedVerbEndings.map { $0.lowercased() })
            case .firstNames(let r):
                for (n, g) in r.names {
                    let key = n.lowercased()
                    if let old = firstNames[key], old != g { firstNames[key] = .any } else { firstNames[key] = g }
                }
            case .nonNameWords(let r): nonNameWords.formUnion(r.words)
            case .abbreviations(let r): abbreviations.formUnion(r.abbreviations.map(strip))
            case .followOn(let r): followOn = (id, r)
            case .quoteFilter(let r): filter = (id, r)
            case .verification: break
            }
        }
        // No quote_marks rule: the language's marks from ICU's locale data.
        if pairs.isEmpty { pairs = ICULocaleData.quotePairs(language) }
        self.marks = QuoteMarkTable(pairs: pairs, apostrophes: apostrophes, elisions: elisions, dialogueDashes: dialogueDashes.sorted())
        self.splitsIncises = splitsIncises
        var phrases: [String: [[String]]] = [:], byFirst: [String: [[String]]] = [:]
        for form in cueForms.keys.sorted() where form.utf8.contains(0x20) && !excludedForms.contains(form) {
            let words = form.split(separator: " ").map(String.init)
            phrases[words.last!, default: []].append(Array(words.dropLast()))
            byFirst[words[0], default: []].append(words)
        }
        self.cuePhrases = WordMap(phrases)
        self.cuePhrasesByFirst = WordMap(byFirst)
        let singleWordCues = cueForms.filter { !excludedForms.contains($0.key) && !$0.key.utf8.contains(0x20) }
        self.cueForms = WordMap(singleWordCues)
        self.auxiliaries = WordSet(auxiliaries)
        self.adverbs = WordSet(adverbs)
        self.adverbEndings = adverbEndings.sorted()
        let sortedFrames = frames.sorted { ($0.1.confidence, $1.0.rawValue) > ($1.1.confidence, $0.0.rawValue) }
        self.frames = sortedFrames.filter { !$0.1.lastResort }
        self.lastResortFrames = sortedFrames.filter { $0.1.lastResort }
        self.titles = WordMap(titles)
        self.titleFullForms = WordMap(titleFullForms)
        self.abbreviatedTitles = WordSet(abbreviatedTitles)
        self.wivesTitles = wivesTitles
        self.unmarriedTitles = unmarriedTitles
        self.pronouns = WordMap(pronouns)
        self.genderedForms = WordMap(genderedForms)
        self.personNouns = WordMap(personNouns.mapValues { (gender: $0.0, plural: $0.1) })
        self.firstNames = WordMap(firstNames)
        self.genericPersonNouns = WordSet(genericPersonNouns)
        self.youngPersonNouns = WordSet(youngPersonNouns)
        self.kinship = WordMap(kinship)
        self.possessives = WordMap(possessives)
        self.nonNameWords = WordSet(nonNameWords)
        self.functionWords = WordSet(nonNameWords.map { $0.lowercased() })
        self.headlineSmallWords = WordSet(determiners.union(prepositions).union(conjunctions).union(["is", "as"]))
        self.sourceNouns = WordSet(sourceNouns)
        self.determiners = WordSet(determiners)
        self.prepositions = WordSet(prepositions)
        self.nameParticles = WordSet(nameParticles)
        self.relativePronouns = WordSet(relativePronouns)
        self.clauseOpeners = WordSet(clauseOpeners)
        self.subordinators = WordSet(subordinators)
        self.locatives = WordSet(locatives)
        self.weakLocatives = WordSet(weakLocatives)
        self.placeNouns = WordSet(placeNouns)
        self.articles = WordSet(articles)
        self.demonstratives = demonstratives
        self.unlistedVerbEndings = unlistedVerbEndings.sorted()
        self.capitalizedNouns = capitalizedNouns
        self.invertedVerbEndings = invertedVerbEndings.sorted()
        var flags: [String: TokenFlags] = [:]
        func mark<S: Sequence>(_ words: S, _ flag: TokenFlags) where S.Element == String {
            for w in words { flags[w, default: []].insert(flag) }
        }
        mark(singleWordCues.keys, .cueForm)
        mark(pronouns.keys, .pronoun)
        mark(titles.keys, .title)
        mark(personNouns.keys, .personNoun)
        mark(sourceNouns, .sourceNoun)
        mark(determiners, .determiner)
        mark(prepositions, .preposition)
        mark(relativePronouns, .relativePronoun)
        mark(conjunctions, .conjunction)
        mark(subordinators, .subordinator)
        mark(clauseOpeners, .clauseOpener)
        mark(nonNameWords.map { $0.lowercased() }, .functionWord)
        mark(auxiliaries, .auxiliary)
        mark(adverbs, .adverb)
        mark(firstNames.keys, .firstName)
        mark(phrases.keys, .cuePhraseLast)
        mark([","], .comma)
        mark([";"], .semicolon)
        mark(["?", "!"], .questionOrExclamation)
        self.wordFlags = WordMap(flags)
        self.abbreviations = abbreviations
        self.followOn = followOn.map { (id: $0.0, rule: $0.1) }
        self.callWords = Set((followOn?.1.callWords ?? []).map { $0.lowercased() })
        self.referenceTags = Set((followOn?.1.referenceTags ?? []).map { $0.lowercased() })
        self.filter = filter.map { (id: $0.0, rule: $0.1) }
            ?? (RuleID("\(language).quote_filter"), QuoteFilterRule(minWordsWithoutCue: 0, minWordsPartial: 0, dropTitleCase: false,
                                                                                    dropEmbeddedTitles: false, unattributedConfidence: 0.3))
    }
}
