/// A span of a document: Unicode code point (scalar) offsets, 0-based, end exclusive, and the
/// text they cover.
public struct TextSpan: Sendable, Equatable, Hashable, Codable {
    /// First code point, 0-based.
    public var start: Int
    /// One past the last code point.
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Metadata values carried from a JSONL input line into its records.
public enum MetadataValue: Sendable, Equatable, Hashable {
    case string(String)
    case number(String)   // as written, so that output equals input
    case bool(Bool)
    case null
    case array([MetadataValue])
    case object([(String, MetadataValue)])

    public static func == (a: MetadataValue, b: MetadataValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)), (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s), .number(let s): hasher.combine(s)
        case .bool(let b): hasher.combine(b)
        case .null: hasher.combine(0)
        case .array(let a): hasher.combine(a)
        case .object(let o): for (k, v) in o { hasher.combine(k); hasher.combine(v) }
        }
    }
}

/// One quotation found in a document, with its attribution.
public struct QuoteRecord: Sendable, Equatable {
    /// The document's id.
    public var doc: String
    /// Stable id: the same document id and text always give the same id.
    public var id: String
    /// Code point offset of the first quoted character (the quotation marks are not included).
    public var start: Int
    /// Code point offset one past the last quoted character.
    public var end: Int
    /// The quoted words: exactly the document's code points `start..<end`.
    public var text: String
    public var kind: QuoteKind
    /// The speaker's canonical name in this document, or nil when unknown.
    public var speaker: String?
    /// The words that attribute the quote (a name, a pronoun, a description), or nil.
    public var speakerMention: TextSpan?
    /// The reporting verb or frame words ("said", "according to", ":"), or nil.
    public var cue: TextSpan?
    /// The id of the rule that attributed (or, for unattributed quotes, admitted) the quote.
    public var rule: String
    /// In [0, 1]; higher is more likely right.
    public var confidence: Double
    /// Fields of the input document other than `id` and `text`, in input order.
    public var metadata: [(key: String, value: MetadataValue)]
    /// The canonical name of the person the quote is spoken to, when the text shows it: a name
    /// the quote calls them by ("Yes, papa"), or the other person of a two-person conversation.
    public var addressee: String? = nil
    /// The sentence (or paragraph, see ``QuoteExtractor/ContextScope``) around the quote and its
    /// cue, so that a record can be checked without reopening the document; nil when not asked for.
    public var context: TextSpan? = nil
    /// The same for every quote with the same words, whatever its document, punctuation or case
    /// (`c` and 16 hex digits): syndicated copies of a story give their quotes one cluster.
    public var cluster: String = ""

    public init(doc: String, id: String, start: Int, end: Int, text: String, kind: QuoteKind, speaker: String? = nil,
                speakerMention: TextSpan? = nil, cue: TextSpan? = nil, rule: String, confidence: Double,
                metadata: [(key: String, value: MetadataValue)] = [], addressee: String? = nil, context: TextSpan? = nil,
                cluster: String? = nil) {
        self.doc = doc
        self.id = id
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
        self.rule = rule
        self.confidence = confidence
        self.metadata = metadata
        self.addressee = addressee
        self.context = context
        self.cluster = cluster ?? Self.cluster(of: text)
    }

    /// The cluster id of a quote's text: a 64-bit FNV-1a hash of its words, lowercased, with
    /// punctuation, quotation marks and spacing left out.
    public static func cluster(of text: String) -> String {
        var hasher = ClusterHasher()
        // The scalars are decoded from the UTF-8 bytes (valid in a String): iterating
        // `unicodeScalars` costs several times more on the ASCII that most texts are.
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    hasher.visit(UInt32(b))
                    i += 1
                    continue
                }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (0x7F >> length)
                for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                hasher.visit(v)
                i += length
            }
        }
        let hash = hasher.hash
        let hex = String(hash, radix: 16)
        return "c" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    public static func == (a: QuoteRecord, b: QuoteRecord) -> Bool {
        a.doc == b.doc && a.id == b.id && a.start == b.start && a.end == b.end && a.text == b.text && a.kind == b.kind
            && a.speaker == b.speaker && a.speakerMention == b.speakerMention && a.cue == b.cue && a.rule == b.rule
            && a.confidence == b.confidence && a.addressee == b.addressee && a.context == b.context && a.cluster == b.cluster
            && a.metadata.count == b.metadata.count
            && zip(a.metadata, b.metadata).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// The FNV-1a hash behind ``QuoteRecord/cluster(of:)``, fed one scalar at a time: words
/// lowercased, one space between words, everything else left out.
private struct ClusterHasher {
    private static let offsetBasis: UInt64 = 0xcbf29ce484222325
    private(set) var hash = offsetBasis
    private var pendingSpace = false

    private mutating func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }

    @inline(__always)
    mutating func visit(_ v: UInt32) {
        let properties = v < 0x80 ? nil : Unicode.Scalar(v)!.properties
        let isWord = properties.map { $0.isAlphabetic || $0.numericType != nil }
            ?? ((v | 0x20 >= 0x61 && v | 0x20 <= 0x7A) || (v >= 0x30 && v <= 0x39))
        guard isWord else {
            pendingSpace = hash != Self.offsetBasis
            return
        }
        if pendingSpace {
            add(0x20)
            pendingSpace = false
        }
        if let properties {
            for byte in properties.lowercaseMapping.utf8 { add(byte) }
        } else {
            add(UInt8(v | (v >= 0x41 && v <= 0x5A ? 0x20 : 0)))
        }
    }
}
