import QuoteKit
import XCTest

/// The `phrase_words` fields that replaced English built into the engine: which unlisted words
/// may be a reporting verb (`unlisted_verb_endings`, `inverted_verb_endings`) and the
/// coordinating conjunctions. A small test language ("xx") keeps them apart from any real list.
final class PhraseWordsTests: XCTestCase {
    private func extractor(phraseWords: String) throws -> QuoteExtractor {
        let files = [
            ("quote_marks.yaml", "kind: quote_marks\ndescription: t\npairs:\n  - {open: \"»\", close: \"«\"}\n"),
            ("verb.yaml", "kind: frame\ndescription: t\npattern: QUOTE ,? VERB sich? SPEAKER\nconfidence: 0.7\n"),
            ("near.yaml", "kind: frame\ndescription: t\npattern: 'SPEAKER ~ CUE ~ : QUOTE'\nconfidence: 0.8\n"),
            ("cue_verbs.yaml", "kind: cue_verbs\ndescription: t\nverbs:\n  sagen: [sagte]\n"),
            ("pronouns.yaml", "kind: pronouns\ndescription: t\npronouns:\n  male: [er]\n  female: [sie]\n"),
            ("phrase_words.yaml", "kind: phrase_words\ndescription: t\ndeterminers: [der, die, den]\nprepositions: [an, mit]\n" + phraseWords),
        ]
        let (set, diagnostics) = RuleSet.builtIn(layering: [files.map { RuleSource(path: $0.0, relativePath: "xx/\($0.0)", contents: $0.1) }])
        XCTAssertEqual(diagnostics.map(\.description), [])
        return try QuoteExtractor(ruleSet: try XCTUnwrap(set), language: "xx")
    }

    func testAnyEndingTakesALowercaseWordBeforeItsSubjectAsTheVerb() throws {
        let text = "»Ich traue mich nicht«, zagte der Knabe.\n\n»Das ist gelogen!« empörte sich der Bucklige."
        let records = try extractor(phraseWords: "inverted_verb_endings: any\n").extract(text: text, documentID: "d")
        XCTAssertEqual(records.map(\.text), ["Ich traue mich nicht", "Das ist gelogen!"])
        XCTAssertEqual(records.map { $0.speakerMention?.text }, ["der Knabe", "der Bucklige"])
        XCTAssertEqual(records.map { $0.cue?.text }, ["zagte", "empörte"])
    }

    func testEndingsLimitTheWordsTakenAndNoneTurnsThemOff() throws {
        let text = "»Ich traue mich nicht«, zagte der Knabe.\n\n»Das ist gelogen!« rief der Bucklige."
        let withEnding = try extractor(phraseWords: "inverted_verb_endings: [te]\n").extract(text: text, documentID: "d")
        XCTAssertEqual(withEnding.map { $0.speakerMention?.text }, ["der Knabe", nil])
        let without = try extractor(phraseWords: "").extract(text: text, documentID: "d")
        XCTAssertEqual(without.map { $0.speakerMention?.text }, [nil, nil])
    }

    func testAPhraseJoinedToTheCueByAConjunctionIsNotTheSpeaker() throws {
        let text = "Dann packte er mich an der Schulter und sagte: »Komm, wir gehen.«"
        let joined = try extractor(phraseWords: "conjunctions: [und]\n").extract(text: text, documentID: "d")
        XCTAssertEqual(joined.first?.speakerMention?.text, "er")
        // Without the conjunction listed, the nearest phrase is taken: the error the field fixes.
        let unlisted = try extractor(phraseWords: "").extract(text: text, documentID: "d")
        XCTAssertEqual(unlisted.first?.speakerMention?.text, "Schulter")
    }

