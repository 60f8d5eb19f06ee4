/// Writes JSON text with keys in a fixed order, so that output is byte-for-byte deterministic.
enum JSONWriter {
    static func string(_ s: String, into out: inout String) {
        out.append("\"")
        // Characters to escape are all ASCII but U+2028 and U+2029, which end a line in
        // JavaScript, and U+FEFF, which some JSON readers drop at the start of a string. Most
        // strings have none of them and are appended whole; in the others, runs that need no
        // escaping are copied in one piece and the rest escaped byte by byte.
        var s = s
        if s.withUTF8(needsEscape) {
            s.withUTF8 { escape($0, into: &out) }
        } else {
            out.append(s)
        }
        out.append("\"")
    }

    /// Whether UTF-8 text holds a character to escape.
    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return true }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return true }
            if b == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return true }
            i += 1
        }
        return false
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout String) {
        var runStart = 0
        var i = 0
        func flush(_ end: Int) {
            if end > runStart {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self))
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            var escape: String?
            var length = 1
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                escape = "\\ufeff"
                length = 3
            default:
                if b < 0x20 || b == 0x7F {
                    let hex = String(b, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
            if let escape {
                flush(i)
                out.append(escape)
                i += length
                runStart = i
            } else {
                i += 1
            }
        }
        flush(bytes.count)
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
        switch v {
        case .string(let s): string(s, into: &out)
        case .number(let n):
            if isNumber(n) { out.append(n) } else { string(n, into: &out) }
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        case .array(let items):
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                value(item, into: &out)
            }
            out.append("]")
        case .object(let fields):
            out.append("{")
            for (i, (k, item)) in fields.enumerated() {
                if i > 0 { out.append(",") }
                string(k, into: &out)
                out.append(":")
                value(item, into: &out)
            }
            out.append("}")
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

    static func span(_ s: TextSpan?, into out: inout String) {
        guard let s else { out.append("null"); return }
        out.append("{\"start\":\(s.start),\"end\":\(s.end),\"text\":")
        string(s.text, into: &out)
        out.append("}")
    }

    /// One record as a JSON object on one line.
    static func record(_ r: QuoteRecord, into out: inout String) {
        out.append("{\"doc\":")
        string(r.doc, into: &out)
        out.append(",\"id\":")
        string(r.id, into: &out)
        out.append(",\"start\":\(r.start),\"end\":\(r.end),\"text\":")
        string(r.text, into: &out)
        out.append(",\"kind\":\"\(r.kind.rawValue)\",\"speaker\":")
        if let speaker = r.speaker { string(speaker, into: &out) } else { out.append("null") }
        if let addressee = r.addressee {
            out.append(",\"addressee\":")
            string(addressee, into: &out)
        }
        out.append(",\"speaker_mention\":")
        span(r.speakerMention, into: &out)
        out.append(",\"cue\":")
        span(r.cue, into: &out)
        out.append(",\"rule\":")
        string(r.rule, into: &out)
        out.append(",\"confidence\":")
        out.append(confidence(r.confidence))
        if let context = r.context {
            out.append(",\"context\":")
            span(context, into: &out)
        }
        out.append(",\"cluster\":")
        string(r.cluster, into: &out)
        out.append(",\"metadata\":")
        value(.object(r.metadata.map { ($0.key, $0.value) }), into: &out)
        out.append("}")
    }
}

/// JSON text for tools built on QuoteKit, escaped as records are (control characters, U+2028,
/// U+2029 and U+FEFF as `\u` escapes).
public enum JSONText {
    /// Appends `s` as a JSON string literal.
    public static func string(_ s: String, into out: inout String) { JSONWriter.string(s, into: &out) }
}
