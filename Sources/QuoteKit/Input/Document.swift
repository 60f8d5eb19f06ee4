/// A document to extract from: an id, its text, and metadata carried into its records.
public struct Document: Sendable {
    public var id: String
    public var text: String
    /// Other fields of a JSONL line, in input order.
    public var metadata: [(key: String, value: MetadataValue)]

    public init(id: String, text: String, metadata: [(key: String, value: MetadataValue)] = []) {
        self.id = id
        self.text = text
        self.metadata = metadata
    }

    /// The document's language when its metadata says (a string field `lang`, such as `fr`), or nil.
    public var language: String? {
        for (key, value) in metadata where key == "lang" {
            if case .string(let s) = value, !s.isEmpty { return s }
        }
        return nil
    }

    /// Parses one JSONL line: an object with string fields `id` and `text`.
    public static func parseJSONLine(_ line: String) throws(DocumentError) -> Document {
        var parser = JSONParser(Array(line.utf8))
        let value: MetadataValue
        do {
            value = try parser.parseDocument()
        } catch {
            throw .invalidJSON(error.description)
        }
        guard case .object(let fields) = value else { throw .notAnObject }
        var id: String?, text: String?
        var metadata: [(key: String, value: MetadataValue)] = []
        for (key, v) in fields {
            switch key {
            case "id":
                guard id == nil else { throw .duplicateField("id") }
                guard case .string(let s) = v else { throw .fieldNotString("id") }
                id = s
            case "text":
                guard text == nil else { throw .duplicateField("text") }
                guard case .string(let s) = v else { throw .fieldNotString("text") }
                text = s
            default:
                metadata.append((key, v))
            }
        }
        guard let id else { throw .missingField("id") }
        guard let text else { throw .missingField("text") }
        return Document(id: id, text: text, metadata: metadata)
    }
}

/// Why a JSONL line is not a document.
public enum DocumentError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidJSON(String)
    case notAnObject
    case missingField(String)
    case fieldNotString(String)
    case duplicateField(String)

    public var description: String {
        switch self {
        case .invalidJSON(let why): return "not valid JSON: \(why)"
        case .notAnObject: return "a line must be a JSON object with string fields \"id\" and \"text\""
        case .missingField(let f): return "missing field \"\(f)\""
        case .fieldNotString(let f): return "field \"\(f)\" must be a string"
        case .duplicateField(let f): return "field \"\(f)\" appears twice"
        }
    }
}

/// A small strict JSON parser (RFC 8259) that keeps object keys in order and numbers as written.
struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parseDocument() throws(Failure) -> MetadataValue {
        let v = try parseValue()
        skipSpace()
        guard i == bytes.count else { throw fail("unexpected text after the value") }
        return v
    }

    private func fail(_ what: String) -> Failure { Failure(description: "\(what) at column \(i + 1)") }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func parseValue() throws(Failure) -> MetadataValue {
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of line") }
        switch bytes[i] {
        case 0x7B: return try parseObject()
        case 0x5B: return try parseArray()
        case 0x22: return .string(try parseString())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default: return try parseNumber()
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw fail("invalid literal") }
        i += w.count
    }

    private mutating func parseObject() throws(Failure) -> MetadataValue {
        depth += 1
        guard depth < 512 else { throw fail("nesting too deep") }
        defer { depth -= 1 }
        i += 1
        var fields: [(String, MetadataValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D { i += 1; return .object(fields) }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22 else { throw fail("expected a string key") }
            let key = try parseString()
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { throw fail("expected ':'") }
            i += 1
            fields.append((key, try parseValue()))
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of line in an object") }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { i += 1; return .object(fields) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(Failure) -> MetadataValue {
        depth += 1
        guard depth < 512 else { throw fail("nesting too deep") }
        defer { depth -= 1 }
        i += 1
        var items: [MetadataValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D { i += 1; return .array(items) }
        while true {
            items.append(try parseValue())
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of line in an array") }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x5D { i += 1; return .array(items) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func parseNumber() throws(Failure) -> MetadataValue {
        let start = i
        if i < bytes.count, bytes[i] == 0x2D { i += 1 }
        func digits(_ i: inout Int, _ bytes: [UInt8]) -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        guard i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 else { throw fail("unexpected character") }
        if bytes[i] == 0x30 { i += 1 } else { _ = digits(&i, bytes) }
        if i < bytes.count, bytes[i] == 0x2E {
            i += 1
            guard digits(&i, bytes) > 0 else { throw fail("invalid number") }
        }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i += 1
            if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
            guard digits(&i, bytes) > 0 else { throw fail("invalid number") }
        }
        return .number(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private mutating func parseString() throws(Failure) -> String {
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else { throw fail("unterminated string") }
            let b = bytes[i]
            if b == 0x22 {
                out.append(contentsOf: bytes[runStart..<i])
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character in a string") }
            if b != 0x5C { i += 1; continue }
            out.append(contentsOf: bytes[runStart..<i])
            i += 1
            guard i < bytes.count else { throw fail("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate pairs with a following low one; alone it is U+FFFD and
                    // whatever escape follows is decoded on its own.
                    var paired = false
                    if i + 6 <= bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                        let mark = i
                        i += 2
                        let low = try hex4()
                        if low >= 0xDC00 && low < 0xE000 {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            paired = true
                        } else {
                            i = mark
                        }
                    }
                    if !paired { scalar = 0xFFFD }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8))
            default:
                throw fail("invalid escape")
            }
            runStart = i
        }
    }
}
