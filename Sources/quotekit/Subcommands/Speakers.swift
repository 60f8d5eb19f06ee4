import ArgumentParser
import Foundation
import QuoteKit

struct Speakers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who gets quoted: a corpus's quotes aggregated by canonical speaker.",
        discussion: """
        Extracts the quotes of the INPUTs (read as extract reads them) or, with --records, reads \
        records that extract wrote as JSONL, and prints one row per speaker: the number of quotes, \
        the number of documents they are quoted in, and the first and last date of those \
        documents (from the metadata field --date-field, when it holds an ISO 8601 date). Most \
        quoted first; the quotes without a speaker come last. Names are the documents' \
        canonical names: one person named differently in two documents has two rows.

        Exit status: 0 on success, 1 when an input or a line could not be read (the others are \
        still counted), 64 for a usage error.
        """
    )

    @Argument(help: "Documents (files, folders, - for standard input), or with --records, JSONL record files.")
    var inputs: [String] = []

    @Flag(help: "The inputs are records written by quotekit extract (JSONL), not documents.")
    var records = false

    @Option(help: "The metadata field that holds a document's date.")
    var dateField: String = "date"

    @Option(help: ArgumentHelp("Only speakers with at least this many quotes.", valueName: "n"))
    var minQuotes: Int = 1

    @Option(help: "The output format: an aligned text table, CSV with a header row, a JSON array, or one JSON object per line.")
    var format: SpeakersFormat = .text

    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var documents: DocumentOptions

    enum SpeakersFormat: String, ExpressibleByArgumentCaseIterable {
        case text, csv, json, jsonl
    }

    func validate() throws {
        guard minQuotes >= 1 else { throw ValidationError("--min-quotes must be at least 1") }
    }

    func run() throws {
        var table = SpeakerTable(dateField: dateField)
        var failures = 0
        if records {
            try readRecords(into: &table, failures: &failures)
        } else {
            failures += documents.extractAll(inputs, with: try documents.ruleSet(), context: .none) { _, records in table.add(records) }
        }
        let sink = try OutputSink.opening(output)
        sink.write(Self.render(table.sorted(minQuotes: minQuotes), format))
        try sink.finishOrExit()
        if failures > 0 { throw ExitCode.failure }
    }

    /// Reads record files (or standard input) line by line.
    private func readRecords(into table: inout SpeakerTable, failures: inout Int) throws {
        for path in inputs.isEmpty ? ["-"] : inputs {
            let data: Data?
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                data = FileManager.default.contents(atPath: path)
            }
            guard let data else {
                Console.error("\(path): error: cannot read the file")
                failures += 1
                continue
            }
            var number = 0
            // Lines split on line feed bytes (so CRLF files split too); a byte-order mark is skipped.
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                number += 1
                if line.last == 0x0D { line = line.dropLast() }
                guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { continue }
                do {
                    table.add(try QuoteRecord(jsonLine: String(decoding: line, as: UTF8.self)))
                } catch {
                    Console.error("\(path == "-" ? "<stdin>" : path):\(number): error: \(error)")
                    failures += 1
                }
            }
        }
    }

    static func render(_ rows: [SpeakerTable.Row], _ format: SpeakersFormat) -> String {
        func json(_ r: SpeakerTable.Row) -> String {
            func s(_ x: String?) -> String {
                guard let x else { return "null" }
                var out = ""
                JSONText.string(x, into: &out)
                return out
            }
            return "{\"speaker\":\(s(r.speaker)),\"quotes\":\(r.quotes),\"documents\":\(r.documents),\"first_date\":\(s(r.firstDate)),\"last_date\":\(s(r.lastDate))}"
        }
        switch format {
        case .jsonl: return rows.map { json($0) + "\n" }.joined()
        case .json: return "[" + rows.map { "\n" + json($0) }.joined(separator: ",") + (rows.isEmpty ? "]\n" : "\n]\n")
        case .csv:
            let header = "speaker,quotes,documents,first_date,last_date\r\n"
            return header + rows.map { r in
                [CSVQuoteExporter.neutralized(r.speaker ?? ""), String(r.quotes), String(r.documents), r.firstDate ?? "", r.lastDate ?? ""]
                    .map(CSVQuoteExporter.field).joined(separator: ",") + "\r\n"
            }.joined()
        case .text:
            let names = rows.map { $0.speaker ?? "(no speaker)" }
            let width = max(7, names.map(\.count).max() ?? 0)
            func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
            func left(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
            var out = pad("speaker", width) + "  quotes  documents  first date  last date\n"
            for (r, name) in zip(rows, names) {
                out += pad(name, width) + "  " + left(String(r.quotes), 6) + "  " + left(String(r.documents), 9) + "  "
                    + pad(r.firstDate ?? "-", 10) + "  " + (r.lastDate ?? "-") + "\n"
            }
            return out
        }
    }
}
