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
        for failure in RuleExampleChecker.check(set) {
            XCTFail(failure.description)
        }
    }

    func testEveryRuleHasAnExample() {
        for rule in RuleSet.builtIn.rules {
            XCTAssertFalse(rule.header.examples.isEmpty, "\(rule.header.path) has no example")
        }
    }
}
