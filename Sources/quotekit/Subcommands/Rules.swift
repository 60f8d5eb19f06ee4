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
            abstract: "Check rule folders layered over the built-in rules and run their examples; exit 1 on errors.",
            discussion: "Each problem is printed as PATH:LINE:COLUMN: error: [CODE] message (at key.path). A failing example is reported as [R007 example-failed] at the example's line."
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
            // The examples of the rules in the given folders (all rules when none is given).
            let userIDs = Set(layers.joined().compactMap { RuleID(relativePath: $0.relativePath) })
            let checked = directories.isEmpty ? set.rules : set.rules.filter { userIDs.contains($0.header.id) }
            let failures = RuleExampleChecker.check(set, only: checked)
            for d in failures { print(d.description) }
            print("\(set.rules.count) rules, \(diagnostics.count + failures.count) problems")
            if !failures.isEmpty { throw ExitCode.failure }
        }
    }
}
