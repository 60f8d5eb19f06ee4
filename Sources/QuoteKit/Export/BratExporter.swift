/// Standoff annotation in the format of the brat annotation tool (https://brat.nlplab.org):
/// for each document a `.txt` file (its text) and an `.ann` file, so that a person can review and
/// correct QuoteKit's output in brat.
///
/// Each quote is a `Quote` text-bound annotation (`T`), its speaker mention a `Speaker` and its
/// cue a `Cue`; `SaidBy` and `CuedBy` relations (`R`) link a quote to them; the quote's kind is
/// an attribute (`A`), and its canonical speaker, rule, confidence and record id an
/// `AnnotatorNotes` comment (`#`). Offsets are code point offsets into the `.txt` file, as in
/// records; a span with line breaks is written as fragments (`start end;start end`), because a
/// brat annotation's text is on one line. A mention shared by several quotes is one annotation.
public struct BratExporter: Sendable {
    public init() {}

    /// The `annotation.conf` that declares the entity, relation and attribute types used.
    public static let annotationConf = """
        [entities]
        Quote
        Speaker
        Cue

        [relations]
        SaidBy\tArg1:Quote, Arg2:Speaker
        CuedBy\tArg1:Quote, Arg2:Cue

        [events]

        [attributes]
        Kind\tArg:Quote, Value:direct|partial

        """

    /// A `visual.conf` with a colour for each type.
    public static let visualConf = """
        [labels]
        Quote | Quote | Q
        Speaker | Speaker | Sp
        Cue | Cue | C

        [drawing]
        Quote\tbgColor:#ffe08a
        Speaker\tbgColor:#9fd3ff
        Cue\tbgColor:#c8f0c0
        SaidBy\tcolor:#1f6fb2
        CuedBy\tcolor:#3a8a2e

        """

    /// The `.ann` file of a document's records; `text` is the document's text (the `.txt` file).
    public func annotations(_ records: [QuoteRecord], text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var entities: [String: Int] = [:]   // "Type start end" -> T number
        var t = 0, r = 0, a = 0, note = 0
        func entity(_ type: String, _ start: Int, _ end: Int) -> Int? {
            guard start < end, end <= scalars.count else { return nil }
            let key = "\(type) \(start) \(end)"
            if let n = entities[key] { return n }
            let fragments = Self.fragments(scalars, start, end)
            guard !fragments.isEmpty else { return nil }
            t += 1
            entities[key] = t
            let offsets = fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";")
            let words = fragments.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: " ")
            out += "T\(t)\t\(type) \(offsets)\t\(words)\n"
            return t
        }
        for record in records {
            guard let q = entity("Quote", record.start, record.end) else { continue }
            a += 1
            out += "A\(a)\tKind T\(q) \(record.kind.rawValue)\n"
            if let m = record.speakerMention, let s = entity("Speaker", m.start, m.end) {
                r += 1
                out += "R\(r)\tSaidBy Arg1:T\(q) Arg2:T\(s)\n"
            }
            if let c = record.cue, let k = entity("Cue", c.start, c.end) {
                r += 1
                out += "R\(r)\tCuedBy Arg1:T\(q) Arg2:T\(k)\n"
            }
            note += 1
            let speaker = (record.speaker ?? "unknown").replacingOccurrences(of: "\n", with: " ")
            out += "#\(note)\tAnnotatorNotes T\(q)\tspeaker: \(speaker); rule: \(record.rule); confidence: \(JSONWriter.confidence(record.confidence)); id: \(record.id)\n"
        }
        return out
    }

    /// `start..<end` split at line breaks and tabs, each piece trimmed of spaces (empty pieces dropped).
    static func fragments(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var s = start
        func add(_ lo: Int, _ hi: Int) {
            var lo = lo, hi = hi
            while lo < hi, scalars[lo].properties.isWhitespace { lo += 1 }
            while hi > lo, scalars[hi - 1].properties.isWhitespace { hi -= 1 }
            if lo < hi { pieces.append(lo..<hi) }
        }
        // Every character Python's str.splitlines() breaks at, and a tab (the .ann field separator).
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\t", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1D}", "\u{1E}", "\u{85}", "\u{2028}", "\u{2029}"]
        for i in start..<end where breaks.contains(scalars[i]) {
            add(s, i)
            s = i + 1
        }
        add(s, end)
        return pieces
    }

    /// A file name for a document id: a `.txt` ending dropped, letters, digits, `.`, `_` and `-`
    /// kept, anything else `_`, at most 100 characters, never empty or hidden.
    public static func fileName(for id: String) -> String {
        let id = id.hasSuffix(".txt") ? String(id.dropLast(4)) : id
        var name = String(String.UnicodeScalarView(id.unicodeScalars.prefix(100).map { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-") ? s : "_"
        }))
        while name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }
}
