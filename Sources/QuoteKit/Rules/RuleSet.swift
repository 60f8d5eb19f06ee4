import Synchronization

/// A validated set of rules: the built-in rules, possibly layered with user folders.
///
/// The built-in rules of a language are decoded the first time that language is asked for
/// (``rules(for:)``), so a run in one language does not pay for decoding the others.
public struct RuleSet: Sendable {
    /// The built-in rules underneath, decoded lazily by language; nil for a set made by
    /// ``load(layers:)``.
    private let base: BuiltInRules?
    /// Rules decoded from layers, by id; they replace built-in rules with the same id.
    private let layered: [RuleID: Rule]

    private init(base: BuiltInRules?, layered: [RuleID: Rule]) {
        self.base = base
        self.layered = layered
    }

    /// Enabled and disabled rules of every language, sorted by id.
    public var rules: [Rule] {
        languages.flatMap { all(for: $0) }.sorted { $0.header.id < $1.header.id }
    }

    /// Rules whose id starts with `language.`, enabled only.
    public func rules(for language: String) -> [Rule] {
        all(for: language).filter(\.header.enabled)
    }

    /// The languages that have rules.
    public var languages: [String] {
        Set((base?.languages ?? []) + layered.keys.map(\.language)).sorted()
    }

    /// Enabled and disabled rules of `language`, sorted by id.
    private func all(for language: String) -> [Rule] {
        var byID: [RuleID: Rule] = [:]
        for rule in base?.rules(for: language) ?? [] { byID[rule.header.id] = rule }
        for (id, rule) in layered where id.language == language { byID[id] = rule }
        return byID.values.sorted { $0.header.id < $1.header.id }
    }

    /// Decodes `layers` in order; a rule in a later layer replaces the rule with the same id in
    /// an earlier one. Two files with one id in the same layer (`x.yaml` and `x.yml`) are an error.
    /// Returns the rule set (nil when any error was found) and every diagnostic.
    public static func load(layers: [[RuleSource]]) -> (RuleSet?, [RuleDiagnostic]) {
        RuleSet(base: nil, layered: [:]).layering(layers)
    }

    /// This set with `layers` decoded over it, as ``load(layers:)`` does; only the new layers are
    /// decoded.
    public func layering(_ layers: [[RuleSource]]) -> (RuleSet?, [RuleDiagnostic]) {
        let diagnostics = RuleDiagnostics()
        var byID = layered
        for layer in layers {
            for rule in Self.decode(layer, into: diagnostics) { byID[rule.header.id] = rule }
        }
        let sorted = diagnostics.all.sorted { ($0.location.path, $0.location.line, $0.location.column) < ($1.location.path, $1.location.line, $1.location.column) }
        if diagnostics.hasErrors { return (nil, sorted) }
        return (RuleSet(base: base, layered: byID), sorted)
    }

    /// The rules of one layer, in file order; a second file with an id already seen in the
    /// layer is reported and left out.
    fileprivate static func decode(_ layer: [RuleSource], into diagnostics: RuleDiagnostics) -> [Rule] {
        var seen: [RuleID: String] = [:]
        var rules: [Rule] = []
        for source in layer.sorted(by: { $0.relativePath < $1.relativePath }) {
            guard let rule = RuleDecoder.decode(source, into: diagnostics) else { continue }
            if let other = seen[rule.header.id] {
                diagnostics.add(RuleDiagnostic(.error, .duplicateID, at: SourceLocation(path: source.path, line: 1, column: 1),
                                               keyPath: "", "rule id '\(rule.header.id)' is also defined by \(other)"))
                continue
            }
            seen[rule.header.id] = source.path
            rules.append(rule)
        }
        return rules
    }

    /// The rule files compiled into QuoteKit (the repository's `Rules/` folder).
    public static var builtInSources: [RuleSource] {
        EmbeddedRules.files.map { RuleSource(path: "Rules/" + $0.path, relativePath: $0.path, contents: $0.contents) }
    }

    /// The built-in rules. They are checked by the test suite, so failing to load them is a bug.
    public static let builtIn = RuleSet(base: BuiltInRules(builtInSources), layered: [:])

    /// The built-in rules with user folders layered over them.
    public static func builtIn(layering layers: [[RuleSource]]) -> (RuleSet?, [RuleDiagnostic]) {
        builtIn.layering(layers)
    }
}

/// Rule files grouped by language folder, each group decoded on first use.
private final class BuiltInRules: Sendable {
    let languages: [String]
    private let sources: [String: [RuleSource]]
    private let decoded = Mutex<[String: [Rule]]>([:])

    init(_ files: [RuleSource]) {
        let byLanguage = Dictionary(grouping: files) { RuleID(relativePath: $0.relativePath)?.language }
        // A file with no rule id (not a YAML file in a folder) is reported by decoding, as in a layer.
        if let stray = byLanguage[nil] { _ = Self.decodeOrFail(stray) }
        sources = byLanguage.reduce(into: [:]) { if let language = $1.key { $0[language] = $1.value } }
        languages = sources.keys.sorted()
    }

    func rules(for language: String) -> [Rule] {
        guard let files = sources[language] else { return [] }
        if let rules = decoded.withLock({ $0[language] }) { return rules }
        // Decoded outside the lock: two threads may both decode a language; both get equal rules.
        let rules = Self.decodeOrFail(files)
        decoded.withLock { $0[language] = rules }
        return rules
    }

    private static func decodeOrFail(_ files: [RuleSource]) -> [Rule] {
        let diagnostics = RuleDiagnostics()
        let rules = RuleSet.decode(files, into: diagnostics)
        if diagnostics.hasErrors {
            fatalError("built-in rules are invalid:\n" + diagnostics.all.map(\.description).joined(separator: "\n"))
        }
        return rules
    }
}
