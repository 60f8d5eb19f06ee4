/// What `quotekit rules validate` reports: rule folders layered over the built-in rules, checked
/// against their schemas, then the examples of the rules they define run.
public struct RuleValidation: Sendable {
    /// Rule files checked: those of the given folders, or the built-in ones when none is given.
    public var files: Int
    /// Examples and counterexamples run (none when a file has errors).
    public var examples: [RuleExampleChecker.Result]
    /// Schema problems, then failing examples.
    public var diagnostics: [RuleDiagnostic]
    /// The loaded rule set, when the files have no errors.
    public var ruleSet: RuleSet?

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var passed: Bool { errors == 0 }

    /// Validates `layers` (user folders, each a list of sources) over the built-in rules and runs
    /// the examples of the rules they define; with no layers, the built-in rules and all examples.
    public static func run(layering layers: [[RuleSource]]) -> RuleValidation {
        let (set, diagnostics) = RuleSet.builtIn(layering: layers)
        let files = layers.isEmpty ? RuleSet.builtInSources.count : layers.reduce(0) { $0 + $1.count }
        guard let set else { return RuleValidation(files: files, examples: [], diagnostics: diagnostics, ruleSet: nil) }
        let userIDs = Set(layers.joined().compactMap { RuleID(relativePath: $0.relativePath) })
        let checked = layers.isEmpty ? set.rules : set.rules.filter { userIDs.contains($0.header.id) }
        let examples = RuleExampleChecker.run(set, only: checked)
        return RuleValidation(files: files, examples: examples, diagnostics: diagnostics + examples.compactMap(\.diagnostic), ruleSet: set)
    }

    /// `12 rule files, 30 examples: 0 errors`
    public var summary: String {
        "\(files) rule file\(files == 1 ? "" : "s"), \(examples.count) example\(examples.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s")"
    }
}
