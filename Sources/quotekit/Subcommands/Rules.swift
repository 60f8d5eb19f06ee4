import ArgumentParser
import Foundation
import QuoteKit

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rule folders.",
        discussion: """
            A rules folder holds one rule per file, LANG/NAME.yaml (subfolders allowed); the rule id \
            follows from the path (en/frames/quote_cue_speaker.yaml is en.frames.quote_cue_speaker). \
            Folders given to extract --rules are layered over the built-in rules: a file with the id \
            of a built-in rule replaces it (enabled: false switches it off).
            """,
        subcommands: [Validate.self, Test.self, List.self]
    )

    /// Loads the given folders, or says why not and exits 1 (as extract does for --rules).
    static func layers(_ directories: [String]) throws -> [[RuleSource]] {
        do {
            return try directories.map(RuleDirectoryLoader.sources(in:))
        } catch {
            Console.error("quotekit: error: \(error)")
            throw ExitCode.failure
        }
    }

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule folders layered over the built-in rules and run their examples; exit 1 on errors.",
            discussion: """
                Every problem is reported, not only the first: unknown keys, wrong types, nulls, empty \
                lists, unquoted YAML boolean words (no, on, yes) where text is expected, bad patterns, \
                duplicate ids, and examples that do not hold. In text form each problem is a line \
                PATH:LINE:COLUMN: error: [CODE] message (at key.path), then a summary line; \
                --format json writes one JSON object with the problems and the counts. Codes: \
                R001 yaml-syntax, R002 unknown-key, R003 type-mismatch, R004 missing-key, \
                R005 bad-value, R006 duplicate-id, R007 example-failed.
                """
        )

        @Argument(help: "Rules folders (LANG/NAME.yaml). With none, the built-in rules are checked.")
        var directories: [String] = []

        @Option(help: "How problems are written.")
        var format: ReportFormat = .text

        func run() throws {
            let validation = RuleValidation.run(layering: try RulesCommand.layers(directories))
            switch format {
            case .text:
                for d in validation.diagnostics { print(d.description) }
                print(validation.summary)
            case .json:
                print(Self.json(validation))
            }
            if !validation.passed { throw ExitCode.failure }
        }

        static func json(_ v: RuleValidation) -> String {
            struct Problem: Encodable {
                var path: String, line: Int, column: Int, severity: String, code: String, message: String, key_path: String
            }
            struct Report: Encodable {
                var files: Int, examples: Int, errors: Int, problems: [Problem]
            }
            let report = Report(files: v.files, examples: v.examples.count, errors: v.errors, problems: v.diagnostics.map {
                Problem(path: $0.location.path, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                        code: $0.code.rawValue, message: $0.message, key_path: $0.keyPath)
            })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self)
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the examples and counterexamples of rule folders; exit 1 when one fails.",
            discussion: """
                Each rule file may carry examples (a text and the quotes, speakers, mentions and cues \
                it must produce) and counterexamples (texts that must produce no quote). A failure is \
                reported at the example's line with what was expected beside what was extracted. With \
                no folder, the examples of the built-in rules are run.
                """
        )

        @Argument(help: "Rules folders (LANG/NAME.yaml) whose examples are run, layered over the built-in rules.")
        var directories: [String] = []

        @Flag(name: .shortAndLong, help: "Also list the examples that pass.")
        var verbose = false

        func run() throws {
            let validation = RuleValidation.run(layering: try RulesCommand.layers(directories))
            // Schema problems first: without a valid rule set no example can run.
            for d in validation.diagnostics where d.code != .exampleFailed { print(d.description) }
            var failed = 0
            for result in validation.examples {
                if let d = result.diagnostic {
                    failed += 1
                    print(d.description)
                    guard result.comparesQuotes else { continue }
                    print("    expected: " + (result.counter ? "no quote" : Self.describe(result.expected)))
                    print("    actual:   " + (result.actual.isEmpty ? "no quote" : Self.describe(result.actual)))
                } else if verbose {
                    print("\(result.location): ok: \(result.rule)")
                }
            }
            let n = validation.examples.count
            print("\(n) example\(n == 1 ? "" : "s"): \(n - failed) passed, \(failed) failed")
            if !validation.passed { throw ExitCode.failure }
        }

        static func describe(_ quotes: [ExpectedQuote]) -> String {
            quotes.map { q in
                "'\(q.quote)'" + fields([("speaker", q.speaker), ("mention", q.mention), ("cue", q.cue), ("kind", q.kind?.rawValue)])
            }.joined(separator: ", ")
        }

        static func describe(_ records: [QuoteRecord]) -> String {
            records.map { r in
                "'\(r.text)'" + fields([("speaker", r.speaker ?? "-"), ("mention", r.speakerMention?.text ?? "-"),
                                        ("cue", r.cue?.text ?? "-"), ("kind", r.kind.rawValue)])
            }.joined(separator: ", ")
        }

        private static func fields(_ pairs: [(String, String?)]) -> String {
            let set = pairs.compactMap { name, value in value.map { "\(name) \($0)" } }
            return set.isEmpty ? "" : " (" + set.joined(separator: ", ") + ")"
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every rule with its kind, description and number of examples.",
            discussion: "The repository's Rules/README.md is the markdown form of the built-in rules."
        )

        @Argument(help: "Rules folders layered over the built-in rules before listing.")
        var directories: [String] = []

        @Option(help: "text (aligned columns), markdown (a table) or json (an array).")
        var format: RuleCatalog.Format = .text

        func run() throws {
            let (set, diagnostics) = RuleSet.builtIn(layering: try RulesCommand.layers(directories))
            guard let set else {
                for d in diagnostics { Console.error(d.description) }
                throw ExitCode.failure
            }
            print(RuleCatalog.render(set.rules, as: format), terminator: "")
        }
    }
}

extension RuleCatalog.Format: ExpressibleByArgument {}
