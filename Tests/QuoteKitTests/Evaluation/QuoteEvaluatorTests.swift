import Foundation
import QuoteKit
import XCTest

/// `quotekit eval`'s scoring: spans, lenient matching, speakers by mention and by character.
final class QuoteEvaluatorTests: XCTestCase {
    private func gold(_ json: String) throws -> GoldDocument { try GoldDocument(line: json) }

    func testTheFixtureIsScoredAsTheHarnessScoresIt() throws {
        // Fixtures/Eval/gold.jsonl: a news article whose second quote the extractor attributes
        // through "he" (the annotation marks the name), with a scare quote it takes for a quote;
        // and three turns of a novel, all right.
        let lines = try String(contentsOf: PackagePaths.fixtures.appendingPathComponent("Eval/gold.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let extractor = try QuoteExtractor()
        var evaluator = QuoteEvaluator()
        for line in lines {
            let doc = try GoldDocument(line: String(line))
            evaluator.add(doc, try extractor.extract(doc.document))
        }
        let news = try XCTUnwrap(evaluator.corpora["news"])
        XCTAssertEqual(news.lenient, QuoteEvaluator.Score(truePositives: 2, predicted: 3, gold: 2))
        XCTAssertEqual(news.exact, QuoteEvaluator.Score(truePositives: 2, predicted: 3, gold: 2))
        XCTAssertEqual(news.endToEnd, QuoteEvaluator.Score(truePositives: 1, predicted: 3, gold: 2))
        XCTAssertEqual([news.speakerRight, news.speakerJudged, news.nonquotes], [1, 2, 1])
        let fiction = try XCTUnwrap(evaluator.corpora["fiction"])
        XCTAssertEqual(fiction.endToEnd, QuoteEvaluator.Score(truePositives: 3, predicted: 3, gold: 3))
        let byRule = evaluator.rules.mapValues { [$0.quotes, $0.attributed, $0.right] }
        XCTAssertEqual(byRule, ["en.frames.quote_speaker_cue": [4, 4, 2], "en.frames.quote_cue_speaker": [2, 2, 2]])
    }

    func testLenientMatchingIsOneToOneOnHalfTheWords() throws {
        let text = "\\\"One two three four five six.\\\" Then more words follow here."
        let doc = try gold("""
            {"id": "d", "text": "\(text)", "quotes": [{"start": 1, "end": 29, "speaker": "A"}]}
            """)
        func record(_ s: Int, _ e: Int) -> QuoteRecord {
            QuoteRecord(doc: "d", id: "q\(s)", start: s, end: e, text: "", kind: .direct, speaker: "A", speakerMention: nil, cue: nil,
                        rule: "r", confidence: 1)
        }
        // Three of the six words (Jaccard 0.5) match; a second prediction of the same quote does not.
        var e = QuoteEvaluator()
        e.add(doc, [record(1, 14), record(15, 29)])
        XCTAssertEqual(e.corpora["gold"]?.lenient, QuoteEvaluator.Score(truePositives: 1, predicted: 2, gold: 1))
        XCTAssertEqual(e.corpora["gold"]?.exact.truePositives, 0)
        // Two of the six (Jaccard 1/3) do not match.
        var f = QuoteEvaluator()
        f.add(doc, [record(1, 8)])
        XCTAssertEqual(f.corpora["gold"]?.lenient.truePositives, 0)
    }

    func testACharacterIsNamedByAnAliasATitlelessNameOrAnUnsharedSurname() throws {
        let characters = """
            [{"name": "Elizabeth Bennet", "aliases": ["Elizabeth", "Lizzy"]}, {"name": "Mrs. Bennet", "aliases": ["Mrs. Bennet"]},
             {"name": "Mr. Darcy", "aliases": ["Mr. Darcy", "Fitzwilliam Darcy"]}]
            """
        let doc = try gold("""
            {"id": "n", "text": "\\"Yes.\\" \\"No.\\" \\"Maybe.\\" \\"Never.\\" \\"Always.\\"", "characters": \(characters), "quotes": [
             {"start": 1, "end": 5, "speaker": "Elizabeth Bennet", "speaker_aliases": ["Elizabeth Bennet", "Elizabeth", "Lizzy"]},
             {"start": 8, "end": 11, "speaker": "Mr. Darcy", "speaker_aliases": ["Mr. Darcy", "Fitzwilliam Darcy"]},
             {"start": 14, "end": 20, "speaker": "Mr. Darcy", "speaker_aliases": ["Mr. Darcy", "Fitzwilliam Darcy"]},
             {"start": 23, "end": 29, "speaker": "Elizabeth Bennet", "speaker_aliases": ["Elizabeth Bennet", "Elizabeth", "Lizzy"]},
             {"start": 32, "end": 39, "speaker": "Elizabeth Bennet", "speaker_aliases": ["Elizabeth Bennet", "Elizabeth", "Lizzy"]}]}
            """)
        let spans = [(1, 5), (8, 11), (14, 20), (23, 29), (32, 39)]
        // "lizzy" (an alias, any case); "Darcy" (the surname of only Mr. Darcy); "Dr. Darcy" (a
        // title dropped); "Bennet" (two characters are Bennets: wrong); "Mrs. Bennet" (another
        // character's name: wrong).
        let names = ["lizzy", "Darcy", "Dr. Darcy", "Bennet", "Mrs. Bennet"]
        let records = zip(spans, names).map { span, name in
            QuoteRecord(doc: "n", id: name, start: span.0, end: span.1, text: "", kind: .direct, speaker: name, speakerMention: nil,
                        cue: nil, rule: "r", confidence: 1)
        }
        var e = QuoteEvaluator()
        e.add(doc, records)
        XCTAssertEqual(e.corpora["gold"]?.speakerJudged, 5)
        XCTAssertEqual(e.corpora["gold"]?.speakerRight, 3)
    }

    func testABadGoldLineSaysWhy() {
        XCTAssertThrowsError(try GoldDocument(line: #"{"id": "d", "text": "abc", "quotes": [{"start": 1, "end": 9}]}"#)) { error in
            XCTAssertEqual("\(error)", "quote 1 [1, 9) is outside the text (3 code points)")
        }
        XCTAssertThrowsError(try GoldDocument(line: #"{"id": "d"}"#)) { error in
            XCTAssertEqual("\(error)", "missing field \"text\"")
        }
    }
}
