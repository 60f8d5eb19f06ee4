/// Runs the `examples` and `counterexamples` of rules.
public enum RuleExampleChecker {
    /// The outcome of one example or counterexample.
    public struct Result: Sendable {
        public var rule: RuleID
        /// Where the example's text is in its rule file.
        public var location: SourceLocation
        /// Whether it is a counterexample (a text that must produce no quote).
        public var counter: Bool
        public var expected: [ExpectedQuote]
        public var actual: [QuoteRecord]
        /// Why it fails; nil when extraction produced what it expects.
        public var problem: String?
        public var passed: Bool { problem == nil }
        /// False for a `verification` rule's check, whose problem says what was expected and
        /// what came out; true for an extraction example, whose quotes tell it.
        public var comparesQuotes = true

        /// The failure as an `R007 example-failed` diagnostic at the example's text.
        public var diagnostic: RuleDiagnostic? {
            problem.map { RuleDiagnostic(.error, .exampleFailed, at: location, keyPath: "", "\(rule): \($0)") }
        }
    }

    /// Runs the examples of `rules` (by default every enabled rule of the set) with an extractor
    /// for each rule's language built from `ruleSet`, in rule and file order.
    public static func run(_ ruleSet: RuleSet, only rules: [Rule]? = nil) -> [Result] {
        var extractors: [String: QuoteExtractor] = [:]
        var results: [Result] = []
        for rule in rules ?? ruleSet.rules where rule.header.enabled {
            let language = rule.header.id.language
            if extractors[language] == nil { extractors[language] = try? QuoteExtractor(ruleSet: ruleSet, language: language) }
            guard let extractor = extractors[language] else { continue }
            let cases = rule.header.examples.map { ($0, false) } + rule.header.counterexamples.map { ($0, true) }
            for (example, counter) in cases {
                var result = Result(rule: rule.header.id, location: example.text.location, counter: counter,
                                    expected: example.quotes, actual: [], problem: nil)
                do {
                    result.actual = try extractor.extract(text: example.text.value, documentID: "example")
                    result.problem = failure(expected: example.quotes, counter: counter, actual: result.actual)
                } catch {
                    result.problem = "extraction failed: \(error)"
                }
                results.append(result)
            }
            if case .verification(let v) = rule.body {
                results += v.checks.map { check(rule.header.id, v, $0, extractor) }
            }
        }
        return results
    }

    /// Runs a `verification` rule's check: its source extracted and indexed alone, its claim
    /// verified with the rule.
    static func check(_ id: RuleID, _ rule: VerificationRule, _ check: VerificationRule.Check, _ extractor: QuoteExtractor) -> Result {
        var result = Result(rule: id, location: check.source.location, counter: false, expected: [], actual: [], problem: nil)
        result.comparesQuotes = false
        do {
            let document = Document(id: "example", text: check.source.value)
            result.actual = try extractor.extract(document)
            let index = QuoteIndex(rule: rule)
            index.add(document, records: result.actual)
            let answer = try index.verify(Claim(text: check.claim, speaker: check.speaker))
            let got = ([answer.verdict.rawValue] + answer.flags.map(\.rawValue)).joined(separator: ", ")
            let expected = ([check.verdict] + check.flags).joined(separator: ", ")
            if got != expected { result.problem = "claim '\(check.claim)': expected \(expected), got \(got)" }
        } catch {
            result.problem = "extraction failed: \(error)"
        }
        return result
    }

    /// The failures of ``run(_:only:)`` as `R007 example-failed` diagnostics.
    public static func check(_ ruleSet: RuleSet, only rules: [Rule]? = nil) -> [RuleDiagnostic] {
        run(ruleSet, only: rules).compactMap(\.diagnostic)
    }

    /// Why `actual` does not match an example's expectations, or nil when it does.
    static func failure(expected: [ExpectedQuote], counter: Bool, actual records: [QuoteRecord]) -> String? {
        if counter {
            guard records.isEmpty else {
                return "expected no quote, got " + records.map { "'\($0.text)' (\($0.speaker ?? "no speaker"))" }.joined(separator: ", ")
            }
            return nil
        }
        let actual = records.map { "'\($0.text)'" }.joined(separator: ", ")
        guard records.count == expected.count else {
            return "expected \(expected.count) quote(s): \(expected.map { "'\($0.quote)'" }.joined(separator: ", ")); got \(records.count): \(actual)"
        }
        for (expected, record) in zip(expected, records) {
            var problems: [String] = []
            if expected.quote != record.text { problems.append("quote: expected '\(expected.quote)', got '\(record.text)'") }
            if let s = expected.speaker, s != (record.speaker ?? "") { problems.append("speaker: expected '\(s)', got '\(record.speaker ?? "")'") }
            if let m = expected.mention, m != (record.speakerMention?.text ?? "") { problems.append("mention: expected '\(m)', got '\(record.speakerMention?.text ?? "")'") }
            if let c = expected.cue, c != (record.cue?.text ?? "") { problems.append("cue: expected '\(c)', got '\(record.cue?.text ?? "")'") }
            if let k = expected.kind, k != record.kind { problems.append("kind: expected \(k.rawValue), got \(record.kind.rawValue)") }
            if !problems.isEmpty { return "for '\(expected.quote)': " + problems.joined(separator: "; ") }
        }
        return nil
    }
}
