import Foundation
import QuoteKit

/// How plain inputs (standard input) are read.
enum InputFormat: String, ExpressibleByArgumentCaseIterable {
    case text, jsonl
}

/// Reads documents from the command line's inputs, one at a time, reporting bad ones without
/// stopping.
struct InputReader {
    let inputs: [String]
    let stdinFormat: InputFormat

    /// An input problem: which file, which line, what is wrong. An error skips the input (a file,
    /// a line); a warning only says what was repaired.
    struct Problem: CustomStringConvertible {
        let place: String
        let message: String
        var isWarning = false
        var description: String { "\(place): \(isWarning ? "warning" : "error"): \(message)" }
    }

    /// The ids read so far, to report one read again. Kept small for streams of millions of
    /// documents: a 64-bit hash of each id in an open-addressing table, 8 bytes a slot (two
    /// different ids share a hash about once in ten million streams of a million documents).
    private final class SeenIDs {
        private var slots = [UInt64](repeating: 0, count: 1 << 12)
        private var count = 0

        /// Records `id`; false when it was read before.
        func insert(_ id: String) -> Bool {
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            if hash == 0 { hash = 1 }  // 0 marks an empty slot
            if 4 * (count + 1) > 3 * slots.count { grow() }
            guard place(hash, in: &slots) else { return false }
            count += 1
            return true
        }

        /// Puts `hash` in `table`; false when it was there already.
        private func place(_ hash: UInt64, in table: inout [UInt64]) -> Bool {
            let mask = table.count - 1
            var i = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while table[i] != 0 {
                if table[i] == hash { return false }
                i = (i + 1) & mask
            }
            table[i] = hash
            return true
        }

        private func grow() {
            var bigger = [UInt64](repeating: 0, count: slots.count * 2)
            for h in slots where h != 0 { _ = place(h, in: &bigger) }
            slots = bigger
        }
    }
    private let seen = SeenIDs()

    /// Set by ``stop()``: no further input is read.
    private final class Control { var stopped = false }
    private let control = Control()

    /// Stops reading after the current document or problem (for `--on-error fail`).
    func stop() { control.stopped = true }

    /// Calls `document` for each document and `problem` for each input that cannot be read.
    func read(_ document: (Document) -> Void, problem: (Problem) -> Void) {
        let list = inputs.isEmpty ? ["-"] : inputs
        for input in list where !control.stopped {
            if input == "-" {
                switch stdinFormat {
                case .text:
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    if let text = decodeText(data, place: "<stdin>", problem: problem) {
                        accept(Document(id: "-", text: text), file: "<stdin>", document, problem: problem)
                    }
                case .jsonl:
                    readJSONL(path: "-", name: "<stdin>", document, problem: problem)
                }
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                problem(Problem(place: input, message: "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                let names: [String]
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: input)
                        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".jsonl") }.sorted()
                } catch {
                    problem(Problem(place: input, message: "cannot list the folder"))
                    continue
                }
                if names.isEmpty { problem(Problem(place: input, message: "the folder has no .txt or .jsonl files")) }
                for name in names where !control.stopped {
                    let path = (input.hasSuffix("/") ? input : input + "/") + name
                    readFile(path, document, problem: problem)
                }
            } else {
                readFile(input, document, problem: problem)
            }
        }
    }

    private func readFile(_ path: String, _ document: (Document) -> Void, problem: (Problem) -> Void) {
        if path.hasSuffix(".jsonl") {
            readJSONL(path: path, name: path, document, problem: problem)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            problem(Problem(place: path, message: "cannot read the file"))
            return
        }
        guard let text = decodeText(data, place: path, problem: problem) else { return }
        if text.isEmpty { problem(Problem(place: path, message: "the file is empty", isWarning: true)) }
        accept(Document(id: path, text: text), file: path, document, problem: problem)
    }

    /// A document whose id was read before is reported and skipped: records are told apart by
    /// their document's id.
    private func accept(_ doc: Document, file: String, line: Int = 0, _ document: (Document) -> Void, problem: (Problem) -> Void) {
        guard seen.insert(doc.id) else {
            problem(Problem(place: line == 0 ? file : "\(file):\(line)", message: "duplicate document id \"\(doc.id)\" (read before); skipped"))
            return
        }
        document(doc)
    }

    /// The text of a file read as one document: nil (with an error) for a binary file; invalid
    /// UTF-8 becomes U+FFFD with a warning naming the first bad byte.
    private func decodeText(_ data: Data, place: String, problem: (Problem) -> Void) -> String? {
        return data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Text has no NUL bytes in its first 8 KB; executables, images and archives do.
            if bytes.prefix(8192).contains(0) {
                problem(Problem(place: place, message: "not a text file (it has NUL bytes); skipped"))
                return nil
            }
            if let bad = Self.firstInvalidUTF8(bytes) {
                problem(Problem(place: place, message: "invalid UTF-8 at byte \(bad); such bytes are read as U+FFFD", isWarning: true))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // ASCII, eight bytes at a time, up to the first byte that is not: the common case.
        var offset = 0
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count,
                  UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                offset += 8
            }
        }
        var parser = Unicode.UTF8.ForwardParser()
        var input = UnsafeBufferPointer(rebasing: bytes[offset...]).makeIterator()
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private func readJSONL(path: String, name: String, _ document: (Document) -> Void, problem: (Problem) -> Void) {
        guard let file = path == "-" ? fdopen(0, "r") : fopen(path, "r") else {
            problem(Problem(place: name, message: "cannot read the file"))
            return
        }
        defer { if path != "-" { fclose(file) } }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        var number = 0
        while !control.stopped {
            let length = getline(&line, &capacity, file)
            if length < 0 { break }
            number += 1
            guard let line else { continue }
            var text = line.withMemoryRebound(to: UInt8.self, capacity: length) { bytes -> String in
                let buffer = UnsafeBufferPointer(start: bytes, count: length)
                if let bad = Self.firstInvalidUTF8(buffer) {
                    problem(Problem(place: "\(name):\(number)", message: "invalid UTF-8 at byte \(bad) of the line; such bytes are read as U+FFFD",
                                    isWarning: true))
                }
                return String(decoding: buffer, as: UTF8.self)
            }
            // A byte-order mark before the first line is not part of the JSON.
            if number == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if text.allSatisfy({ $0.isWhitespace }) { continue }
            do {
                accept(try Document.parseJSONLine(text), file: name, line: number, document, problem: problem)
            } catch {
                problem(Problem(place: "\(name):\(number)", message: error.description))
            }
        }
    }
}
