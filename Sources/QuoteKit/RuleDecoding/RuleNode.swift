import Yams

/// A node of a rule file's YAML tree with its key path, read strictly: scalars are taken as
/// written (`1.0` stays a string unless the schema asks for a number), a word that YAML 1.1
/// readers turn into a boolean (`no`, `on`, `yes`) must be quoted where text is expected, and
/// problems are collected in a ``RuleDiagnostics`` instead of thrown.
struct RuleNode {
    let node: Node
    /// The parent's key path, and this node's key or index in it: the path itself is written out
    /// only for a diagnostic (a list of thousands of words would otherwise spell each item's).
    private let parentPath: String
    private let step: Step
    let path: String
    let diagnostics: RuleDiagnostics

    private enum Step {
        case root
        case key(String)
        case index(Int)
    }

    init(node: Node, keyPath: String, path: String, diagnostics: RuleDiagnostics) {
        self.init(node: node, parentPath: keyPath, step: .root, path: path, diagnostics: diagnostics)
    }

    private init(node: Node, parentPath: String, step: Step, path: String, diagnostics: RuleDiagnostics) {
        self.node = node
        self.parentPath = parentPath
        self.step = step
        self.path = path
        self.diagnostics = diagnostics
    }

    /// Where the node is in its file, such as `verbs.say[2]`.
    var keyPath: String {
        switch step {
        case .root: return parentPath
        case .key(let key): return parentPath.isEmpty ? key : "\(parentPath).\(key)"
        case .index(let index): return "\(parentPath)[\(index)]"
        }
    }

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func child(_ node: Node, key: String) -> RuleNode {
        RuleNode(node: node, parentPath: keyPath, step: .key(key), path: path, diagnostics: diagnostics)
    }

    func child(_ node: Node, index: Int) -> RuleNode {
        RuleNode(node: node, parentPath: keyPath, step: .index(index), path: path, diagnostics: diagnostics)
    }

    func error(_ code: RuleDiagnostic.Code, _ message: String) {
        diagnostics.add(RuleDiagnostic(.error, code, at: location, keyPath: keyPath, message))
    }

    private var typeName: String {
        switch node {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private var isNull: Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
            return true
        }
        return false
    }

    /// Plain words that YAML 1.1 (PyYAML, many editors and linters) reads as booleans.
    static let booleanWords: Set<String> = ["y", "yes", "n", "no", "true", "false", "on", "off"]

    /// A string scalar (quoted or plain, never null, never an unquoted boolean word).
    func string() -> Located<String>? {
        guard case .scalar(let s) = node, !isNull else {
            error(.typeMismatch, "expected a string, found \(isNull ? "null" : typeName)")
            return nil
        }
        if s.style == .plain, s.string.utf8.count <= 5, Self.booleanWords.contains(s.string.lowercased()) {
            error(.typeMismatch, "'\(s.string)' is a boolean to YAML 1.1 readers; write it in quotes ('\(s.string)') if it is meant as a word")
            return nil
        }
        return Located(s.string, at: location)
    }

    /// A non-empty string.
    func nonEmptyString() -> Located<String>? {
        guard let s = string() else { return nil }
        if s.value.trimmingSpaces.isEmpty {
            error(.badValue, "expected a non-empty string")
            return nil
        }
        return s
    }

    func bool() -> Bool? {
        guard case .scalar(let s) = node, s.style == .plain, s.string == "true" || s.string == "false" else {
            error(.typeMismatch, "expected true or false")
            return nil
        }
        return s.string == "true"
    }

    func number(in range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar(let s) = node, s.style == .plain, let value = Double(s.string) else {
            error(.typeMismatch, "expected a number")
            return nil
        }
        if let range, !range.contains(value) {
            error(.badValue, "expected a number in \(range.lowerBound)...\(range.upperBound), found \(s.string)")
            return nil
        }
        return value
    }

    func integer(in range: ClosedRange<Int>) -> Int? {
        guard case .scalar(let s) = node, s.style == .plain, let value = Int(s.string) else {
            error(.typeMismatch, "expected an integer")
            return nil
        }
        guard range.contains(value) else {
            error(.badValue, "expected an integer in \(range.lowerBound)...\(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    /// The items of a list; `allowEmpty` false reports an empty list.
    func list(allowEmpty: Bool = false) -> [RuleNode]? {
        guard case .sequence(let seq) = node else {
            error(.typeMismatch, "expected a list, found \(isNull ? "null" : typeName)")
            return nil
        }
        if seq.isEmpty && !allowEmpty { error(.badValue, "the list is empty") }
        guard seq.count <= RuleLimits.maxEntries else {
            error(.limit, "the list has \(seq.count) items; the limit is \(RuleLimits.maxEntries)")
            return nil
        }
        let base = keyPath
        return seq.enumerated().map { RuleNode(node: $0.element, parentPath: base, step: .index($0.offset), path: path, diagnostics: diagnostics) }
    }

    func stringList(allowEmpty: Bool = false) -> [Located<String>]? {
        list(allowEmpty: allowEmpty)?.compactMap { $0.nonEmptyString() }
    }

    /// The entries of a mapping, in file order, with string keys.
    func entries() -> [(key: Located<String>, value: RuleNode)]? {
        guard case .mapping(let mapping) = node else {
            error(.typeMismatch, "expected a mapping, found \(isNull ? "null" : typeName)")
            return nil
        }
        guard mapping.count <= RuleLimits.maxEntries else {
            error(.limit, "the mapping has \(mapping.count) entries; the limit is \(RuleLimits.maxEntries)")
            return nil
        }
        var result: [(Located<String>, RuleNode)] = []
        let base = keyPath
        for (k, v) in mapping {
            let keyNode = RuleNode(node: k, parentPath: base, step: .key(k.scalar?.string ?? "?"), path: path, diagnostics: diagnostics)
            guard let key = keyNode.string() else { continue }
            result.append((key, RuleNode(node: v, parentPath: base, step: .key(key.value), path: path, diagnostics: diagnostics)))
        }
        return result
    }

    /// The entries of a mapping checked against a closed set of keys: unknown keys and missing
    /// required keys are reported. Returns the known entries by key.
    func fields(required: [String], optional: [String]) -> [String: RuleNode]? {
        guard let entries = entries() else { return nil }
        var result: [String: RuleNode] = [:]
        let allowed = required + optional
        for (key, value) in entries {
            if allowed.contains(key.value) {
                result[key.value] = value
            } else {
                diagnostics.add(RuleDiagnostic(
                    .error, .unknownKey, at: key.location, keyPath: value.keyPath,
                    "unknown key '\(key.value)'; expected one of: \(allowed.joined(separator: ", "))"))
            }
        }
        for key in required where result[key] == nil {
            error(.missingKey, "missing required key '\(key)'")
        }
        return result
    }
}

/// Collects diagnostics while rule files are decoded.
final class RuleDiagnostics {
    private(set) var all: [RuleDiagnostic] = []
    func add(_ diagnostic: RuleDiagnostic) { all.append(diagnostic) }
    var hasErrors: Bool { all.contains { $0.severity == .error } }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
