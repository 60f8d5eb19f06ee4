/// A validated set of rules: the built-in rules, possibly layered with user folders.
public struct RuleSet: Sendable {
    /// Enabled and disabled rules, sorted by id.
    public let rules: [Rule]

    /// Rules whose id starts with `language.`, enabled only.
    public func rules(for language: String) -> [Rule] {
        rules.filter { $0.header.enabled && $0.header.id.language == language }
    }

    /// The languages that have rules.
    public var languages: [String] { Array(Set(rules.map(\.header.id.language))).sorted() }

    /// Decodes `layers` in order; a rule in a later layer replaces the rule with the same id in
    /// an earlier one. Two files with one id in the same layer (`x.yaml` and `x.yml`) are an error.
    /// Returns the rule set (nil when any error was found) and every diagnostic.
    public static func load(layers: [[RuleSource]]) -> (RuleSet?, [RuleDiagnostic]) {
        RuleSet(rules: []).layering(layers)
    }

    /// This set with `layers` decoded over it, as ``load(layers:)`` does; only the new layers are
    /// decoded.
    public func layering(_ layers: [[RuleSource]]) -> (RuleSet?, [RuleDiagnostic]) {
        let diagnostics = RuleDiagnostics()
        var byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.header.id, $0) })
        for layer in layers {
            var seen: [RuleID: String] = [:]
            for source in layer.sorted(by: { $0.relativePath < $1.relativePath }) {
                guard let rule = RuleDecoder.decode(source, into: diagnostics) else { continue }
                if let other = seen[rule.header.id] {
                    diagnostics.add(RuleDiagnostic(.error, .duplicateID, at: SourceLocation(path: source.path, line: 1, column: 1),
                                                   keyPath: "", "rule id '\(rule.header.id)' is also defined by \(other)"))
                    continue
                }
                seen[rule.header.id] = source.path
                byID[rule.header.id] = rule
            }
        }
        let sorted = diagnostics.all.sorted { ($0.location.path, $0.location.line, $0.location.column) < ($1.location.path, $1.location.line, $1.location.column) }
        if diagnostics.hasErrors { return (nil, sorted) }
        return (RuleSet(rules: byID.values.sorted { $0.header.id < $1.header.id }), sorted)
    }

    /// The rule files compiled into QuoteKit (the repository's `Rules/` folder).
    public static var builtInSources: [RuleSource] {
        EmbeddedRules.files.map { RuleSource(path: "Rules/" + $0.path, relativePath: $0.path, contents: $0.contents) }
    }

    /// The built-in rules. They are checked by the test suite, so failing to load them is a bug.
    public static let builtIn: RuleSet = {
        let (set, diagnostics) = load(layers: [builtInSources])
        guard let set else { fatalError("built-in rules are invalid:\n" + diagnostics.map(\.description).joined(separator: "\n")) }
        return set
    }()

    /// The built-in rules with user folders layered over them.
    public static func builtIn(layering layers: [[RuleSource]]) -> (RuleSet?, [RuleDiagnostic]) {
        builtIn.layering(layers)
    }
}
