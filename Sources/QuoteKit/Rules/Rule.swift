/// A rule's id, derived from its path under a rules folder: `en/frames/said_x.yaml` is
/// `en.frames.said_x`. The first component is the rule's language.
public struct RuleID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The id of the rule file at `relativePath` (relative to a rules folder), or nil when the
    /// path is not `LANG/.../NAME.yaml`.
    public init?(relativePath: String) {
        var parts = relativePath.split(separator: "/").map(String.init)
        guard parts.count >= 2, let last = parts.last else { return nil }
        let name: Substring
        if last.hasSuffix(".yaml") { name = last.dropLast(5) } else if last.hasSuffix(".yml") { name = last.dropLast(4) } else { return nil }
        parts[parts.count - 1] = String(name)
        rawValue = parts.joined(separator: ".")
    }

    /// The language folder the rule belongs to (`en`).
    public var language: String { String(rawValue.prefix { $0 != "." }) }
    public var description: String { rawValue }
    public static func < (a: RuleID, b: RuleID) -> Bool { a.rawValue < b.rawValue }
}

/// The closed set of rule kinds. Each decodes into its own type.
public enum RuleKind: String, CaseIterable, Sendable {
    case quoteMarks = "quote_marks"
    case cueVerbs = "cue_verbs"
    case cueModifiers = "cue_modifiers"
    case frame
    case titles
    case pronouns
    case personNouns = "person_nouns"
    case firstNames = "first_names"
    case nonNameWords = "non_name_words"
    case phraseWords = "phrase_words"
    case abbreviations
    case followOn = "follow_on"
    case quoteFilter = "quote_filter"
    case verification
}

/// What every rule file has besides its kind's own fields.
public struct RuleHeader: Sendable {
    public var id: RuleID
    public var kind: RuleKind
    public var description: String
    public var enabled: Bool
    public var examples: [RuleExample]
    public var counterexamples: [RuleExample]
    /// The file the rule was read from (as given to the loader).
    public var path: String
}

/// A text and what extraction must produce from it. Expectations are strings, not offsets.
public struct RuleExample: Sendable {
    public var text: Located<String>
    /// Expected quotes, in document order. Empty for a counterexample (no attribution at all).
    public var quotes: [ExpectedQuote]
}

public struct ExpectedQuote: Sendable, Equatable {
    /// The quoted words, without the quotation marks.
    public var quote: String
    /// The canonical speaker; nil means "not checked", `.some(nil)` (YAML `speaker: ~`) is not allowed:
    /// write `speaker: ""` for an unknown speaker.
    public var speaker: String?
    public var mention: String?
    public var cue: String?
    public var kind: QuoteKind?
    public var location: SourceLocation
}

/// One decoded rule.
public struct Rule: Sendable {
    public var header: RuleHeader
    public var body: RuleBody
}

public enum RuleBody: Sendable {
    case quoteMarks(QuoteMarksRule)
    case cueVerbs(CueVerbsRule)
    case cueModifiers(CueModifiersRule)
    case frame(FrameRule)
    case titles(TitlesRule)
    case pronouns(PronounsRule)
    case personNouns(PersonNounsRule)
    case firstNames(FirstNamesRule)
    case nonNameWords(NonNameWordsRule)
    case phraseWords(PhraseWordsRule)
    case abbreviations(AbbreviationsRule)
    case followOn(FollowOnRule)
    case quoteFilter(QuoteFilterRule)
    case verification(VerificationRule)
}

/// Grammatical gender as the rules and the text show it.
public enum Gender: String, Sendable, CaseIterable {
    case male, female
    /// Either; or not known.
    case any
}

/// Quotation marks: which opening mark pairs with which closing marks.
public struct QuoteMarksRule: Sendable {
    public struct Pair: Sendable {
        public var open: String
        public var close: [String]
    }
    public var pairs: [Pair]
    /// Marks that are also apostrophes: never a quotation mark between two letters.
    public var apostrophes: [String]
    /// Words written with a leading apostrophe ('em, 'tis): the apostrophe does not open a quote.
    public var elisions: [String]
    /// Dashes that open a line of dialogue: a paragraph that starts with one is a quote to its
    /// end (`— Bonjour, dit-il.`, `—Hola —dijo ella—.`). Empty for English.
    public var dialogueDashes: [String] = []
    /// Whether a cue and its speaker set off by commas or dashes inside a quote (an incise:
    /// `« Oui, dit-il, demain. »`, `—Hola —dijo ella—, ¿qué tal?`) split it in two quotes,
    /// both attributed to that speaker.
    public var splitsIncises = false
}

