import ArgumentParser
import Foundation
import QuoteKit

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure extraction speed against ICU's own on the same input.",
        discussion: """
            Reads the inputs (as extract does) into memory, then times, on one thread and on the \
            same text: ICU sentence segmentation alone (the floor of QuoteKit's design, which \
            segments every text with ICU), ICU word segmentation alone, the quote scan alone \
            (paragraphs and pairing of quotation marks), segmentation into paragraphs, sentences \
            and tokens as extraction does it, and full extraction (records built, not written; \
            it includes the stages before). Each stage runs \
            --repeat times and its median is reported, in MB/s of UTF-8 input and as a share of \
            ICU's speed; then the peak resident memory of the process.
            """
    )

    @Argument(help: "Files, folders, or - for standard input (as for extract).")
    var inputs: [String] = []

    @Option(help: "How standard input is read: as one text document or as JSONL documents.")
    var inputFormat: InputFormat = .text

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rules folder layered over the built-in rules; repeatable.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Option(help: "The language of the documents (a folder of the rules).")
    var lang: String = "en"

    @Option(help: "How many times each stage runs (the median is reported).")
    var `repeat`: Int = 3

    @Option(help: "text (a table) or json (one object).")
    var format: RulesCommand.ReportFormat = .text

    struct Stage: Encodable {
        var name: String, seconds: Double, mb_per_s: Double, share_of_icu: Double
    }

    struct Report: Encodable {
        var documents: Int, characters: Int, bytes: Int, icu_version: String, runs: Int
        var stages: [Stage]
        var peak_rss_bytes: Int
    }

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let (ruleSet, extractor) = try RuleDirectoryLoader.extractor(layering: ruleDirectories, language: lang)
        let stages = try ExtractionStages(ruleSet: ruleSet, language: lang)
        var documents: [Document] = []
        var problems = 0
        InputReader(inputs: inputs, stdinFormat: inputFormat).read({ documents.append($0) }, problem: {
            if !$0.isWarning { problems += 1 }
            Console.error($0.description)
        })
        let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
        guard bytes > 0 else {
            Console.error("quotekit: error: no text to measure")
            throw ExitCode.failure
        }
        var sink = 0
        func median(_ body: () throws -> Void) rethrows -> Double {
            var times: [Double] = []
            for _ in 0..<`repeat` {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return times.sorted()[times.count / 2]
        }
        let icu = try median { for d in documents { sink &+= try stages.segmentSentences(d.text) } }
        let icuWords = try median { for d in documents { sink &+= try stages.segmentWords(d.text) } }
        let scan = median { for d in documents { sink &+= stages.scanQuotes(d.text) } }
        let segmentation = try median { for d in documents { sink &+= try stages.segment(d.text) } }
        let full = try median { for d in documents { sink &+= try extractor.extract(d).count } }
        let mb = Double(bytes) / 1e6
        let report = Report(
            documents: documents.count, characters: documents.reduce(0) { $0 + $1.text.unicodeScalars.count }, bytes: bytes,
            icu_version: ExtractionStages.icuVersion, runs: `repeat`,
            stages: [("ICU sentence segmentation", icu), ("ICU word segmentation", icuWords), ("quote scan", scan),
                     ("segmentation into tokens", segmentation), ("full extraction", full)].map { name, s in
                Stage(name: name, seconds: s, mb_per_s: mb / s, share_of_icu: icu / s)
            },
            peak_rss_bytes: Self.peakResidentBytes())
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(Self.text(report))
        }
        if sink == Int.min { print("") }  // keeps the measured work from being optimised away
        if problems > 0 { throw ExitCode.failure }
    }

    static func text(_ r: Report) -> String {
        var out = "input: \(r.documents) document\(r.documents == 1 ? "" : "s"), \(r.characters) characters, "
            + String(format: "%.2f MB", Double(r.bytes) / 1e6) + " (UTF-8); ICU \(r.icu_version); median of \(r.runs) run\(r.runs == 1 ? "" : "s"), one thread\n"
        out += "stage                          seconds      MB/s   share of ICU's speed\n"
        for s in r.stages {
            out += s.name.padding(toLength: 27, withPad: " ", startingAt: 0)
                + String(format: "%10.3f %9.1f %10.1f%%\n", s.seconds, s.mb_per_s, 100 * s.share_of_icu)
        }
        out += String(format: "peak resident memory: %.0f MiB", Double(r.peak_rss_bytes) / 1_048_576)
        return out
    }

    /// The process's peak resident set size (Linux reports kilobytes).
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    }
}
