@testable import QuoteKit
import XCTest

final class WordTableTests: XCTestCase {
    func testWordMapFindsEveryKeyAndNothingElse() {
        // Enough words to fill many slots, so that probing past collisions is exercised.
        var entries: [String: Int] = [:]
        for n in 0..<5_000 { entries["w\(n)"] = n }
        entries["überlegte"] = -1
        entries[""] = -2
        let map = WordMap(entries)
        XCTAssertEqual(map.count, entries.count)
        for (word, value) in entries { XCTAssertEqual(map[word], value, word) }
        for n in 5_000..<10_000 { XCTAssertNil(map["w\(n)"]) }
        XCTAssertNil(map["W1"])
        XCTAssertNil(map["uberlegte"])
        XCTAssertTrue(map.contains(""))
    }

    func testHashSet64HoldsWhatWasInsertedThroughGrowth() {
        var set = HashSet64()
        var reference = Set<UInt64>()
        for n in 0..<3_000 {
            // Word hashes, plus values that share their low bits (and zero) to force collisions.
            let value = n % 3 == 0 ? UInt64(n) << 40 : WordMap<Bool>.hash("w\(n)")
            set.insert(value)
            set.insert(value)
            reference.insert(value)
        }
        XCTAssertEqual(set.count, reference.count)
        for value in reference { XCTAssertTrue(set.contains(value)) }
        for n in 3_000..<6_000 { XCTAssertFalse(set.contains(WordMap<Bool>.hash("w\(n)"))) }
        XCTAssertFalse(HashSet64().contains(0))
    }

    func testWordSetMatchesSetSemanticsOnWords() {
        let words = ["said", "the", "and", "’s", "a long word of more than fifteen bytes"]
        let set = WordSet(words + ["the"])
        XCTAssertEqual(set.count, 5)
        for w in words { XCTAssertTrue(set.contains(w), w) }
        for w in ["Said", "says", "'s", "a long word of more than fifteen byte", " the"] { XCTAssertFalse(set.contains(w), w) }
        let literal: WordSet = ["x", "y"]
        XCTAssertTrue(literal.contains("y"))
        XCTAssertFalse(WordSet([String]()).contains("x"))
    }
}

final class StringEndingTests: XCTestCase {
    func testEndsWithAgreesWithHasSuffixOnWords() {
        let words = ["saying", "ing", "ng", "", "Bennet’s", "Bennet's", "’s", "s", "called", "ed", "e\u{301}d", "cafés",
                     "sing\u{301}", "a much longer word than fifteen bytes, saying", "Mr.", "."]
        for w in words {
            for suffix in ["ing", "’s", "'s", "ed", "s", "."] {
                XCTAssertEqual(w.endsWith(suffix), w.hasSuffix(suffix), "\(w) / \(suffix)")
            }
        }
    }

    func testLowercaseTestsAgreeWithTheUnicodeProperty() {
        for w in ["CHAPTER", "Chapter", "chapter", "", "ÉLISE", "élise", "Élise", "ŒUVRE", "ß", "ª", "A1-B", "XIV.", "mcDonald"] {
            XCTAssertEqual(w.containsLowercase, w.unicodeScalars.contains { $0.properties.isLowercase }, w)
            XCTAssertEqual(w.startsLowercase, w.unicodeScalars.first?.properties.isLowercase ?? false, w)
        }
    }
}
