/// A frame's token pattern, such as `QUOTE ,? SPEAKER CUE` or `according to SPEAKER , QUOTE`.
///
/// Elements are separated by spaces:
/// - `QUOTE`: the quotation (exactly one);
/// - `SPEAKER`: a speaker phrase: a name (with title and apposition), a pronoun or a description;
/// - `NAME`: a speaker phrase that is a name (with its title);
/// - `SPEAKER'S`: a speaker in the possessive, after the quote: a possessive determiner ("his",
///   "her", from the pronouns rule's possessives) or a name ending in 's (`"…," was his reply`,
///   `"…," was Crawford's answer`);
/// - `CUE`: a reporting verb from the `cue_verbs` rules, with auxiliaries and adverbs;
/// - `VERB`: any other lowercase word that ends its clause, standing for a reporting verb the
///   rules do not list ("…," Hollande retaliated.), or before a `SPEAKER` a past tense ("Ugh!"
///   shuddered the Englishman), with the endings of ``PhraseWordsRule/unlistedVerbEndings`` and
///   ``PhraseWordsRule/invertedVerbEndings``; only right after a quote that ends with a comma, a
///   question or an exclamation mark, or is followed by a comma (`»…«, zagte er`);
/// - `~`: a short complement inside the sentence (`told reporters`, `said in a statement`);
/// - `...`: any words inside the same sentence (before the quote, the farthest match wins:
///   the main clause's speaker, not a nested one's);
/// - `PARA`: a paragraph break;
/// - `START`: the start of a sentence, a paragraph or a clause (after a dash, a semicolon, a
///   colon or a conjunction after a comma);
/// - `END`: the end of a paragraph (after the quote only): `QUOTE — NAME END` is a quote
///   signed on its last line;
/// - any other word or punctuation is matched literally, ignoring case; `a|b` is either,
///   a trailing `?` makes it optional (`,?`, `that?`).
public struct FramePattern: Sendable, CustomStringConvertible {
    public enum Element: Sendable, Equatable {
        case quote, speaker, name, possessor, cue, verb, short, gap, paragraph, start, end
        case literal(alternatives: [String], optional: Bool)
    }

    public let elements: [Element]
    public let source: String

    /// Index of `QUOTE` in ``elements``.
    public var quoteIndex: Int { elements.firstIndex(of: .quote)! }
    public var description: String { source }

    /// Parses a pattern; the error message says what is wrong.
    public static func parse(_ source: String) -> Result<FramePattern, FramePatternError> {
        var elements: [Element] = []
        let words = source.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count <= RuleLimits.maxPatternElements else {
            return .failure(FramePatternError("the pattern has \(words.count) elements; the limit is \(RuleLimits.maxPatternElements)", limit: true))
        }
        for word in words {
            switch word {
            case "QUOTE": elements.append(.quote)
            case "SPEAKER": elements.append(.speaker)
            case "NAME": elements.append(.name)
            case "SPEAKER'S", "SPEAKER’S": elements.append(.possessor)
            case "CUE": elements.append(.cue)
            case "VERB": elements.append(.verb)
            case "~": elements.append(.short)
            case "...": elements.append(.gap)
            case "PARA": elements.append(.paragraph)
            case "START": elements.append(.start)
            case "END": elements.append(.end)
            default:
                var text = Substring(word)
                var optional = false
                if text.count > 1 && text.hasSuffix("?") {
                    optional = true
                    text = text.dropLast()
                }
                let alternatives = text.split(separator: "|", omittingEmptySubsequences: false).map { $0.lowercased() }
                guard alternatives.count <= RuleLimits.maxAlternatives else {
                    return .failure(FramePatternError("'\(word.prefix(40))…' has \(alternatives.count) alternatives; the limit is \(RuleLimits.maxAlternatives)", limit: true))
                }
                if alternatives.contains(where: \.isEmpty) {
                    return .failure(FramePatternError("empty alternative in '\(word)'"))
                }
                if alternatives.contains(where: { $0.uppercased() == $0 && $0.lowercased() != $0 }) {
                    return .failure(FramePatternError("unknown element '\(word)'; slots are QUOTE, SPEAKER, SPEAKER'S, NAME, CUE, VERB, ~, ..., PARA, START, END"))
                }
                elements.append(.literal(alternatives: alternatives, optional: optional))
            }
        }
        let quotes = elements.filter { $0 == .quote }.count
        guard quotes == 1 else {
            return .failure(FramePatternError("a pattern needs exactly one QUOTE, found \(quotes)"))
        }
        guard elements.filter({ $0 == .speaker || $0 == .name || $0 == .possessor }).count == 1 else {
            return .failure(FramePatternError("a pattern needs exactly one SPEAKER, SPEAKER'S or NAME"))
        }
        if let p = elements.firstIndex(of: .possessor), p < elements.firstIndex(of: .quote)! {
            return .failure(FramePatternError("SPEAKER'S comes after QUOTE"))
        }
        if let end = elements.firstIndex(of: .end), end != elements.count - 1 || end < elements.firstIndex(of: .quote)! {
            return .failure(FramePatternError("END must be the last element, after QUOTE"))
        }
        guard elements.filter({ $0 == .cue || $0 == .verb }).count <= 1 else {
            return .failure(FramePatternError("a pattern has at most one CUE or VERB"))
        }
        let q = elements.firstIndex(of: .quote)!
        for (side, part) in [("before", elements[..<q]), ("after", elements[(q + 1)...])] {
            let gaps = part.filter { $0 == .gap || $0 == .short }.count
            guard gaps <= RuleLimits.maxGapsPerSide else {
                return .failure(FramePatternError("\(gaps) gaps (... or ~) \(side) QUOTE; the limit is \(RuleLimits.maxGapsPerSide) on each side", limit: true))
            }
        }
        let optional = elements.filter { if case .literal(_, true) = $0 { return true } else { return false } }.count
        guard optional <= RuleLimits.maxOptionalLiterals else {
            return .failure(FramePatternError("\(optional) optional elements; the limit is \(RuleLimits.maxOptionalLiterals)", limit: true))
        }
        return .success(FramePattern(elements: elements, source: source))
    }
}

public struct FramePatternError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The pattern is well formed but over one of the ``RuleLimits``.
    public let exceedsLimit: Bool
    init(_ description: String, limit: Bool = false) {
        self.description = description
        self.exceedsLimit = limit
    }
}
