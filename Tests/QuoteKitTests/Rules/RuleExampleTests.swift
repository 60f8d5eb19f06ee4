import QuoteKit
import XCTest

/// Every example and counterexample of every built-in rule must hold.
final class RuleExampleTests: XCTestCase {
    func testBuiltInRulesLoadWithoutDiagnostics() {
        let (set, diagnostics) = RuleSet.load(layers: [RuleSet.builtInSources])
        XCTAssertNotNil(set)
        XCTAssertEqual(diagnostics.map(\.description), [])
    }

    func testEveryRuleExampleHolds() {
        let set = RuleSet.builtIn
        let examples = set.rules.reduce(0) { $0 + $1.header.examples.count + $1.header.counterexamples.count }
        XCTAssertGreaterThan(examples, 15, "the built-in rules should carry examples")
        for result in RuleExampleChecker.run(set) where !result.passed {
            // The example's place in its rule file, then expected beside actual.
            let expected = result.counter ? "no quote" : result.expected.map { "'\($0.quote)' (\($0.speaker ?? "-"))" }.joined(separator: ", ")
            let actual = result.actual.isEmpty ? "no quote" : result.actual.map { "'\($0.text)' (\($0.speaker ?? "-"))" }.joined(separator: ", ")
            XCTFail("\(result.diagnostic!.description)\n    expected: \(expected)\n    actual:   \(actual)")
        }
    }

    func testEveryRuleHasAnExample() {
        for rule in RuleSet.builtIn.rules {
            // A verification rule's examples are its checks (a source, a claim, a verdict).
            if case .verification(let v) = rule.body {
                XCTAssertGreaterThanOrEqual(v.checks.count, 3, "\(rule.header.path) has too few checks")
                continue
            }
            XCTAssertFalse(rule.header.examples.isEmpty, "\(rule.header.path) has no example")
        }
    }
}
