import ArgumentParser
import QuoteKit

@main
struct QuoteKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotekit",
        abstract: "Find quoted speech in text and say who said it.",
        discussion: """
        Reads documents (text files, JSONL, folders or standard input), finds every quotation, \
        attributes it to a speaker with the built-in rules and any --rules folders, and writes \
        one record per quote as JSONL, JSON or CSV, or for review as an HTML page or brat \
        files. verify finds where a claimed quote was said and how it differs; speakers counts \
        who is quoted.
        """,
        version: QuoteKitVersion.string,
        subcommands: [Extract.self, Verify.self, Speakers.self, Eval.self, Bench.self, RulesCommand.self],
        defaultSubcommand: Extract.self
    )
}
