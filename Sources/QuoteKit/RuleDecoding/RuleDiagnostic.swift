/// A problem found in a rule file.
public struct RuleDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// Stable codes: scripts may match on them.
    public enum Code: String, Sendable, CaseIterable {
        case yamlSyntax = "R001 yaml-syntax"
        case unknownKey = "R002 unknown-key"
        case typeMismatch = "R003 type-mismatch"
        case missingKey = "R004 missing-key"
        case badValue = "R005 bad-value"
        case duplicateID = "R006 duplicate-id"
        case exampleFailed = "R007 example-failed"
        case limit = "R008 limit"
    }

    public var severity: Severity
    public var code: Code
    public var location: SourceLocation
    /// Where in the file's structure, e.g. `pairs[2].open`; empty for the whole file.
    public var keyPath: String
    public var message: String

    public init(_ severity: Severity = .error, _ code: Code, at location: SourceLocation, keyPath: String, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.keyPath = keyPath
        self.message = message
    }

    /// `path:line:column: error: [R002 unknown-key] message (at key.path)`
    public var description: String {
        let at = keyPath.isEmpty ? "" : " (at \(keyPath))"
        return "\(location): \(severity.rawValue): [\(code.rawValue)] \(message)\(at)"
    }
}
