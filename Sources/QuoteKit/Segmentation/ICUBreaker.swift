import CQuoteICU

/// The kinds of boundaries ICU finds.
enum BreakKind: Sendable {
    case word
    case sentence
}

/// Errors raised by the ICU layer.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// ICU's `UErrorCode` (a positive number).
    public let code: Int32
    public let operation: String
    public var description: String { "ICU error \(code) in \(operation)" }
}

/// One ICU break iterator over UTF-8 text. Not thread-safe: each thread uses its own
/// (``clone()`` is cheap; opening is not).
final class ICUBreaker {
    private let handle: OpaquePointer
    let kind: BreakKind

    init(kind: BreakKind, locale: String) throws {
        var status: Int32 = 0
        let type = kind == .word ? QK_BREAK_WORD : QK_BREAK_SENTENCE
        guard let handle = qk_breaker_open(type, locale, &status) else {
            throw ICUError(code: status, operation: "ubrk_open(\(locale))")
        }
        self.handle = handle
        self.kind = kind
    }

    private init(handle: OpaquePointer, kind: BreakKind) {
        self.handle = handle
        self.kind = kind
    }

    deinit { qk_breaker_close(handle) }

    func clone() throws -> ICUBreaker {
        var status: Int32 = 0
        guard let copy = qk_breaker_clone(handle, &status) else {
            throw ICUError(code: status, operation: "ubrk_clone")
        }
        return ICUBreaker(handle: copy, kind: kind)
    }

    /// Calls `body` with each boundary after offset 0 (UTF-8 byte offsets into `bytes`, ascending)
    /// and the ICU rule status of the segment ending there. The text is attached only for the
    /// duration of the call, inside the buffer's lifetime.
    func forEachBoundary(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, Int32) -> Void) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let status = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            qk_breaker_set_utf8(handle, $0, Int64(bytes.count))
        }
        defer { qk_breaker_detach(handle) }
        guard status <= 0 else { throw ICUError(code: status, operation: "ubrk_setUText") }
        let capacity = 512
        var offsets = [Int64](repeating: 0, count: capacity)
        var statuses = [Int32](repeating: 0, count: capacity)
        while true {
            let count = offsets.withUnsafeMutableBufferPointer { o in
                statuses.withUnsafeMutableBufferPointer { s in
                    Int(qk_breaker_fill(handle, o.baseAddress, s.baseAddress, Int64(capacity)))
                }
            }
            if count == 0 { break }
            for i in 0..<count { body(Int(offsets[i]), statuses[i]) }
        }
    }

    /// The version of the system ICU QuoteKit was built against.
    static var icuVersion: String { String(cString: qk_icu_version()) }
}

/// ICU's locale data about quotation marks.
enum ICULocaleData {
    /// The quotation marks of `locale` (outer and inner pairs), from ICU's locale data: the
    /// default for a language whose rules give no `quote_marks`. Empty when ICU has none.
    static func quotePairs(_ locale: String) -> [QuoteMarksRule.Pair] {
        func delimiter(_ which: Int32) -> String? {
            var buffer = [CChar](repeating: 0, count: 16)
            guard qk_locale_delimiter(locale, which, &buffer, 16) == 0 else { return nil }
            let s = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return s.isEmpty ? nil : s
        }
        var pairs: [QuoteMarksRule.Pair] = []
        for (open, close) in [(delimiter(0), delimiter(1)), (delimiter(2), delimiter(3))] {
            guard let open, let close, !pairs.contains(where: { $0.open == open }) else { continue }
            pairs.append(QuoteMarksRule.Pair(open: open, close: [close]))
        }
        return pairs
    }
}
