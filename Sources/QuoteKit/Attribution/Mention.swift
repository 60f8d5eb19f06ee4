/// Words in the text that may name a speaker: token indices `start..<end`.
struct Mention: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case name
        case pronoun(PronounsRule.Person)
        case description
        /// "who" in "Mike Lee, who declared": the phrase it refers to is `antecedent`.
        case relative
    }
    var start: Int
    var end: Int
    var kind: Kind
    /// For names: the token range of the name without title or determiner.
    var nameStart: Int
    var gender: Gender = .any
    var plural = false
    /// For a relative pronoun: the name or description it refers to.
    var antecedent: Range<Int>?
}

/// A frame that matched around a quote.
struct FrameMatch: Sendable {
    var rule: RuleID
    var confidence: Double
    var speaker: Mention
    /// Token range of the cue (verb with its auxiliaries, or the frame's literal words).
    var cue: Range<Int>?
    /// How many tokens the match spans outside the quote (shorter is closer).
    var reach: Int
    /// Whether the frame has words that report speech (a `CUE` or `VERB`, or literal words such as
    /// "according to"), not just a speaker and punctuation.
    var reportsSpeech: Bool = true
}
