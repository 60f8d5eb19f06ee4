/// Turns records into text, one document's records at a time, so that output can stream.
public protocol QuoteExporter {
    /// The `--format` name.
    static var identifier: String { get }
    /// Text before the first record.
    mutating func begin() -> String
    /// Text for the next records (one document's, in order).
    mutating func export(_ records: [QuoteRecord]) -> String
    /// Text for one document's records, when the exporter shows the text around them (HTML);
    /// by default the same as ``export(_:)``.
    mutating func export(_ records: [QuoteRecord], of document: Document) -> String
    /// Text after the last record.
    mutating func end() -> String
}

extension QuoteExporter {
    public mutating func export(_ records: [QuoteRecord], of document: Document) -> String { export(records) }

    /// All of `records` as one text.
    public mutating func exportAll(_ records: [QuoteRecord]) -> String {
        begin() + export(records) + end()
    }
}

/// One JSON object per line (JSON Lines).
public struct JSONLinesQuoteExporter: QuoteExporter {
    public static let identifier = "jsonl"
    public init() {}
    public mutating func begin() -> String { "" }
    public mutating func export(_ records: [QuoteRecord]) -> String {
        var out = JSONBuffer(capacity: 1024 * records.count)
        var metadata = JSONWriter.MetadataCache()
        for r in records {
            JSONWriter.record(r, into: &out, metadata: &metadata)
            out.raw("\n")
        }
        return out.text
    }
    public mutating func end() -> String { "" }
}

/// A JSON array of records, one record per line.
public struct JSONQuoteExporter: QuoteExporter {
    public static let identifier = "json"
    private var count = 0
    public init() {}
    public mutating func begin() -> String {
        count = 0
        return "["
    }
    public mutating func export(_ records: [QuoteRecord]) -> String {
        var out = JSONBuffer(capacity: 1024 * records.count)
        var metadata = JSONWriter.MetadataCache()
        for r in records {
            out.raw(count == 0 ? "\n" : ",\n")
            JSONWriter.record(r, into: &out, metadata: &metadata)
            count += 1
        }
        return out.text
    }
    public mutating func end() -> String { count == 0 ? "]\n" : "\n]\n" }
}

/// RFC 4180 CSV with a header row; spans are flattened into `_start`, `_end`, `_text` columns and
/// metadata is one column holding a JSON object. Columns added after the first release come
/// last, so that earlier columns keep their positions.
public struct CSVQuoteExporter: QuoteExporter {
    public static let identifier = "csv"
    public static let columns = ["doc", "id", "start", "end", "text", "kind", "speaker",
                                 "speaker_mention_start", "speaker_mention_end", "speaker_mention_text",
                                 "cue_start", "cue_end", "cue_text", "rule", "confidence", "metadata", "addressee",
                                 "context_start", "context_end", "context_text", "cluster"]
    /// Whether a text cell that a spreadsheet would run as a formula (two or more characters
    /// starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading
    /// `'`, which makes spreadsheets show it as text. On by default; offsets and JSON output are
    /// unaffected.
    public var neutralizesFormulas: Bool

    public init(neutralizesFormulas: Bool = true) {
        self.neutralizesFormulas = neutralizesFormulas
    }

    public mutating func begin() -> String { Self.columns.joined(separator: ",") + "\r\n" }

    public mutating func export(_ records: [QuoteRecord]) -> String {
        var out = ""
        var cache = JSONWriter.MetadataCache()
        for r in records {
            var written = JSONBuffer()
            cache.write(r.metadata, into: &written)
            let metadata = written.text
            let text = neutralizesFormulas ? Self.neutralized : { $0 }
            let fields: [String] = [
                text(r.doc), r.id, String(r.start), String(r.end), text(r.text), r.kind.rawValue, text(r.speaker ?? ""),
                r.speakerMention.map { String($0.start) } ?? "", r.speakerMention.map { String($0.end) } ?? "",
                text(r.speakerMention?.text ?? ""),
                r.cue.map { String($0.start) } ?? "", r.cue.map { String($0.end) } ?? "", text(r.cue?.text ?? ""),
                r.rule, JSONWriter.confidence(r.confidence), metadata, text(r.addressee ?? ""),
                r.context.map { String($0.start) } ?? "", r.context.map { String($0.end) } ?? "", text(r.context?.text ?? ""),
                r.cluster,
            ]
            out.append(fields.map(Self.field).joined(separator: ","))
            out.append("\r\n")
        }
        return out
    }

    public mutating func end() -> String { "" }

    /// `s` with a leading `'` when a spreadsheet would take it for a formula (a lone "-", such as
    /// the id of standard input, runs nothing and stays as it is).
    public static func neutralized(_ s: String) -> String {
        guard s.utf8.count > 1, let first = s.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return s }
        return "'" + s
    }

    /// `s` as an RFC 4180 field: quoted (with `"` doubled) when it holds a comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
