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

    /// An input problem: which file, which line, what is wrong.
    struct Problem: CustomStringConvertible {
        let place: String
        let message: String
        var description: String { "\(place): error: \(message)" }
    }

    /// Calls `document` for each document and `problem` for each input that cannot be read.
    func read(_ document: (Document) -> Void, problem: (Problem) -> Void) {
        let list = inputs.isEmpty ? ["-"] : inputs
        for input in list {
            if input == "-" {
                switch stdinFormat {
                case .text:
                    let data = FileHandle.standardInput.readDataToEndOfFile()
                    document(Document(id: "-", text: String(decoding: data, as: UTF8.self)))
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
                for name in names {
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
        document(Document(id: path, text: String(decoding: data, as: UTF8.self)))
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
        while true {
            let length = getline(&line, &capacity, file)
            if length < 0 { break }
            number += 1
            guard let line else { continue }
            var text = line.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
            // A byte-order mark before the first line is not part of the JSON.
            if number == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if text.allSatisfy({ $0.isWhitespace }) { continue }
            do {
                document(try Document.parseJSONLine(text))
            } catch {
                problem(Problem(place: "\(name):\(number)", message: error.description))
            }
        }
    }
}
