/// UTF-8 bytes of JSON text being written. Appending bytes is much cheaper than appending to a
/// `String` piece by piece (each `String.append` re-checks the storage and its flags), so a
/// record is written here and turned into a `String` once.
struct JSONBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `s` as is (it must already be JSON: punctuation, a key, a number).
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes already written as JSON.
    mutating func raw(_ written: [UInt8]) {
        bytes.append(contentsOf: written)
    }

    /// Appends `s` as is.
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends an integer in decimal.
    mutating func int(_ value: Int) {
        guard value != 0 else { bytes.append(0x30); return }
        if value < 0 { bytes.append(0x2D) }
        let v = value.magnitude
        var unit: UInt = 1
        while v / unit >= 10 { unit *= 10 }
        while unit > 0 {
            bytes.append(0x30 + UInt8(v / unit % 10))
            unit /= 10
        }
    }

    /// Appends `s` as a JSON string literal.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        // Characters to escape are all ASCII but U+2028 and U+2029, which end a line in
        // JavaScript, and U+FEFF, which some JSON readers drop at the start of a string. Runs
        // that need no escaping are copied in one piece and the rest escaped byte by byte.
        var s = s
        s.withUTF8 { escape($0) }
        bytes.append(0x22)
    }

    private mutating func escape(_ text: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        while i < text.count {
            let b = text[i]
            // Most bytes are copied as they are: all but controls, `"`, `\\`, DEL and the lead
            // bytes of U+2028, U+2029 and U+FEFF.
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xE2 && b != 0xEF {
                i += 1
                continue
            }
            var escape: StaticString?
            var length = 1
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2 where i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9):
                escape = text[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            case 0xEF where i + 2 < text.count && text[i + 1] == 0xBB && text[i + 2] == 0xBF:
                escape = "\\ufeff"
                length = 3
            default:
                if b < 0x20 || b == 0x7F {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i]))
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                    i += 1
                    runStart = i
                    continue
                }
            }
            if let escape {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<i]))
                raw(escape)
                i += length
                runStart = i
            } else {
                i += 1
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
    }
}

/// Writes JSON text with keys in a fixed order, so that output is byte-for-byte deterministic.
enum JSONWriter {
    static func string(_ s: String, into out: inout String) {
        appending(to: &out, capacity: s.utf8.count + 2) { $0.string(s) }
    }

    /// A number in [0, 1] with at most three decimals: `0.95`, `1`, `0`.
    static func confidence(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int((min(max(value, 0), 1) * 1000).rounded())
        if thousandths >= 1000 { return "1" }
        if thousandths <= 0 { return "0" }
        var digits = String(thousandths)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "0." + digits
    }

    static func value(_ v: MetadataValue, into out: inout String) {
        appending(to: &out) { value(v, into: &$0) }
    }

    static func value(_ v: MetadataValue, into out: inout JSONBuffer) {
        switch v {
        case .string(let s): out.string(s)
        case .number(let n):
            if isNumber(n) { out.raw(n) } else { out.string(n) }
        case .bool(let b): out.raw(b ? "true" : "false")
        case .null: out.raw("null")
        case .array(let items):
            out.raw("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.raw(",") }
                value(item, into: &out)
            }
            out.raw("]")
        case .object(let fields):
            out.raw("{")
            for (i, (k, item)) in fields.enumerated() {
                if i > 0 { out.raw(",") }
                out.string(k)
                out.raw(":")
                value(item, into: &out)
            }
            out.raw("}")
        }
    }

    /// Whether `text` is a JSON number (RFC 8259), so that it can be written as is.
    static func isNumber(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let s = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - s
        }
        if i < b.count, b[i] == 0x2D { i += 1 }
        guard i < b.count else { return false }
        if b[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < b.count, b[i] == 0x2E { i += 1; if digits() == 0 { return false } }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }

    /// Appends what `write` writes to `out`.
    private static func appending(to out: inout String, capacity: Int = 0, _ write: (inout JSONBuffer) -> Void) {
        var buffer = JSONBuffer(capacity: capacity)
        write(&buffer)
        out.append(buffer.text)
    }

    static func span(_ s: TextSpan?, into out: inout String) {
        appending(to: &out) { span(s, into: &$0) }
    }

    static func span(_ s: TextSpan?, into out: inout JSONBuffer) {
        guard let s else { out.raw("null"); return }
        out.raw("{")
        extent(s.start, s.end, s.text, into: &out)
        out.raw("}")
    }

    /// The `"start":…,"end":…,"text":…` members of a span or a record.
    private static func extent(_ start: Int, _ end: Int, _ text: String, into out: inout JSONBuffer) {
        out.raw("\"start\":")
        out.int(start)
        out.raw(",\"end\":")
        out.int(end)
        out.raw(",\"text\":")
        out.string(text)
    }

    /// One record as a JSON object on one line.
    static func record(_ r: QuoteRecord, into out: inout String) {
        var cache = MetadataCache()
        appending(to: &out, capacity: 1024) { record(r, into: &$0, metadata: &cache) }
    }

    /// The metadata object last written, kept because the records of one document all carry
    /// that document's metadata: it is written once and copied for the others.
    struct MetadataCache {
        private var metadata: [(key: String, value: MetadataValue)]?
        private var bytes: [UInt8] = []

        init() {}

        mutating func write(_ m: [(key: String, value: MetadataValue)], into out: inout JSONBuffer) {
            if let last = metadata, last.count == m.count, zip(last, m).allSatisfy({ $0.key == $1.key && $0.value == $1.value }) {
                out.raw(bytes)
                return
            }
            var buffer = JSONBuffer()
            value(.object(m.map { ($0.key, $0.value) }), into: &buffer)
            metadata = m
            bytes = buffer.bytes
            out.raw(bytes)
        }
    }

    /// One record as a JSON object on one line, its metadata written through `cache`.
    static func record(_ r: QuoteRecord, into out: inout JSONBuffer, metadata cache: inout MetadataCache) {
        out.raw("{\"doc\":")
        out.string(r.doc)
        out.raw(",\"id\":")
        out.string(r.id)
        out.raw(",")
        extent(r.start, r.end, r.text, into: &out)
        out.raw(",\"kind\":\"")
        out.raw(r.kind.rawValue)
        out.raw("\",\"speaker\":")
        if let speaker = r.speaker { out.string(speaker) } else { out.raw("null") }
        if let addressee = r.addressee {
            out.raw(",\"addressee\":")
            out.string(addressee)
        }
        out.raw(",\"speaker_mention\":")
        span(r.speakerMention, into: &out)
        out.raw(",\"cue\":")
        span(r.cue, into: &out)
        out.raw(",\"rule\":")
        out.string(r.rule)
        out.raw(",\"confidence\":")
        out.raw(confidence(r.confidence))
        if let context = r.context {
            out.raw(",\"context\":")
            span(context, into: &out)
        }
        out.raw(",\"cluster\":")
        out.string(r.cluster)
        out.raw(",\"metadata\":")
        cache.write(r.metadata, into: &out)
        out.raw("}")
    }
}

/// JSON text for tools built on QuoteKit, escaped as records are (control characters, U+2028,
/// U+2029 and U+FEFF as `\u` escapes).
public enum JSONText {
    /// Appends `s` as a JSON string literal.
    public static func string(_ s: String, into out: inout String) { JSONWriter.string(s, into: &out) }
}
