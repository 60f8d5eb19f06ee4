/// A quote as someone claims it was said: the words, and optionally who said them.
public struct Claim: Sendable, Equatable {
    /// The claim's own id (a CSV `id` column, a JSONL `id` field), or nil.
    public var id: String?
    public var text: String
    /// The person the claim says spoke the words, or nil.
    public var speaker: String?

    public init(id: String? = nil, text: String, speaker: String? = nil) {
        self.id = id
        self.text = text
        self.speaker = speaker
    }
}

/// How a passage of a source compares with a claim.
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    /// The claim's text appears in the source exactly as written.
    case exact
    /// The same words in the same order; case, punctuation, quotation marks or spacing differ.
    case exactModuloPunctuation = "exact-modulo-punctuation"
    /// Most of the words, in order, with some added, removed or changed (see the diff).
    case altered
    /// No passage of the sources is close enough.
    case notFound = "not-found"

    /// Better verdicts first.
    public static func < (a: Verdict, b: Verdict) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What else a candidate passage shows beside its verdict.
public enum VerificationFlag: String, Sendable, CaseIterable {
    /// The claim names a speaker, and the passage is a quote QuoteKit attributes to someone else.
    case speakerMismatch = "speaker-mismatch"
    /// The claim is a fragment of a longer quote whose left-out words, next to it, can change
    /// what it says (a negation, a contrast, a condition: see the `verification` rule).
    case outOfContext = "out-of-context"
    /// The claim is a fragment of a longer quote (its full text is reported).
    case fragment
    /// The passage is not inside a quote QuoteKit found (narration, a paraphrase, a headline).
    case notAQuote = "not-a-quote"
}

/// One difference between a claim and a source passage, word by word: a run of the source's
/// words the claim leaves out (`removed`), a run of words the claim adds (`added`), or a run
/// replaced by other words (`changed`).
public struct WordEdit: Sendable, Equatable {
    public enum Kind: String, Sendable { case added, removed, changed }
    public var kind: Kind
    /// The source's words (empty for `added`), as written in the source.
    public var source: String
    /// The claim's words (empty for `removed`), as written in the claim.
    public var claim: String
    /// Code point offsets in the source document: the source words, or for `added` the place
    /// where the claim's words would go.
    public var start: Int
    public var end: Int

    public init(kind: Kind, source: String, claim: String, start: Int, end: Int) {
        self.kind = kind
        self.source = source
        self.claim = claim
        self.start = start
        self.end = end
    }
}

/// A passage of a source that matches a claim, with QuoteKit's record for it when it is a quote.
public struct Candidate: Sendable {
    public var doc: String
    /// Code point offsets of the passage in its document: from its first matching word to its last.
    public var start: Int
    public var end: Int
    public var text: String
    public var verdict: Verdict
    /// The share of words the claim and the passage share, aligned in order: the words in common
    /// over the longer of the two.
    public var similarity: Double
    public var flags: [VerificationFlag]
    /// Empty unless the verdict is `altered`.
    public var diff: [WordEdit]
    /// The quote the passage lies in, with its speaker, cue and context; nil when it is not a quote.
    public var record: QuoteRecord?
    /// The whole quote when the claim is a fragment of it.
    public var fullQuote: TextSpan?
    /// The quote's words left out next to the claim (before and after it), when it is a fragment.
    public var omittedBefore: String?
    public var omittedAfter: String?
    /// The speaker QuoteKit attributes the passage to (the record's), or nil.
    public var speaker: String? { record?.speaker }
    /// The source's place among the documents added, for ordering.
    var sourceIndex = 0
}

/// The answer for one claim: the best verdict over the sources, and the candidates that gave it,
/// best first.
public struct Verification: Sendable {
    public var claim: Claim
    public var verdict: Verdict
    /// The best candidate's flags.
    public var flags: [VerificationFlag]
    public var candidates: [Candidate]
}
