import ArgumentParser
import QuoteKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rule folders.",
        subcommands: [Validate.self]
    )

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule folders layered over the built-in rules; exit 1 on errors.",
            discussion: "Each problem is printed as PATH:LINE:COLUMN: error: [CODE] message (at key.path)."
        )

        @Argument(help: "Rules folders (LANG/NAME.yaml). With none, the built-in rules are checked.")
        var directories: [String] = []

        func run() throws {
            let layers: [[RuleSource]]
            do {
                layers = try directories.map(RuleDirectoryLoader.sources(in:))
            } catch {
                Console.error("quotekit: error: \(error)")
                throw ExitCode.failure
            }
            let (set, diagnostics) = RuleSet.builtIn(layering: layers)
            for d in diagnostics { print(d.description) }
            guard let set else { throw ExitCode.failure }
            print("\(set.rules.count) rules, \(diagnostics.count) problems")
        }
    }
}
