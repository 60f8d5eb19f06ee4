import ArgumentParser
import Foundation
import QuoteKit

/// The options of a command that reads documents and extracts their quotes before doing
/// something else with them (`verify`, `speakers`): rules, input format, language and threads.
struct DocumentOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rules folder layered over the built-in rules; repeatable.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Option(help: "How standard input is read: as one text document or as JSONL documents.")
    var inputFormat: InputFormat = .text

    @Option(help: "The language of the documents (a folder of the rules); a JSONL document's lang field overrides it.")
    var lang: String = "en"

    @Option(help: ArgumentHelp("How many documents are extracted at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// The rule set, with a message and exit status 1 (bad rules) or 64 (unknown language).
    func ruleSet() throws -> (RuleSet, QuoteExtractor) {
        try RuleDirectoryLoader.extractor(layering: ruleDirectories, language: lang)
    }

    /// Extracts every document of `inputs` and hands each one's records to `consume`, in input
    /// order; returns how many inputs or documents failed (each reported on standard error).
    func extractAll(_ inputs: [String], with rules: (RuleSet, QuoteExtractor), context: QuoteExtractor.ContextScope,
                    _ consume: (Document, [QuoteRecord]) -> Void) -> Int {
        ParallelExtraction.extractAll(inputs, stdinFormat: inputFormat, first: rules.1, ruleSet: rules.0, jobs: jobs,
                                      context: context, consume)
    }
}
