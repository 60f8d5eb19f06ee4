/// Why a JSONL line is not a quote record.
public struct RecordError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension QuoteRecord {
    /// Reads back one record as `quotekit extract --format jsonl` writes it (for `quotekit
    /// speakers --records` and other tools that read records instead of documents). `doc`, `id`,
    /// `start`, `end` and `text` are required; other fields may be missing or null.
    public init(jsonLine line: String) throws(RecordError) {
        var parser = JSONParser(Array(line.utf8))
        let value: MetadataValue
        do {
            value = try parser.parseDocument()
        } catch {
            throw RecordError(message: "not valid JSON: \(error.description)")
        }
        guard case .object(let fields) = value else { throw RecordError(message: "a record must be a JSON object") }
        var f: [String: MetadataValue] = [:]
        for (k, v) in fields { f[k] = v }
        func string(_ key: String) throws(RecordError) -> String? {
            switch f[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw RecordError(message: "field \"\(key)\" must be a string")
            }
        }
        func integer(_ key: String) throws(RecordError) -> Int? {
            switch f[key] {
            case nil, .null?: return nil
            case .number(let n)?:
                guard let i = Int(n) else { throw RecordError(message: "field \"\(key)\" must be an integer") }
                return i
            default: throw RecordError(message: "field \"\(key)\" must be an integer")
            }
        }
        func span(_ key: String) throws(RecordError) -> TextSpan? {
            switch f[key] {
            case nil, .null?: return nil
            case .object(let o)?:
                var start: Int?, end: Int?, text: String?
                for (k, v) in o {
                    switch (k, v) {
                    case ("start", .number(let n)): start = Int(n)
                    case ("end", .number(let n)): end = Int(n)
                    case ("text", .string(let s)): text = s
                    default: break
                    }
                }
                guard let start, let end, let text else { throw RecordError(message: "field \"\(key)\" must be {start, end, text}") }
                return TextSpan(start: start, end: end, text: text)
            default: throw RecordError(message: "field \"\(key)\" must be {start, end, text} or null")
            }
        }
        guard let doc = try string("doc") else { throw RecordError(message: "missing field \"doc\"") }
        guard let id = try string("id") else { throw RecordError(message: "missing field \"id\"") }
        guard let start = try integer("start"), let end = try integer("end") else { throw RecordError(message: "missing field \"start\" or \"end\"") }
        guard let text = try string("text") else { throw RecordError(message: "missing field \"text\"") }
        let kind = try string("kind").flatMap(QuoteKind.init(rawValue:)) ?? .direct
        var confidence = 0.0
        if case .number(let n)? = f["confidence"] { confidence = Double(n) ?? 0 }
        var metadata: [(key: String, value: MetadataValue)] = []
        if case .object(let o)? = f["metadata"] { metadata = o.map { (key: $0.0, value: $0.1) } }
        self.init(doc: doc, id: id, start: start, end: end, text: text, kind: kind, speaker: try string("speaker"),
                  speakerMention: try span("speaker_mention"), cue: try span("cue"), rule: try string("rule") ?? "",
                  confidence: confidence, metadata: metadata, addressee: try string("addressee"), context: try span("context"),
                  cluster: try string("cluster"))
    }
}
