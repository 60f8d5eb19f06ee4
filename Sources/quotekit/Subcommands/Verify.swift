import ArgumentParser
import Foundation
import QuoteKit

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find where a claimed quote was said, and whether it was said that way and by that person.",
        discussion: """
        Extracts the quotes of the SOURCES (read as extract reads its inputs), indexes the \
        sources' words, and answers each claim with a verdict: exact (the words as written), \
        exact-modulo-punctuation (only case, punctuation, quotation marks or spacing differ), \
        altered (a word-level diff of the words added, removed or changed) or not-found. Flags \
        add what else the passage shows: speaker-mismatch (the claim's speaker is not the one \
        QuoteKit attributes the quote to), fragment (the claim is part of a longer quote, which \
        is reported), out-of-context (a fragment whose left-out words next to it hold a negation, \
        a contrast or a condition) and not-a-quote (the passage is narration, not a quote).

        Give one claim with --claim (and --speaker), or a batch with --claims FILE: a CSV file \
        with a header row (a text column; speaker and id columns optional) or a JSONL file (one \
        object per line with text, and optionally speaker and id).

        Exit status: 0 when every claim and source was read (whatever the verdicts), 1 when a \
        source or a claim line could not be read (the others are still answered), 64 for a usage \
        error.
        """
    )

    @Argument(help: "Sources to search: files, folders, or - for standard input.")
    var sources: [String] = []

    @Option(help: "The claimed quote.")
    var claim: String?

    @Option(help: "Who the claim says spoke the words (with --claim).")
    var speaker: String?

    @Option(help: ArgumentHelp("A file of claims: .csv (a header row with a text column; speaker and id optional) or .jsonl.", valueName: "file"))
    var claims: String?

    @Option(help: "The output format: text for a person, one JSON object per claim (jsonl), or a JSON array.")
    var format: VerifyFormat = .text

    @Option(help: ArgumentHelp("The most candidate passages reported per claim, best first.", valueName: "n"))
    var maxCandidates: Int = 5

    @Option(name: [.short, .long], help: "Write the answers to this file instead of standard output.")
    var output: String?

    @OptionGroup var documents: DocumentOptions

    enum VerifyFormat: String, ExpressibleByArgumentCaseIterable {
        case text, jsonl, json
    }

    func validate() throws {
        guard (1...QuoteIndex.maxCandidatesLimit).contains(maxCandidates) else {
            throw ValidationError("--max-candidates must be between 1 and \(QuoteIndex.maxCandidatesLimit)")
        }
        guard (claim == nil) != (claims == nil) else { throw ValidationError("give either --claim TEXT or --claims FILE") }
        guard speaker == nil || claim != nil else { throw ValidationError("--speaker goes with --claim; a claims file has a speaker column") }
        if let claim, !claim.contains(where: { $0.isLetter || $0.isNumber }) { throw ValidationError("--claim has no words") }
        if let claims, !(claims.lowercased().hasSuffix(".csv") || claims.lowercased().hasSuffix(".jsonl")) {
            throw ValidationError("--claims must name a .csv or .jsonl file")
        }
    }

    func run() throws {
        var failures = 0
        // Claims first: a bad claims file is reported before the sources are read.
        var batch: [Claim] = []
        if let claim {
            batch = [Claim(text: claim, speaker: speaker)]
        } else if let path = claims {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.error("\(path): error: cannot read the claims file")
                throw ExitCode.failure
            }
            let (read, problems) = ClaimReader.read(String(decoding: data, as: UTF8.self), format: path.lowercased().hasSuffix(".csv") ? .csv : .jsonl)
            for p in problems { Console.error("\(path):\(p)") }
            failures += problems.count
            batch = read
        }
        let rules = try documents.ruleSet()
        let index = try QuoteIndex(ruleSet: rules.0, language: documents.lang)
        failures += documents.extractAll(sources, with: rules, context: .sentence) { document, records in index.add(document, records: records) }

        let sink = try OutputSink.opening(output)
        if format == .json { sink.write("[") }
        var n = 0
        for c in batch {
            let answer: Verification
            do {
                answer = try index.verify(c, maxCandidates: maxCandidates)
            } catch {
                Console.error("\(claims ?? "--claim")\(c.id.map { " (claim \($0))" } ?? ""): error: \(error)")
                failures += 1
                continue
            }
            defer { n += 1 }
            switch format {
            case .text: sink.write((n > 0 ? "\n" : "") + VerificationWriter.text(answer, number: n + 1))
            case .jsonl: sink.write(VerificationWriter.json(answer) + "\n")
            case .json: sink.write((n > 0 ? ",\n" : "\n") + VerificationWriter.json(answer))
            }
        }
        if format == .json { sink.write(batch.isEmpty ? "]\n" : "\n]\n") }
        try sink.finishOrExit()
        if index.documentCount == 0 { Console.error("quotekit: warning: no source documents were read") }
        if failures > 0 { throw ExitCode.failure }
    }
}
