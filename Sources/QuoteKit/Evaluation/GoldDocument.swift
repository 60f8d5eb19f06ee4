/// An annotated document: a line of a gold JSONL file in the format of the evaluation harness
/// (`id`, `text`, `quotes` with code point offsets and speakers; optionally `source`,
/// `nonquotes` and, for novels, `characters` with their aliases).
public struct GoldDocument: Sendable {
    public struct Span: Sendable, Equatable {
        public var start: Int, end: Int
    }

    public struct Quote: Sendable {
        public var span: Span
        /// The annotated speaker mention (news), when there is one.
        public var mention: Span?
        public var mentionText: String?
        /// The speaker's name (a mention in news, a canonical character in novels).
        public var speaker: String?
        public var aliases: [String]
        public var kind: String?
        /// Whether the annotation gives a speaker at all.
        public var hasSpeaker: Bool { mention != nil || speaker != nil || !aliases.isEmpty }
    }

    public var id: String
    public var text: String
    /// The corpus the document belongs to (`source`), "gold" when absent.
    public var source: String
    public var quotes: [Quote]
    /// Quoted spans that are not quotations (titles, scare quotes).
    public var nonquotes: [Span]
    /// Characters of a novel: each a list of names (the name, then its aliases).
    public var characters: [[String]]

    /// What an extractor may see: the id and the text, none of the annotations.
    public var document: Document { Document(id: id, text: text) }

    /// Why a gold line cannot be read.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Parses one gold JSONL line.
    public init(line: String) throws(Problem) {
        let doc: Document
        do {
            doc = try Document.parseJSONLine(line)
        } catch {
            throw Problem(description: error.description)
        }
        id = doc.id
        text = doc.text
        source = "gold"
        quotes = []
        nonquotes = []
        characters = []
        let length = doc.text.unicodeScalars.count
        func span(_ v: MetadataValue, _ what: String) throws(Problem) -> Span {
            guard case .object(let o) = v, let s = Self.int(o, "start"), let e = Self.int(o, "end") else {
                throw Problem(description: "\(what) needs integer \"start\" and \"end\"")
            }
            guard 0 <= s, s <= e, e <= length else { throw Problem(description: "\(what) [\(s), \(e)) is outside the text (\(length) code points)") }
            return Span(start: s, end: e)
        }
        for (key, value) in doc.metadata {
            switch key {
            case "source":
                if case .string(let s) = value { source = s }
            case "quotes":
                guard case .array(let items) = value else { throw Problem(description: "\"quotes\" must be a list") }
                for (n, item) in items.enumerated() {
                    let what = "quote \(n + 1)"
                    let s = try span(item, what)
                    guard case .object(let o) = item else { continue }
                    var q = Quote(span: s, mention: nil, mentionText: nil, speaker: nil, aliases: [], kind: nil)
                    if let m = Self.field(o, "speaker_mention"), m != .null {
                        q.mention = try span(m, what + "'s speaker_mention")
                        if case .object(let mo) = m { q.mentionText = Self.string(mo, "text") }
                    }
                    q.speaker = Self.string(o, "speaker")
                    if case .array(let a)? = Self.field(o, "speaker_aliases") {
                        q.aliases = a.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                    }
                    q.kind = Self.string(o, "kind")
                    quotes.append(q)
                }
            case "nonquotes":
                if case .array(let items) = value {
                    for (n, item) in items.enumerated() { nonquotes.append(try span(item, "nonquote \(n + 1)")) }
                }
            case "characters":
                if case .array(let items) = value {
                    for item in items {
                        guard case .object(let o) = item else { continue }
                        var names: [String] = Self.string(o, "name").map { [$0] } ?? []
                        if case .array(let a)? = Self.field(o, "aliases") {
                            names += a.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                        }
                        characters.append(names)
                    }
                }
            default:
                break
            }
        }
    }

    private static func field(_ o: [(String, MetadataValue)], _ key: String) -> MetadataValue? {
        o.first { $0.0 == key }?.1
    }

    private static func string(_ o: [(String, MetadataValue)], _ key: String) -> String? {
        if case .string(let s)? = field(o, key) { return s }
        return nil
    }

    private static func int(_ o: [(String, MetadataValue)], _ key: String) -> Int? {
        if case .number(let s)? = field(o, key) { return Int(s) }
        return nil
    }
}
