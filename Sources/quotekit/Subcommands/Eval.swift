import ArgumentParser
import Foundation
import QuoteKit

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract from annotated documents and score the result against the annotations.",
        discussion: """
            A GOLD file is JSONL in the format of the evaluation harness: one document per line with \
            "id", "text" and "quotes" (code point offsets "start" and "end" of the quoted words, and \
            "speaker_mention" with its offsets, or "speaker" and "speaker_aliases"), optionally \
            "source", "nonquotes" and "characters". The extractor sees only each document's id and \
            text. Reported per source: detection precision, recall and F1 (exact spans, and lenient: \
            word overlap of at least half), speaker accuracy over the lenient matches, and end-to-end \
            attribution (a quote found with the right speaker); then, for every rule, the quotes it \
            produced, how many of them it attributed, and how many of those were right.
            """
    )

    @Argument(help: "Gold JSONL files.")
    var gold: [String]

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rules folder layered over the built-in rules; repeatable.", valueName: "dir"))
    var ruleDirectories: [String] = []

    @Option(help: "The language of the documents (a folder of the rules).")
    var lang: String = "en"

    @Option(help: "text (tables) or json (one object).")
    var format: RulesCommand.ReportFormat = .text

    func run() throws {
        let (ruleSet, extractor) = try RuleDirectoryLoader.extractor(layering: ruleDirectories, language: lang)
        var evaluator = QuoteEvaluator(ruleSet: ruleSet, language: lang)
        var problems = 0
        for path in gold {
            guard let data = FileManager.default.contents(atPath: path) else {
                Console.error("\(path): error: cannot read the file")
                problems += 1
                continue
            }
            var lineNumber = 0
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                do {
                    let doc = try GoldDocument(line: String(line))
                    evaluator.add(doc, try extractor.extract(doc.document))
                } catch {
                    Console.error("\(path):\(lineNumber): error: \(error)")
                    problems += 1
                }
            }
        }
        print(format == .json ? Self.json(evaluator) : Self.text(evaluator, gold: gold), terminator: "")
        if problems > 0 {
            Console.error("quotekit: \(problems) gold document\(problems == 1 ? "" : "s") could not be read")
            throw ExitCode.failure
        }
    }

    private static func f(_ x: Double) -> String { String(format: "%.3f", x) }

    static func text(_ e: QuoteEvaluator, gold: [String]) -> String {
        var out = ""
        for (source, c) in e.corpora.sorted(by: { $0.key < $1.key }) {
            out += "[\(source)] documents \(c.documents), gold quotes \(c.lenient.gold), predicted \(c.lenient.predicted)\n"
            out += "                            P      R     F1   (right/predicted/gold)\n"
            for (name, s) in [("detection (exact)", c.exact), ("detection (lenient)", c.lenient), ("attribution end-to-end", c.endToEnd)] {
                out += name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + "  \(f(s.precision))  \(f(s.recall))  \(f(s.f1))   (\(s.truePositives)/\(s.predicted)/\(s.gold))\n"
            }
            out += "speaker accuracy on lenient matches: \(f(c.speakerAccuracy)) (\(c.speakerRight)/\(c.speakerJudged))\n"
            if c.nonquotes > 0 { out += "predictions matching annotated non-quotes: \(c.nonquotes)\n" }
            out += "\n"
        }
        let rules = e.rules.sorted { ($0.value.quotes, $1.key) > ($1.value.quotes, $0.key) }
        let width = max(4, rules.map(\.key.count).max() ?? 0)
        out += "rule".padding(toLength: width, withPad: " ", startingAt: 0) + "  quotes  attributed  right  precision\n"
        for (rule, s) in rules {
            out += rule.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(repeating: " ", count: 8 - String(s.quotes).count) + "\(s.quotes)"
                + String(repeating: " ", count: 12 - String(s.attributed).count) + "\(s.attributed)"
                + String(repeating: " ", count: 7 - String(s.right).count) + "\(s.right)"
                + "      " + (s.attributed > 0 ? f(s.precision) : "  -  ") + "\n"
        }
        return out
    }

    static func json(_ e: QuoteEvaluator) -> String {
        struct PRF: Encodable { var p: Double, r: Double, f1: Double, tp: Int, pred: Int, gold: Int }
        struct CorpusReport: Encodable {
            var documents: Int
            var detection_exact: PRF, detection_lenient: PRF, attribution_e2e: PRF
            var speaker_accuracy: Double, speaker_correct: Int, speaker_n: Int, nonquote_fp: Int
        }
        struct RuleReport: Encodable { var quotes: Int, attributed: Int, right: Int, precision: Double }
        struct Report: Encodable { var corpora: [String: CorpusReport], rules: [String: RuleReport] }
        func prf(_ s: QuoteEvaluator.Score) -> PRF {
            PRF(p: s.precision, r: s.recall, f1: s.f1, tp: s.truePositives, pred: s.predicted, gold: s.gold)
        }
        let report = Report(
            corpora: e.corpora.mapValues {
                CorpusReport(documents: $0.documents, detection_exact: prf($0.exact), detection_lenient: prf($0.lenient),
                             attribution_e2e: prf($0.endToEnd), speaker_accuracy: $0.speakerAccuracy, speaker_correct: $0.speakerRight,
                             speaker_n: $0.speakerJudged, nonquote_fp: $0.nonquotes)
            },
            rules: e.rules.mapValues { RuleReport(quotes: $0.quotes, attributed: $0.attributed, right: $0.right, precision: $0.precision) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data(), as: UTF8.self) + "\n"
    }
}