/// Reporting verbs, each lemma with its inflected forms.
public struct CueVerbsRule: Sendable {
    public struct Verb: Sendable {
        public var lemma: Located<String>
        public var forms: [String]
    }
    public var verbs: [Verb]
    /// Forms that are more often something else ("state", "comments", "post"): never a cue,
    /// whichever verb lists them.
    public var excludedForms: [String]
}

/// Words that may stand between a speaker and a cue verb (auxiliaries, adverbs).
public struct CueModifiersRule: Sendable {
    public var auxiliaries: [String]
    public var adverbs: [String]
    /// Endings of words the lists do not hold that are adverbs between a pronoun or a name and its
    /// cue verb ("she resentfully answered", "Elinor gravely replied"): "ly" in English.
    public var adverbEndings: [String] = []
}

/// A token pattern around a quote, e.g. `QUOTE ,? SPEAKER CUE`.
public struct FrameRule: Sendable {
    public var pattern: FramePattern
    public var confidence: Double
    /// The frame applies only to quotes of this kind (nil: any). A quote is `direct` when it
    /// stands as a sentence of its own (or after a cue and a comma or colon).
    public var kind: QuoteKind?
    /// The frame applies only to quotes of at least this many words.
    public var minWords: Int
    /// The frame is tried only for a quote that nothing else attributes: no other frame, no
    /// follow-on and no turn of a conversation.
    public var lastResort: Bool = false
}

public struct TitlesRule: Sendable {
    /// Title (as written, e.g. `Mrs.`) and the gender it implies.
    public var titles: [(title: String, gender: Gender)]
    /// Abbreviated titles and the title they stand for (`Dr.`: `Doctor`), so that "the doctor"
    /// finds the person the text calls "Dr. Losely".
    public var abbreviations: [(abbreviation: String, full: String)] = []
    /// Titles a married woman takes with her husband's full name ("Mrs. John Dashwood"): with a
    /// man's given name after them they name his wife.
    public var wivesTitles: [String] = []
    /// Titles of an unmarried woman ("Miss", "Fräulein"): she is nobody's mother or wife.
    public var unmarriedTitles: [String] = []
}

public struct PronounsRule: Sendable {
    public enum Person: String, Sendable, CaseIterable {
        case male, female, plural, neutral
        case firstSingular = "first_singular"
        case firstPlural = "first_plural"
        case second
    }
    /// Subject pronouns that can name a speaker, by class.
    public var pronouns: [(word: String, person: Person)]
    /// Endings a pronoun can carry as one word ("he's", "she'd"); each counts as the pronoun,
    /// with a straight or a curly apostrophe.
    public var contractions: [String]
    /// Possessive and reflexive forms that tell a person's gender when they refer back to a
    /// name in the same sentence ("Fannie … flung herself"): his, himself; hers, herself.
    public var maleForms: [String] = []
    public var femaleForms: [String] = []
    /// Possessive determiners by gender ("his", "her"): whose family "his wife" belongs to.
    public var malePossessives: [String] = []
    public var femalePossessives: [String] = []
}

public struct PersonNounsRule: Sendable {
    /// Nouns that describe a person ("spokeswoman"), with the gender they imply; plural nouns
    /// ("officials") have gender `any` and `plural` true.
    public var nouns: [(noun: String, gender: Gender, plural: Bool)]
    /// Nouns for sources that are not people but speak in the news ("statement", "report").
    public var sources: [String]
    /// Nouns that say no more than sex, age or presence ("man", "girl", "stranger"): a story
    /// uses them for people it has not named.
    public var generic: [String] = []
    /// Generic nouns for a child ("boy", "child"): someone cues call so is not the grown person
    /// another generic noun names ("said the boy" … "said the man").
    public var young: [String] = []
    /// Family nouns and the relation they name ("mother": parent): "her mother" is a person of
    /// the possessor's family.
    public var kin: [(noun: String, relation: Kinship)] = []
}

/// How a family noun relates its person to the possessor ("her mother", "his wife"). An
/// `elder` relative ("her aunt", "his grandfather") and an `extended` one ("his nephew", "her
/// granddaughter") often have another surname; an elder is, like a parent, often known by a
/// title ("Mrs. Gardiner").
public enum Kinship: String, Sendable, CaseIterable {
    case parent, spouse, sibling, child, elder, extended
}

