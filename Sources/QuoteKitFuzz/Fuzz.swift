// libFuzzer targets over QuoteKit's three ways in: document text (the extractor), JSONL lines
// (the document reader and the JSON writer) and rule files (the YAML loader and rule compiler).
// `.ci/fuzz` builds this target with `-sanitize=fuzzer,address -DFUZZING`; a normal build makes a
// stub that says so. Each target checks invariants as well as crashes: a broken one traps, and
// libFuzzer saves the input.
import Foundation
import QuoteKit

enum FuzzTarget: String, CaseIterable {
    case extractor, jsonl, rules
}

/// Stops the run with `message` on stderr when `condition` fails: libFuzzer saves the input.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if condition { return }
    FileHandle.standardError.write(Data("invariant broken: \(message())\n".utf8))
    abort()
}

/// Extracts from `text` and checks what every record promises: offsets in bounds and in order,
/// `text` equal to the document slice, and JSONL output that a strict JSON parser reads back.
func checkExtraction(_ extractor: QuoteExtractor, _ document: Document) {
    guard let records = try? extractor.extract(document) else { return }
    let scalars = Array(document.text.unicodeScalars)
    var previous = -1
    for r in records {
        check(0 <= r.start && r.start <= r.end && r.end <= scalars.count, "offsets out of bounds")
        check(r.start >= previous, "records out of order")
        previous = r.start
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[r.start..<r.end])
        check(String(slice) == r.text, "record text is not the document slice")
    }
    var exporter = JSONLinesQuoteExporter()
    let output = exporter.exportAll(records)
    for (line, record) in zip(output.split(separator: "\n", omittingEmptySubsequences: false), records) {
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        // Foundation refuses a number beyond a Double's range ("1e9999"), which JSON allows and
        // QuoteKit copies from the input as written: only then may it fail to read the line.
        if object != nil || !document.metadata.contains(where: { holdsHugeNumber($0.value) }) {
            check(object?["text"] as? String == record.text, "Foundation reads a different text from the JSONL output: \(line) (record text \(record.text.debugDescription))")
        }
        // The record line is itself a JSONL document (it has string `id` and `text`): our own
        // reader must agree with Foundation's, and the metadata must come back unchanged.
        let reread = try? Document.parseJSONLine(String(line))
        check(reread != nil, "our reader rejects the writer's output: \(line)")
        guard let reread else { return }
        check(reread.text == record.text && reread.id == record.id, "JSON round trip changed a record")
        let metadata = reread.metadata.first { $0.key == "metadata" }?.value
        check(metadata == .object(document.metadata.map { ($0.key, $0.value) }), "metadata changed on the way through")
    }
}

/// Whether a metadata value holds a number that a Double cannot hold.
func holdsHugeNumber(_ value: MetadataValue) -> Bool {
    switch value {
    case .number(let n): return !(Double(n)?.isFinite ?? false)
    case .array(let items): return items.contains(where: holdsHugeNumber)
    case .object(let fields): return fields.contains { holdsHugeNumber($0.1) }
    case .string, .bool, .null: return false
    }
}

nonisolated(unsafe) let builtInExtractor = try! QuoteExtractor()

func fuzzOne(_ target: FuzzTarget, _ bytes: UnsafeBufferPointer<UInt8>) {
    // Invalid UTF-8 is read the way the CLI reads it: as U+FFFD.
    let text = String(decoding: bytes, as: UTF8.self)
    switch target {
    case .extractor:
        checkExtraction(builtInExtractor, Document(id: "fuzz", text: text))
    case .jsonl:
        // A stream, read as the CLI reads it: a line at a time, CRLF allowed, blank lines skipped.
        for var line in bytes.split(separator: 0x0A) {
            if line.last == 0x0D { line = line.dropLast() }
            guard !line.isEmpty, let document = try? Document.parseJSONLine(String(decoding: line, as: UTF8.self)) else { continue }
            checkExtraction(builtInExtractor, document)
        }
    case .rules:
        // The input is one user rule file layered over the built-in rules; when it loads, the
        // compiled rules must extract from a short text without trouble.
        for name in ["en/fuzz.yaml", "en/cue_verbs.yaml", "en/frames/quote_speaker_cue.yaml"] {
            let source = RuleSource(path: "fuzz/" + name, relativePath: name, contents: text)
            let (set, diagnostics) = RuleSet.builtIn(layering: [[source]])
            check((set == nil) == diagnostics.contains { $0.severity == .error }, "a rule set with errors loaded")
            guard let set, let extractor = try? QuoteExtractor(ruleSet: set) else { continue }
            checkExtraction(extractor, Document(id: "fuzz", text: "“We will win,” she said. Dr. Ann Lee told them: “Not yet.” ‘Really?’ he asked."))
        }
    }
}

#if FUZZING
nonisolated(unsafe) var selectedTarget = FuzzTarget.extractor

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzOne(selectedTarget, UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// `QuoteKitFuzz TARGET [libFuzzer options] [corpus folders]`: the first argument picks the
/// target; the rest go to libFuzzer.
@_cdecl("QuoteKitFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard argc >= 2, let argv, let name = argv[1].map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: QuoteKitFuzz \(names) [libFuzzer options] [corpus folders]\n".utf8))
        return 64
    }
    selectedTarget = target
    // Drop the target name: libFuzzer sees the program name and its own arguments.
    argv[1] = argv[0]
    var count = argc - 1
    var rest: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv + 1
    return LLVMFuzzerRunDriver(&count, &rest, fuzzInput)
}
#else
@main
struct QuoteKitFuzz {
    static func main() {
        FileHandle.standardError.write(Data("QuoteKitFuzz is built for fuzzing by .ci/fuzz (libFuzzer and the address sanitizer).\n".utf8))
        exit(64)
    }
}
#endif