    func testAnEndingListMustBeAListOrAny() {
        let source = RuleSource(path: "xx/phrase_words.yaml", relativePath: "xx/phrase_words.yaml",
                                contents: "kind: phrase_words\ndescription: t\ndeterminers: [der]\nprepositions: [an]\ninverted_verb_endings: all\n")
        let validation = RuleValidation.run(layering: [[source]])
        XCTAssertFalse(validation.passed)
        XCTAssertEqual(validation.diagnostics.map(\.description),
                       ["xx/phrase_words.yaml:5:24: error: [R005 bad-value] expected a list of word endings or the word 'any', found 'all' (at inverted_verb_endings)"])
    }
    func testGermanCapitalisedNounsAndNewSentencesAfterAQuote() throws {
        let de = try QuoteExtractor(language: "de")
        // A capitalised word after a determiner is a noun: "Eines Tages" is no speaker.
        let day = try de.extract(text: "Eines Tages sagte der Königssohn: »Ich habe eine große Reise vor.«", documentID: "d")
        XCTAssertEqual(day.first?.speakerMention?.text, "der Königssohn")
        // A phrase that opens with a lowercase word is no speaker: not "dicht neben" of "sagte
        // dicht neben ihm eine weiche Stimme".
        let voice = try de.extract(text: "»Don Giulio«, sagte dicht neben ihm eine weiche Stimme, »es gibt einen Weg.«", documentID: "d")
        XCTAssertEqual(voice.first?.speakerMention?.text, "eine weiche Stimme")
        // After »…!« a capitalised cue starts a new sentence, which introduces the next quote.
        let next = try de.extract(text: "Da sprach das Männlein: »Her mit dem Kerl!« Sagte das Weib: »Es ist niemand da!«", documentID: "d")
        XCTAssertEqual(next.map(\.text), ["Her mit dem Kerl!", "Es ist niemand da!"])
        XCTAssertEqual(next.map { $0.speakerMention?.text }, ["das Männlein", "das Weib"])
    }
    func testGermanTitlesAfterAnArticleOrANounAreNotQuotes() throws {
        let de = try QuoteExtractor(language: "de")
        let text = "Die „Neue Freie Presse“ zieht falsche Schlüsse. Der Verein sang das Lied „Ruhe sanft“ am Grab. "
            + "Laut dem Minister ist die Lage „sehr ernst“. Er nannte ihn einen „kühnen Griff nach der Macht“. "
            + "Schiller hat in „Kabale und Liebe“ die Stände gezeigt."
        // Titles (a capital after an article, a noun or a preposition) go; quoted words in lowercase stay.
        XCTAssertEqual(try de.extract(text: text, documentID: "d").map(\.text), ["sehr ernst", "kühnen Griff nach der Macht"])
    }
    func testGermanNamesAndSpeechAfterNounsStay() throws {
        let de = try QuoteExtractor(language: "de")
        // A sentence of speech after a name or an article is no title.
        XCTAssertEqual(try de.extract(text: "Da rief Hans »Komm sofort her!«", documentID: "d").first?.speakerMention?.text, "Hans")
        XCTAssertEqual(try de.extract(text: "Sie antwortete mit einem »Ja, sehr gern.«", documentID: "d").map(\.text), ["Ja, sehr gern."])
        // A surname that opens a sentence once, before its cue, is still a name.
        let scholz = try de.extract(text: "Die Sitzung dauerte lange. Scholz sagte: »Wir werden das Gesetz beschließen.«", documentID: "d")
        XCTAssertEqual(scholz.first?.speakerMention?.text, "Scholz")
        // A year before a full stop is no day: the name after it stays whole.
        let year = try de.extract(text: "Das war im Jahr 1990. Anna Berger sagte: »Wir kommen wieder.«", documentID: "d")
        XCTAssertEqual(year.first?.speakerMention?.text, "Anna Berger")
        // The subject right after the clause's first verb is no object, though "und" joins it to the cue.
        let came = try de.extract(text: "Da kam das Männlein und sprach: »Her mit dem Kerl!«", documentID: "d")
        XCTAssertEqual(came.first?.speakerMention?.text, "das Männlein")
        // A first name after a possessive-like "ihr" is a name: »…«, antwortete ihr Peter.
        XCTAssertEqual(try de.extract(text: "»Komm her«, antwortete ihr Peter.", documentID: "d").first?.speakerMention?.text, "Peter")
    }
}
