/// Who gets quoted in a corpus: records aggregated by canonical speaker (`quotekit speakers`).
///
/// Add the records of one document at a time, or a stream of records in document order (as
/// `extract` writes them): a speaker's documents are counted as the document id changes, so
/// memory depends on the number of speakers, not of documents.
public struct SpeakerTable: Sendable {
    public struct Row: Sendable, Equatable {
        /// The canonical name; nil for the quotes without a speaker.
        public var speaker: String?
        public var quotes: Int
        public var documents: Int
        /// The earliest and latest dates of the speaker's documents (the metadata field
        /// ``SpeakerTable/dateField``, when it holds an ISO 8601 date: `2016-10-09`, `2016-10-09T14:00Z`).
        public var firstDate: String?
        public var lastDate: String?
    }

    /// The metadata field that holds a document's date.
    public let dateField: String
    private var rows: [String?: Row] = [:]
    private var lastDocument: [String?: String] = [:]

    public init(dateField: String = "date") {
        self.dateField = dateField
    }

    public mutating func add(_ records: [QuoteRecord]) {
        for r in records { add(r) }
    }

    public mutating func add(_ record: QuoteRecord) {
        let key = record.speaker
        var row = rows[key] ?? Row(speaker: key, quotes: 0, documents: 0)
        row.quotes += 1
        if lastDocument[key] != record.doc {
            lastDocument[key] = record.doc
            row.documents += 1
        }
        if let date = Self.date(record.metadata.first { $0.key == dateField }?.value) {
            if row.firstDate.map({ date < $0 }) ?? true { row.firstDate = date }
            if row.lastDate.map({ date > $0 }) ?? true { row.lastDate = date }
        }
        rows[key] = row
    }

    /// The speakers with at least `minQuotes` quotes, most quoted first (then by name), and last
    /// the quotes without a speaker (when there are any and `minQuotes` allows).
    public func sorted(minQuotes: Int = 1) -> [Row] {
        let named = rows.values.filter { $0.speaker != nil && $0.quotes >= minQuotes }
            .sorted { $0.quotes != $1.quotes ? $0.quotes > $1.quotes : $0.speaker! < $1.speaker! }
        guard let none = rows[nil as String?], none.quotes >= minQuotes else { return named }
        return named + [none]
    }

    /// An ISO 8601 date or date-time as written (so that they sort as text), or nil.
    static func date(_ value: MetadataValue?) -> String? {
        guard case .string(let s)? = value else { return nil }
        let b = Array(s.utf8.prefix(10))
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { $0 < b.count && b[$0] >= 0x30 && b[$0] <= 0x39 } }
        guard digits(0..<4) else { return nil }
        if b.count == 4 { return s }
        guard b.count >= 7, b[4] == 0x2D, digits(5..<7) else { return nil }
        if b.count == 7 { return s }
        guard b.count >= 10, b[7] == 0x2D, digits(8..<10) else { return nil }
        return s
    }
}
