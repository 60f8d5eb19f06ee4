/// Runs the `examples` and `counterexamples` of rules and reports each failure as an
/// `R007 example-failed` diagnostic at the example's place in its rule file.
public enum RuleExampleChecker {
    /// Checks the examples of `rules` (by default every rule of the set) with an extractor for
    /// each rule's language built from `ruleSet`.
    public static func check(_ ruleSet: RuleSet, only rules: [Rule]? = nil) -> [RuleDiagnostic] {
        var extractors: [String: QuoteExtractor] = [:]
        var diagnostics: [RuleDiagnostic] = []
        for rule in rules ?? ruleSet.rules where rule.header.enabled {
            let language = rule.header.id.language
            if extractors[language] == nil { extractors[language] = try? QuoteExtractor(ruleSet: ruleSet, language: language) }
            guard let extractor = extractors[language] else { continue }
            for example in rule.header.examples + rule.header.counterexamples {
                let counter = example.quotes.isEmpty && rule.header.counterexamples.contains { $0.text.location == example.text.location }
                if let problem = failure(of: example, counter: counter, extractor: extractor) {
                    diagnostics.append(RuleDiagnostic(.error, .exampleFailed, at: example.text.location, keyPath: "",
                                                      "\(rule.header.id): \(problem)"))
                }
            }
        }
        return diagnostics
    }

    /// Why `example` fails, or nil when extraction produces what it expects.
    public static func failure(of example: RuleExample, counter: Bool, extractor: QuoteExtractor) -> String? {
        let records: [QuoteRecord]
        do {
            records = try extractor.extract(text: example.text.value, documentID: "example")
        } catch {
            return "extraction failed: \(error)"
        }
        if counter {
            guard records.isEmpty else {
                return "expected no quote, got " + records.map { "'\($0.text)' (\($0.speaker ?? "no speaker"))" }.joined(separator: ", ")
            }
            return nil
        }
        let actual = records.map { "'\($0.text)'" }.joined(separator: ", ")
        guard records.count == example.quotes.count else {
            return "expected \(example.quotes.count) quote(s): \(example.quotes.map { "'\($0.quote)'" }.joined(separator: ", ")); got \(records.count): \(actual)"
        }
        for (expected, record) in zip(example.quotes, records) {
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
