/// What the lexicon and the parser know of one token, as bits: computed once per document, so
/// that the look-ups a frame repeats at every position of a gap are bit tests.
struct TokenFlags: OptionSet, Sendable {
    let rawValue: UInt32

    // The lexicon's classes of the lowercased word (``Lexicon/wordFlags``).
    static let cueForm = TokenFlags(rawValue: 1 << 0)
    static let pronoun = TokenFlags(rawValue: 1 << 1)
    static let title = TokenFlags(rawValue: 1 << 2)
    static let personNoun = TokenFlags(rawValue: 1 << 3)
    static let sourceNoun = TokenFlags(rawValue: 1 << 4)
    static let determiner = TokenFlags(rawValue: 1 << 5)
    static let preposition = TokenFlags(rawValue: 1 << 6)
    static let relativePronoun = TokenFlags(rawValue: 1 << 7)
    static let conjunction = TokenFlags(rawValue: 1 << 8)
    static let subordinator = TokenFlags(rawValue: 1 << 9)
    static let clauseOpener = TokenFlags(rawValue: 1 << 10)
    static let functionWord = TokenFlags(rawValue: 1 << 11)
    static let auxiliary = TokenFlags(rawValue: 1 << 12)
    static let adverb = TokenFlags(rawValue: 1 << 13)
    static let firstName = TokenFlags(rawValue: 1 << 14)
    /// The last word of a multi-word cue ("on" of "went on").
    static let cuePhraseLast = TokenFlags(rawValue: 1 << 15)
    /// The punctuation marks the frames stop at or pass: ",", ";", and "?" or "!".
    static let comma = TokenFlags(rawValue: 1 << 17)
    static let semicolon = TokenFlags(rawValue: 1 << 18)
    static let questionOrExclamation = TokenFlags(rawValue: 1 << 19)

    // Of the token where it stands (``PhraseParser``).
    /// A capitalised token that the non-name words list as written ("The", "Monday").
    static let nonNameWord = TokenFlags(rawValue: 1 << 20)
    /// ``PhraseParser/isNameWord(_:)``.
    static let nameWord = TokenFlags(rawValue: 1 << 21)
    /// ``PhraseParser/isCueVerb(_:)``.
    static let cueVerb = TokenFlags(rawValue: 1 << 22)
    /// ``PhraseParser/isFullStop(_:)``.
    static let fullStop = TokenFlags(rawValue: 1 << 23)
}
