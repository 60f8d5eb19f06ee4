import Yams

/// A rule file's text and where it came from.
public struct RuleSource: Sendable {
    /// The path shown in diagnostics (as the user gave it, or `Rules/...` for built-in rules).
    public var path: String
    /// The path relative to its rules folder (`en/cue_verbs.yaml`); the rule id comes from it.
    public var relativePath: String
    public var contents: String

    public init(path: String, relativePath: String, contents: String) {
        self.path = path
        self.relativePath = relativePath
        self.contents = contents
    }
}

/// Decodes rule files into ``Rule`` values, collecting every problem.
enum RuleDecoder {
    static func decode(_ source: RuleSource, into diagnostics: RuleDiagnostics) -> Rule? {
        let fileStart = SourceLocation(path: source.path, line: 1, column: 1)
        guard let id = RuleID(relativePath: source.relativePath) else {
            diagnostics.add(RuleDiagnostic(.error, .badValue, at: fileStart, keyPath: "",
                                           "a rule file must be LANGUAGE/NAME.yaml under a rules folder"))
            return nil
        }
        let size = source.contents.utf8.count
        guard size <= RuleLimits.maxFileBytes else {
            diagnostics.add(RuleDiagnostic(.error, .limit, at: fileStart, keyPath: "",
                                           "the file is larger than \(RuleLimits.maxFileBytes) bytes, the limit for a rule file"))
            return nil
        }
        let root: Node
        do {
            // The encoding given: Yams's default reads the whole process environment each time.
            guard let node = try Yams.compose(yaml: source.contents, .basic, .default, .utf8) else {
                diagnostics.add(RuleDiagnostic(.error, .missingKey, at: fileStart, keyPath: "", "the file is empty"))
                return nil
            }
            root = node
        } catch let error as YamlError {
            diagnostics.add(yamlDiagnostic(error, path: source.path))
            return nil
        } catch {
            diagnostics.add(RuleDiagnostic(.error, .yamlSyntax, at: fileStart, keyPath: "", "\(error)"))
            return nil
        }
        let top = RuleNode(node: root, keyPath: "", path: source.path, diagnostics: diagnostics)
        guard case .mapping = root else {
            top.error(.typeMismatch, "a rule file is a mapping with a 'kind' key")
            return nil
        }
        guard let kindNode = top.entries()?.first(where: { $0.key.value == "kind" })?.value else {
            top.error(.missingKey, "missing required key 'kind'; one of: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let kindName = kindNode.string() else { return nil }
        guard let kind = RuleKind(rawValue: kindName.value) else {
            kindNode.error(.badValue, "unknown kind '\(kindName.value)'; expected one of: \(RuleKind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        let common = ["kind", "description", "enabled", "examples", "counterexamples"]
        let own = ownKeys(kind)
        guard let fields = top.fields(required: ["kind", "description"] + own.required, optional: Array(common.dropFirst(2)) + own.optional) else {
            return nil
        }
        let errorsBefore = diagnostics.all.count
        let description = fields["description"]?.nonEmptyString()?.value ?? ""
        let enabled = fields["enabled"]?.bool() ?? true
        let examples = fields["examples"].map { decodeExamples($0, counter: false) } ?? []
        let counterexamples = fields["counterexamples"].map { decodeExamples($0, counter: true) } ?? []
        let header = RuleHeader(id: id, kind: kind, description: description, enabled: enabled,
                                examples: examples, counterexamples: counterexamples, path: source.path)
        let body = decodeBody(kind, fields)
        guard let body, diagnostics.all.count == errorsBefore else { return nil }
        return Rule(header: header, body: body)
    }

    static func yamlDiagnostic(_ error: YamlError, path: String) -> RuleDiagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return RuleDiagnostic(.error, .yamlSyntax, at: at(mark), keyPath: "", problem)
        case .duplicatedKeysInMapping(let duplicates, _):
            return RuleDiagnostic(.error, .yamlSyntax, at: SourceLocation(path: path, line: 1, column: 1), keyPath: "",
                                  "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return RuleDiagnostic(.error, .yamlSyntax, at: SourceLocation(path: path, line: 1, column: 1), keyPath: "", "\(error)")
        }
    }

    private static func ownKeys(_ kind: RuleKind) -> (required: [String], optional: [String]) {
        switch kind {
        case .quoteMarks: return (["pairs"], ["apostrophes", "elisions", "dialogue_dashes", "split_incises"])
        case .cueVerbs: return (["verbs"], ["excluded_forms"])
        case .cueModifiers: return ([], ["auxiliaries", "adverbs", "adverb_endings"])
        case .frame: return (["pattern", "confidence"], ["quote_kind", "min_words", "last_resort"])
        case .titles: return (["titles"], ["abbreviations", "wives_titles", "unmarried_titles"])
        case .pronouns: return (["pronouns"], ["contractions", "male_forms", "female_forms", "male_possessives", "female_possessives"])
        case .personNouns: return ([], ["female", "male", "any", "plural", "sources", "generic", "young", "kin"])
        case .phraseWords: return (["determiners", "prepositions"], ["name_particles", "relative_pronouns", "clause_openers", "subordinators", "locatives", "weak_locatives", "place_nouns", "articles",
                                                                        "conjunctions", "capitalized_nouns", "unlisted_verb_endings", "inverted_verb_endings",
                                                                        "demonstratives"])
        case .firstNames: return ([], ["female", "male", "any"])
        case .nonNameWords: return (["words"], [])
        case .abbreviations: return (["abbreviations"], [])
        case .followOn: return (["max_paragraphs", "min_words_alone", "confidence"], ["turn_taking", "min_exchanges", "min_run_exchanges", "continuing_cues", "other_participant", "call_words", "reference_tags"])
        case .quoteFilter: return (["min_words_without_cue", "min_words_partial", "drop_title_case", "drop_embedded_titles",
                                    "unattributed_confidence"], ["drop_subheads", "min_words_sentence_without_cue", "max_words_after_article", "max_words_after_noun", "max_words_after_preposition"])
        case .verification: return (["context_changers", "checks"], ["min_similarity", "min_omitted_words", "changer_window"])
        }
    }

    private static func words(_ node: RuleNode?) -> [String] {
        node?.stringList()?.map(\.value) ?? []
    }

    /// A list of single words (compared one token at a time), each in `within` when given: an
    /// error, naming the entry as `item`, on each other entry.
    private static func singleWords(_ node: RuleNode?, item name: String, within: (set: Set<String>, name: String)? = nil) -> [String] {
        var result: [String] = []
        for item in node?.list() ?? [] {
            guard let word = item.nonEmptyString()?.value else { continue }
            if word.contains(where: \.isWhitespace) {
                item.error(.badValue, "\(name) '\(word)' is not one word")
            } else if let within, !within.set.contains(word.lowercased()) {
                item.error(.badValue, "\(name) '\(word)' is not one of this rule's \(within.name)")
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// A list of word endings, or the word `any` (kept as the one empty ending, which every word has).
    private static func endings(_ node: RuleNode?) -> [String] {
        guard let node else { return [] }
        if case .scalar = node.node {
            guard let s = node.string() else { return [] }
            guard s.value == "any" else {
                node.error(.badValue, "expected a list of word endings or the word 'any', found '\(s.value)'")
                return []
            }
            return [""]
        }
        return words(node)
    }

    private static func decodeBody(_ kind: RuleKind, _ f: [String: RuleNode]) -> RuleBody? {
        switch kind {
        case .quoteMarks:
            let pairs = f["pairs"]?.list()?.compactMap { item -> QuoteMarksRule.Pair? in
                guard let p = item.fields(required: ["open", "close"], optional: []) else { return nil }
                guard let open = p["open"]?.nonEmptyString()?.value, let closeNode = p["close"] else { return nil }
                let close: [String]
                if case .sequence = closeNode.node { close = words(closeNode) } else { close = closeNode.nonEmptyString().map { [$0.value] } ?? [] }
                return close.isEmpty ? nil : QuoteMarksRule.Pair(open: open, close: close)
            } ?? []
            var rule = QuoteMarksRule(pairs: pairs, apostrophes: words(f["apostrophes"]), elisions: words(f["elisions"]))
            rule.dialogueDashes = words(f["dialogue_dashes"])
            if let node = f["split_incises"] {
                guard let b = node.bool() else { return nil }
                rule.splitsIncises = b
            }
            return .quoteMarks(rule)
        case .cueVerbs:
            let verbs = f["verbs"]?.entries()?.map { entry in
                CueVerbsRule.Verb(lemma: entry.key, forms: entry.value.stringList(allowEmpty: true)?.map(\.value) ?? [])
            } ?? []
            return .cueVerbs(CueVerbsRule(verbs: verbs, excludedForms: words(f["excluded_forms"])))
        case .cueModifiers:
            var rule = CueModifiersRule(auxiliaries: words(f["auxiliaries"]), adverbs: words(f["adverbs"]))
            rule.adverbEndings = words(f["adverb_endings"])
            return .cueModifiers(rule)
        case .frame:
            guard let patternNode = f["pattern"], let text = patternNode.nonEmptyString() else { return nil }
            let confidence = f["confidence"]?.number(in: 0...1)
            var kind: QuoteKind?
            if let kindNode = f["quote_kind"], let k = kindNode.string() {
                kind = QuoteKind(rawValue: k.value)
                if kind == nil { kindNode.error(.badValue, "expected direct or partial, found '\(k.value)'") }
            }
            let minWords = f["min_words"].map { $0.integer(in: 0...1000) } ?? 0
            switch FramePattern.parse(text.value) {
            case .success(let pattern):
                guard let confidence, let minWords else { return nil }
                var rule = FrameRule(pattern: pattern, confidence: confidence, kind: kind, minWords: minWords)
                if let node = f["last_resort"] {
                    guard let b = node.bool() else { return nil }
                    rule.lastResort = b
                }
                return .frame(rule)
            case .failure(let error):
                patternNode.error(error.exceedsLimit ? .limit : .badValue, error.description)
                return nil
            }
        case .titles:
            let titles = f["titles"]?.entries()?.compactMap { entry -> (String, Gender)? in
                guard let g = gender(entry.value) else { return nil }
                return (entry.key.value, g)
            } ?? []
            let known = Set(titles.map { $0.0 })
            let abbreviations = f["abbreviations"]?.entries()?.compactMap { entry -> (String, String)? in
                guard let full = entry.value.nonEmptyString() else { return nil }
                for (node, title) in [(entry.value, full.value), (entry.value, entry.key.value)] where !known.contains(title) {
                    node.error(.badValue, "'\(title)' is not one of this rule's titles")
                    return nil
                }
                return (entry.key.value, full.value)
            } ?? []
            // Titles listed under `key` that are among the rule's titles.
            func listed(_ key: String) -> [String] {
                var result: [String] = []
                for node in f[key]?.list() ?? [] {
                    guard let item = node.nonEmptyString() else { continue }
                    if known.contains(item.value) { result.append(item.value) } else { node.error(.badValue, "'\(item.value)' is not one of this rule's titles") }
                }
                return result
            }
            return .titles(TitlesRule(titles: titles, abbreviations: abbreviations, wivesTitles: listed("wives_titles"),
                                      unmarriedTitles: listed("unmarried_titles")))
        case .pronouns:
            var result: [(String, PronounsRule.Person)] = []
            for entry in f["pronouns"]?.entries() ?? [] {
                guard let person = PronounsRule.Person(rawValue: entry.key.value) else {
                    entry.value.error(.unknownKey, "unknown pronoun class '\(entry.key.value)'; expected one of: \(PronounsRule.Person.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                result += words(entry.value).map { ($0, person) }
            }
            return .pronouns(PronounsRule(pronouns: result, contractions: words(f["contractions"]),
                                          maleForms: words(f["male_forms"]), femaleForms: words(f["female_forms"]),
                                          malePossessives: words(f["male_possessives"]), femalePossessives: words(f["female_possessives"])))
        case .personNouns:
            var nouns: [(String, Gender, Bool)] = []
            nouns += words(f["female"]).map { ($0, .female, false) }
            nouns += words(f["male"]).map { ($0, .male, false) }
            nouns += words(f["any"]).map { ($0, .any, false) }
            nouns += words(f["plural"]).map { ($0, .any, true) }
            let known = Set(nouns.map { $0.0.lowercased() })
            /// The nouns of list `key` that `listed` holds; an error on each other one.
            func listedNouns(_ key: String, within listed: Set<String>, _ lists: String) -> [String] {
                var result: [String] = []
                for item in f[key]?.list() ?? [] {
                    guard let noun = item.nonEmptyString()?.value else { continue }
                    if listed.contains(noun.lowercased()) { result.append(noun) } else {
                        item.error(.badValue, "\(key) noun '\(noun)' is not listed as \(lists)")
                    }
                }
                return result
            }
            let generic = listedNouns("generic", within: known, "female, male or any")
            let young = listedNouns("young", within: Set(generic.map { $0.lowercased() }), "generic")
            var kin: [(String, Kinship)] = []
            for entry in f["kin"]?.entries() ?? [] {
                guard let value = entry.value.nonEmptyString()?.value else { continue }
                guard let relation = Kinship(rawValue: value) else {
                    entry.value.error(.badValue, "unknown relation '\(value)'; expected one of: \(Kinship.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                guard known.contains(entry.key.value.lowercased()) else {
                    entry.value.error(.badValue, "kin noun '\(entry.key.value)' is not listed as female, male or any")
                    continue
                }
                kin.append((entry.key.value, relation))
            }
            return .personNouns(PersonNounsRule(nouns: nouns, sources: words(f["sources"]), generic: generic, young: young, kin: kin))
        case .phraseWords:
            var rule = PhraseWordsRule(determiners: words(f["determiners"]), prepositions: words(f["prepositions"]),
                                       nameParticles: words(f["name_particles"]), relativePronouns: words(f["relative_pronouns"]),
                                       clauseOpeners: words(f["clause_openers"]), subordinators: words(f["subordinators"]),
                                       locatives: words(f["locatives"]), articles: words(f["articles"]))
            rule.conjunctions = words(f["conjunctions"])
            rule.demonstratives = singleWords(f["demonstratives"], item: "demonstrative", within: (Set(rule.determiners.map { $0.lowercased() }), "determiners"))
            rule.weakLocatives = words(f["weak_locatives"])
            rule.placeNouns = words(f["place_nouns"])
            rule.capitalizedNouns = f["capitalized_nouns"]?.bool() ?? false
            rule.unlistedVerbEndings = endings(f["unlisted_verb_endings"])
            rule.invertedVerbEndings = endings(f["inverted_verb_endings"])
            return .phraseWords(rule)
        case .firstNames:
            var names: [(String, Gender)] = []
            names += words(f["female"]).map { ($0, .female) }
            names += words(f["male"]).map { ($0, .male) }
            names += words(f["any"]).map { ($0, .any) }
            return .firstNames(FirstNamesRule(names: names))
        case .nonNameWords:
            return .nonNameWords(NonNameWordsRule(words: words(f["words"])))
        case .abbreviations:
            return .abbreviations(AbbreviationsRule(abbreviations: words(f["abbreviations"])))
        case .followOn:
            let maxParagraphs = f["max_paragraphs"]?.integer(in: 0...10)
            let minWordsAlone = f["min_words_alone"]?.integer(in: 0...1000)
            let confidence = f["confidence"]?.number(in: 0...1)
            guard let maxParagraphs, let minWordsAlone, let confidence else { return nil }
            let turnTaking = f["turn_taking"].map { $0.bool() } ?? false
            let minExchanges = f["min_exchanges"].map { $0.integer(in: 0...1_000_000) } ?? 0
            let minRunExchanges = f["min_run_exchanges"].map { $0.integer(in: 0...1_000_000) } ?? 0
            guard let turnTaking, let minExchanges, let minRunExchanges else { return nil }
            return .followOn(FollowOnRule(maxParagraphs: maxParagraphs, minWordsAlone: minWordsAlone, confidence: confidence,
                                          turnTaking: turnTaking, minExchanges: minExchanges, minRunExchanges: minRunExchanges,
                                          continuingCues: words(f["continuing_cues"]), otherParticipant: words(f["other_participant"]),
                                          callWords: singleWords(f["call_words"], item: "call word"),
                                          referenceTags: words(f["reference_tags"])))
        case .quoteFilter:
            let minWords = f["min_words_without_cue"]?.integer(in: 0...1000)
            let minPartial = f["min_words_partial"]?.integer(in: 0...1000)
            let titleCase = f["drop_title_case"]?.bool()
            let possessive = f["drop_embedded_titles"]?.bool()
            let confidence = f["unattributed_confidence"]?.number(in: 0...1)
            let subheads = f["drop_subheads"].map { $0.bool() } ?? false
            let sentenceWords = f["min_words_sentence_without_cue"].map { $0.integer(in: 0...1000) }
            let afterArticle = f["max_words_after_article"].map { $0.integer(in: 0...1000) }
            let afterNoun = f["max_words_after_noun"].map { $0.integer(in: 0...1000) }
            let afterPreposition = f["max_words_after_preposition"].map { $0.integer(in: 0...1000) }
            guard let minWords, let minPartial, let titleCase, let possessive, let confidence, let subheads else { return nil }
            if let sentenceWords, sentenceWords == nil { return nil }
            if let afterArticle, afterArticle == nil { return nil }
            if let afterNoun, afterNoun == nil { return nil }
            if let afterPreposition, afterPreposition == nil { return nil }
            var rule = QuoteFilterRule(minWordsWithoutCue: minWords, minWordsPartial: minPartial, dropTitleCase: titleCase,
                                       dropEmbeddedTitles: possessive, unattributedConfidence: confidence,
                                       dropSubheads: subheads, minWordsSentenceWithoutCue: sentenceWords ?? nil)
            rule.maxWordsAfterArticle = (afterArticle ?? 0) ?? 0
            rule.maxWordsAfterNoun = (afterNoun ?? 0) ?? 0
            rule.maxWordsAfterPreposition = (afterPreposition ?? 0) ?? 0
            return .quoteFilter(rule)
        case .verification:
            let changers = words(f["context_changers"])
            let similarity = f["min_similarity"].map { $0.number(in: 0...1) } ?? 0.5
            let omitted = f["min_omitted_words"].map { $0.integer(in: 1...1000) } ?? 3
            let window = f["changer_window"].map { $0.integer(in: 0...1000) } ?? 8
            guard let similarity, let omitted, let window else { return nil }
            let checks = f["checks"]?.list()?.compactMap { item -> VerificationRule.Check? in
                guard let c = item.fields(required: ["source", "claim", "verdict"], optional: ["speaker", "flags"]),
                      let source = c["source"]?.nonEmptyString(), let claim = c["claim"]?.nonEmptyString(),
                      let verdictNode = c["verdict"], let verdict = verdictNode.string() else { return nil }
                guard Verdict(rawValue: verdict.value) != nil else {
                    verdictNode.error(.badValue, "expected one of \(Verdict.allCases.map(\.rawValue).joined(separator: ", ")), found '\(verdict.value)'")
                    return nil
                }
                let flags = c["flags"].map { words($0) } ?? []
                if let bad = flags.first(where: { VerificationFlag(rawValue: $0) == nil }) {
                    c["flags"]?.error(.badValue, "unknown flag '\(bad)'; expected one of \(VerificationFlag.allCases.map(\.rawValue).joined(separator: ", "))")
                    return nil
                }
                return VerificationRule.Check(source: source, claim: claim.value, speaker: c["speaker"]?.string()?.value, verdict: verdict.value, flags: flags)
            } ?? []
            return .verification(VerificationRule(contextChangers: changers, minSimilarity: similarity, minOmittedWords: omitted,
                                                  changerWindow: window, checks: checks))
        }
    }

    private static func gender(_ node: RuleNode) -> Gender? {
        guard let s = node.string() else { return nil }
        guard let g = Gender(rawValue: s.value) else {
            node.error(.badValue, "expected male, female or any, found '\(s.value)'")
            return nil
        }
        return g
    }

    private static func decodeExamples(_ node: RuleNode, counter: Bool) -> [RuleExample] {
        node.list()?.compactMap { item -> RuleExample? in
            let keys = counter ? (["text"], [String]()) : (["text", "quotes"], [String]())
            guard let f = item.fields(required: keys.0, optional: keys.1), let text = f["text"]?.nonEmptyString() else { return nil }
            var quotes: [ExpectedQuote] = []
            if !counter, let list = f["quotes"]?.list(allowEmpty: true) {
                for q in list {
                    guard let qf = q.fields(required: ["quote"], optional: ["speaker", "mention", "cue", "kind"]),
                          let quote = qf["quote"]?.nonEmptyString() else { continue }
                    var kind: QuoteKind?
                    if let kn = qf["kind"], let k = kn.string() {
                        kind = QuoteKind(rawValue: k.value)
                        if kind == nil { kn.error(.badValue, "expected direct or partial, found '\(k.value)'") }
                    }
                    quotes.append(ExpectedQuote(quote: quote.value, speaker: qf["speaker"]?.string()?.value,
                                                mention: qf["mention"]?.string()?.value, cue: qf["cue"]?.string()?.value,
                                                kind: kind, location: q.location))
                }
            }
            return RuleExample(text: text, quotes: quotes)
        } ?? []
    }
}