/// Closed-class words that shape a speaker phrase.
public struct PhraseWordsRule: Sendable {
    /// Words that open a description: "the", "a", "his".
    public var determiners: [String]
    /// Words that attach a phrase to a description: "a spokeswoman *for* the agency".
    public var prepositions: [String]
    /// Lowercase words inside names: "de", "van".
    public var nameParticles: [String]
    /// Words that open a relative clause after a speaker: "who", "which".
    public var relativePronouns: [String]
    /// Words that open a new clause with its own subject ("but", "although"): a frame's `...`
    /// before a quote does not reach past one to a farther cue.
    public var clauseOpeners: [String]
    /// Words that open a subordinate clause ("while", "after", "when"). Fronted and closed by a
    /// comma ("After the interview ended, Maher said …"), such a clause is not the sentence's
    /// main clause, so a frame's `...` does not take its cue.
    public var subordinators: [String] = []
    /// Prepositions that put a place after them ("in", "from"): a name mostly written after them
    /// is a place's, and takes no gender from the pronouns near it.
    public var locatives: [String] = []
    /// Prepositions that put a place or a person after them ("to", "at", "of"): they count with the
    /// `locatives` for a name also written after a locative, or one that is never the subject of a
    /// clause nor names a speaker ("the Castle of Chillon").
    public var weakLocatives: [String] = []
    /// Nouns that end a place's name or are one ("Ashby Hills", "Grand Hotel", "the
    /// Casino"): a name that ends with one, with no title, is a place's and takes no gender from
    /// the pronouns near it.
    public var placeNouns: [String] = []
    /// Articles and possessives after which a reporting verb's form is a noun ("the report",
    /// "his call"; French "la réponse", not the verb "a" of "a déclaré").
    public var articles: [String] = []
    /// Coordinating conjunctions ("and", "or"): a speaker phrase never ends with one ("called on
    /// her to resign and said" has its subject earlier), and between quotes they make a list.
    public var conjunctions: [String] = []
    /// Demonstrative determiners ("this", "that"): "said that lady" is the person of that sex
    /// the text mentioned last.
    public var demonstratives: [String] = []
    /// Whether the language capitalises every noun (German): a capitalised word after a
    /// determiner is then a noun, not a name ("der Ausdruck", "eines Tages"), and a description
    /// needs a person noun ("der Alte", not "seine Hand").
    public var capitalizedNouns = false
    /// Endings of a lowercase word the cue lists do not hold that may still be the reporting verb
    /// closing a clause after its subject (`"…," Hollande retaliated`: "ed", "s"). An empty
    /// ending accepts any word; none (the default) turns such verbs off.
    public var unlistedVerbEndings: [String] = []
    /// The same before its subject (`"Ugh!" shuddered the Englishman`: "ed"; German, whose nouns
    /// are capitalised, takes any lowercase word: `»…«, zagte er`).
    public var invertedVerbEndings: [String] = []
}

public struct FirstNamesRule: Sendable {
    public var names: [(name: String, gender: Gender)]
}

/// Capitalised words that never begin or belong to a person's name (sentence openers,
/// weekdays, months).
public struct NonNameWordsRule: Sendable {
    public var words: [String]
}

/// Abbreviations after which a period does not end a sentence.
public struct AbbreviationsRule: Sendable {
    public var abbreviations: [String]
}

/// A quote with no cue of its own continues the previous quote's speaker.
public struct FollowOnRule: Sendable {
    /// How many paragraphs back the previous attributed quote may be (0: same paragraph only).
    public var maxParagraphs: Int
    /// A quote that is a paragraph on its own continues the speaker only with at least this many
    /// words (shorter ones are usually headings).
    public var minWordsAlone: Int
    public var confidence: Double
    /// In a two-person exchange (the last two paragraphs quote two different people), a quote
    /// with no cue that opens the next paragraph is the other person's turn.
    public var turnTaking: Bool = false
    /// Turn taking applies to a text with at least this many exchanges (adjacent paragraphs
    /// attributed to two different people): a text written in dialogue.
    public var minExchanges: Int = 0
    /// In another text, a conversation with at least this many exchanges of its own.
    public var minRunExchanges: Int = 0
    /// Reporting verbs that continue the previous speaker's words ("added", "resumed", "went
    /// on"): "he went on" after a paragraph break is still the previous speaker.
    public var continuingCues: [String] = []
    /// Descriptions that name the other person of a two-person conversation ("said the other").
    public var otherParticipant: [String] = []
    /// Words of address that may come before a name in a quote that only calls someone ("My
    /// dear Robert!"); a quote of a name after other words ("Here comes Robert!") is no call.
    public var callWords: [String] = []
    /// Short clauses that end a sentence after a name set off by a comma and make the name what
    /// the sentence says rather than whom it calls ("Mr. Allen, you mean.", "Katharine, I suppose?").
    public var referenceTags: [String] = []
}

