/// A document's text as UTF-8 bytes, with fast conversion of byte offsets to the Unicode code
/// point (scalar) offsets that QuoteKit reports.
struct TextBuffer: Sendable {
    let bytes: [UInt8]
    /// Scalars before byte `i * stride`.
    private let checkpoints: [Int]
    private static let stride = 64

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(bytes.count / Self.stride + 2)
        var scalars = 0
        for i in 0..<bytes.count {
            if i % Self.stride == 0 { checkpoints.append(scalars) }
            if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
        }
        if bytes.count % Self.stride == 0 { checkpoints.append(scalars) }
        self.checkpoints = checkpoints
    }

    var count: Int { bytes.count }

    /// The code point offset of UTF-8 byte offset `byte` (which must be on a scalar boundary).
    func scalarOffset(_ byte: Int) -> Int {
        let block = byte / Self.stride
        var scalars = checkpoints[block]
        var i = block * Self.stride
        while i < byte {
            if bytes[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        return scalars
    }

    /// The text of bytes `start..<end`.
    func string(_ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// The scalar that starts at byte `i`, and its length in bytes.
    @inline(__always)
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
            | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    /// The scalar that ends just before byte `i`, and its start.
    @inline(__always)
    func scalar(before i: Int) -> (Unicode.Scalar, Int) {
        var j = i - 1
        while j > 0 && bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return (scalar(at: j).0, j)
    }
}

/// How a character behaves next to a quotation mark.
enum CharClass {
    case space      // whitespace, or the edge of the text
    case word       // letter, digit or mark
    case punctuation

    init(_ scalar: Unicode.Scalar?) {
        guard let scalar else { self = .space; return }
        // ASCII without the Unicode property tables (the common case, and the hostile one).
        if scalar.value < 0x80 {
            switch UInt8(scalar.value) {
            case 0x09...0x0D, 0x20: self = .space
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: self = .word
            default: self = .punctuation
            }
            return
        }
        let p = scalar.properties
        if p.isWhitespace { self = .space }
        else if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark { self = .word }
        else { self = .punctuation }
    }
}

extension String {
    /// Whether the string's UTF-8 bytes end with `suffix`'s. For the ASCII and punctuation endings
    /// the parser tests ("ing", "’s") this agrees with `hasSuffix`, which compares Characters
    /// and costs hundreds of instructions a call.
    @inline(__always)
    func endsWith(_ suffix: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { bytes in
            suffix.utf8.withContiguousStorageIfAvailable { tail -> Bool in
                guard bytes.count >= tail.count else { return false }
                let offset = bytes.count - tail.count
                for k in 0..<tail.count where bytes[offset + k] != tail[k] { return false }
                return true
            }
        }
        if let result = fast ?? nil { return result }
        let bytes = utf8, tail = suffix.utf8
        return bytes.count >= tail.count && bytes.reversed().starts(with: tail.reversed())
    }

    /// Whether any character is a lowercase letter (Unicode's Lowercase property); ASCII is
    /// tested byte by byte, without the property tables.
    var containsLowercase: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return unicodeScalars.contains { $0.properties.isLowercase } }
            if byte >= 0x61 && byte <= 0x7A { return true }
        }
        return false
    }

    /// Whether the first character is a lowercase letter, as ``containsLowercase`` tests it.
    var startsLowercase: Bool {
        guard let byte = utf8.first else { return false }
        if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A }
        return unicodeScalars.first?.properties.isLowercase ?? false
    }
}
