import ArgumentParser
import Foundation
import QuoteKit

/// Output formats of `extract`.
enum OutputFormat: String, ExpressibleByArgumentCaseIterable {
    case jsonl, json, csv, html, brat

    /// The exporter of a one-stream format (every format but brat, which writes a folder).
    func makeExporter(csvFormulas: CSVFormulas = .neutralize) -> any QuoteExporter {
        switch self {
        case .jsonl, .brat: return JSONLinesQuoteExporter()
        case .json: return JSONQuoteExporter()
        case .csv: return CSVQuoteExporter(neutralizesFormulas: csvFormulas == .neutralize)
        case .html: return HTMLQuoteExporter()
        }
    }
}

/// What CSV output does with a cell a spreadsheet would run as a formula.
enum CSVFormulas: String, ExpressibleByArgumentCaseIterable {
    case neutralize, keep
}

extension QuoteExtractor.ContextScope: ExpressibleByArgumentCaseIterable {}

protocol ExpressibleByArgumentCaseIterable: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract and attribute the quotes in documents (the default command).",
        discussion: """
        An INPUT is a .txt file (one document; its id is the path as given), a .jsonl file (one \
        document per line with string fields "id" and "text"; other fields are copied into the \
        records' "metadata"), a folder (its .txt and .jsonl files, sorted by name), or - for \
        standard input (also the default when no INPUT is given).

        Each record gives the quote's Unicode code point offsets (start, end), its text, kind \
        (direct or partial), speaker, speaker_mention, cue, the rule that attributed it and a \
        confidence; see the README for the full schema.

        A bad input (missing file, malformed JSON line) is reported on standard error with its \
        file and line; the other documents are still processed, and the exit status is 1. When \
        standard error is a terminal, long runs show a progress line there.
        """
    )

    @Argument(help: "Files, folders, or - for standard input.")
    var inputs: [String] = []

    @Option(help: "The output format: one JSON object per line, a JSON array, CSV with a header row, one self-contained HTML page that highlights the quotes, or brat standoff files (.txt and .ann per document) in the folder given with --output.")
    var format: OutputFormat = .jsonl

    @Option(help: "CSV only: neutralize writes a ' before a text cell that starts with =, +, -, @, a tab or a carriage return, so that spreadsheets show it as text instead of running it; keep writes it as it is.")
    var csvFormulas: CSVFormulas = .neutralize

    @Option(name: [.short, .long], help: "Write records to this file instead of standard output (with --format brat: the folder to write).")
    var output: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rules folder (LANG/NAME.yaml) layered over the built-in rules; repeatable, later folders win.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Option(help: "How standard input is read: as one text document or as JSONL documents.")
    var inputFormat: InputFormat = .text

    @Option(help: "The language of the documents (a folder of the rules).")
    var lang: String = "en"

    @Option(help: "What each record's context holds: the sentences of the quote and its cue, their paragraphs, or nothing (no context field).")
    var context: QuoteExtractor.ContextScope = .sentence

    @Option(help: ArgumentHelp("How many documents are extracted at once, on as many threads (default: the number of cores). The output is the same, in the same order, whatever the number.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "What a bad input does: skip reports it and goes on (the exit status is then 1); ignore reports it and goes on (the exit status stays 0, for a stage of a pipeline that must not fail on one bad document); fail stops at the first one, leaves no --output file, and exits 1.")
    var onError: OnError = .skip

    enum OnError: String, ExpressibleByArgumentCaseIterable {
        case skip, ignore, fail
    }

    @Option(help: "At the end, on standard error: text (one line), json (one object) or none. It counts the documents read, extracted and skipped and the quotes written.")
    var summary: SummaryFormat = .text

    enum SummaryFormat: String, ExpressibleByArgumentCaseIterable {
        case text, json, none
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if format == .brat && (output == nil || output == "-") {
            throw ValidationError("--format brat writes a folder of files: name it with --output DIR")
        }
    }

    func run() throws {
        let (ruleSet, extractor) = try RuleDirectoryLoader.extractor(layering: ruleDirectories, language: lang)
        let sink: OutputSink
        var brat: BratFolder?
        do {
            if format == .brat, let output {
                brat = try BratFolder(path: output)
                sink = try OutputSink(path: nil)   // unused: the records go to the folder
            } else {
                sink = try OutputSink(path: output)
            }
        } catch {
            Console.error("quotekit: error: \(error)")
            throw ExitCode.failure
        }
        var exporter = format.makeExporter(csvFormulas: csvFormulas)
        var failures = 0, read = 0, extracted = 0, quotes = 0
        sink.write(exporter.begin())
        extractor.contextScope = context
        let parallel = ParallelExtraction(first: extractor, threads: jobs) { language in
            let e = try QuoteExtractor(ruleSet: ruleSet, language: language)
            e.contextScope = context
            return e
        }
        let progress = Progress()
        let reader = InputReader(inputs: inputs, stdinFormat: inputFormat)
        // After --on-error fail stops the reader, documents still pending (read ahead by other
        // threads) are left out, so that the output and the counts do not depend on --jobs.
        var stopped = false
        func stop() {
            stopped = true
            reader.stop()
        }
        func deliver(_ document: Document, _ outcome: ParallelExtraction.Outcome) {
            guard !stopped else { return }
            read += 1
            switch outcome {
            case .success(let records):
                if let brat {
                    do {
                        try brat.write(document, records)
                    } catch {
                        failures += 1
                        Console.error("quotekit: error: \(error)")
                        stop()
                        return
                    }
                } else {
                    sink.write(exporter.export(records, of: document))
                }
                extracted += 1
                quotes += records.count
                progress.add(documents: 1, quotes: records.count, bytes: document.text.utf8.count)
            case .failure(let error):
                failures += 1
                progress.finish()
                Console.error("\(document.id): error: \(error)")
                if onError == .fail { stop() }
            }
        }
        reader.read({ document in
            parallel.add(document, deliver)
        }, problem: { problem in
            // Documents read before the problem are written first, so that messages keep their order.
            parallel.flush(deliver)
            // (One of them may have stopped the run: then the reader would not have got this far.)
            guard !stopped else { return }
            progress.finish()
            if !problem.isWarning { failures += 1 }
            Console.error(problem.description)
            if onError == .fail && !problem.isWarning { stop() }
        })
        parallel.flush(deliver)
        progress.finish()
        sink.write(exporter.end())
        func report() {
            switch summary {
            case .text:
                Console.error("quotekit: \(read) document\(read == 1 ? "" : "s") read, \(extracted) extracted, \(failures) skipped"
                              + (failures > 0 ? " (see above)" : "") + "; \(quotes) quote\(quotes == 1 ? "" : "s") written")
            case .json:
                Console.error("{\"documents_read\":\(read),\"documents_extracted\":\(extracted),\"skipped\":\(failures),\"quotes_written\":\(quotes)}")
            case .none:
                break
            }
        }
        if onError == .fail && failures > 0 {
            // Stopped at a bad input: no output file that looks complete.
            sink.abandon()
            Console.error("quotekit: stopped at the first bad input (--on-error fail)")
            report()
            throw ExitCode.failure
        }
        do {
            try brat?.finish()
            try sink.finish()
        } catch {
            sink.abandon()
            Console.error("quotekit: error: \(error)")
            throw ExitCode.failure
        }
        report()
        if failures > 0 && onError != .ignore { throw ExitCode.failure }
    }
}