/// Which unattributed quoted spans are not speech (scare quotes, titles, terms).
public struct QuoteFilterRule: Sendable {
    /// A quote that no frame attributes is output only with at least this many words.
    public var minWordsWithoutCue: Int
    /// A partial quote (a fragment inside reported speech) is output only with at least this many words.
    public var minWordsPartial: Int
    /// Drop unattributed quotes written in Title Case ("Saturday Night Live").
    public var dropTitleCase: Bool
    /// Drop quotes in Title Case right after a possessive, a preposition or (two words or more)
    /// any other lowercase word but a reporting verb ("CNN's “State of the Union”", "on “Meet
    /// the Press”", "went on to promote “Celebrity Apprentice”"), attributed or not: they are titles.
    public var dropEmbeddedTitles: Bool
    /// Confidence of a quote output without attribution.
    public var unattributedConfidence: Double
    /// Drop a paragraph that is nothing but a quote in single marks when the text quotes with
    /// double marks: a news subheading that quotes the section below ('A fight to the finish.').
    public var dropSubheads: Bool = false
    /// A quote that no frame attributes but that is a sentence of its own (it ends with `.`, `!`,
    /// `?` or `…`) needs only this many words: a short line of dialogue ("Ja, gewiß.") is speech,
    /// a short term quoted inside a sentence ("die „neue Zeit“") is not. Nil: as
    /// ``minWordsWithoutCue``.
    public var minWordsSentenceWithoutCue: Int? = nil
    /// A quote of at most this many words that starts with a capital right after an article or a possessive (the
    /// `phrase_words` rule's `articles`) is a name or a title, attributed or not: "die „Neue
    /// Freie Presse“", "seiner „Technik des Dramas“". 0 keeps them.
    public var maxWordsAfterArticle: Int = 0
    /// A quote of at most this many words that starts with a capital right after a capitalised
    /// noun, with nothing between, names the thing: "das Lied „Ruhe sanft“", "im Buch „Kapitalismus und Sozialismus“". For
    /// languages that capitalise nouns (`phrase_words` `capitalized_nouns`); 0 keeps them.
    public var maxWordsAfterNoun: Int = 0
    /// The same right after a preposition: "in „Kabale und Liebe“", "vom „König von Baiern“".
    public var maxWordsAfterPreposition: Int = 0
}

/// How `quotekit verify` judges a claimed quote against the passage it finds.
public struct VerificationRule: Sendable {
    /// Words whose omission can change what a quote says: negations ("not", "never"), contrasts
    /// and conditions ("but", "unless", "if"). A claim that is a fragment of a longer quote is
    /// `out-of-context` when the words it leaves out, next to it, hold one of these.
    public var contextChangers: [String]
    /// The least share of words a passage must share with a claim, aligned in order, to be
    /// reported as `altered` rather than `not-found`.
    public var minSimilarity: Double
    /// How many of a quote's words a claim must leave out to be a fragment of it (fewer will do
    /// when they hold a context changer: a claim that drops a "not" is out of context).
    public var minOmittedWords: Int
    /// How many words on each side of the claim, within the quote, are read for a context changer.
    public var changerWindow: Int
    /// The rule's examples: a source text, a claim, and the verdict and flags it must get.
    public var checks: [Check] = []

    public struct Check: Sendable {
        public var source: Located<String>
        public var claim: String
        public var speaker: String?
        public var verdict: String
        public var flags: [String]
    }

    public init(contextChangers: [String], minSimilarity: Double = 0.5, minOmittedWords: Int = 3, changerWindow: Int = 8,
                checks: [Check] = []) {
        self.contextChangers = contextChangers
        self.minSimilarity = minSimilarity
        self.minOmittedWords = minOmittedWords
        self.changerWindow = changerWindow
        self.checks = checks
    }
}
