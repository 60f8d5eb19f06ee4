import QuoteKit
import XCTest

/// Frames, follow-on quotes and speaker resolution.
final class AttributionTests: XCTestCase {
    private func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> QuoteRecord {
        let records = try extract(text)
        XCTAssertEqual(records.count, 1, "\(records.map(\.text))", file: file, line: line)
        return try XCTUnwrap(records.first, file: file, line: line)
    }

    func testFrames() throws {
        let cases: [(text: String, speaker: String, cue: String, rule: String)] = [
            ("\"We tried everything,\" Ann Lee wrote.", "Ann Lee", "wrote", "en.frames.quote_speaker_cue"),
            ("\"We tried everything,\" said Ann Lee.", "Ann Lee", "said", "en.frames.quote_cue_speaker"),
            ("Ann Lee said, \"We tried everything.\"", "Ann Lee", "said", "en.frames.speaker_cue_quote"),
            ("Ann Lee said: \"We tried everything.\"", "Ann Lee", "said", "en.frames.speaker_cue_quote"),
            ("According to Ann Lee, \"we tried everything.\"", "Ann Lee", "According to", "en.frames.according_to_before"),
            ("Ann Lee: \"We tried everything.\"", "Ann Lee", ":", "en.frames.speaker_colon"),
            ("The vote was close — Ann Lee: \"We tried everything.\"", "Ann Lee", ":", "en.frames.name_colon"),
            ("The spokeswoman: \"We tried everything.\"", "", ":", "en.frames.speaker_colon"),
            ("Ann Lee insisted that the team had \"tried everything\" to win.", "Ann Lee", "insisted", "en.frames.speaker_cue_partial"),
            ("\"We tried everything,\" Ann Lee has repeatedly said.", "Ann Lee", "has repeatedly said", "en.frames.quote_speaker_cue"),
        ]
        for c in cases {
            let r = try only(c.text)
            XCTAssertEqual(r.speaker ?? "", c.speaker, c.text)
            XCTAssertEqual(r.cue?.text, c.cue, c.text)
            XCTAssertEqual(r.rule, c.rule, c.text)
        }
    }

    func testMidQuoteCueAttributesBothHalves() throws {
        let records = try extract("\"We tried,\" Ann Lee said, \"and we will try again.\"")
        XCTAssertEqual(quotes(records), ["We tried,", "and we will try again."])
        XCTAssertEqual(records.map(\.speaker), ["Ann Lee", "Ann Lee"])
    }

    func testColonParagraphIntroducesTheNextParagraph() throws {
        let records = try extract("Ann Lee said in her speech on Monday:\n\n\"Nobody is coming to save us, so we will save ourselves.\"")
        XCTAssertEqual(records.first?.speaker, "Ann Lee")
        XCTAssertEqual(records.first?.rule, "en.frames.speaker_cue_colon_paragraph")
    }

    func testAppositionAndTitles() throws {
        var r = try only("Jane Roe, a spokeswoman for the agency, said, \"The review is finished.\"")
        XCTAssertEqual(r.speaker, "Jane Roe")
        XCTAssertEqual(r.speakerMention?.text, "Jane Roe")
        r = try only("\"The review is finished,\" said Sen. Maria Ortiz, a Democrat from Texas.")
        XCTAssertEqual(r.speaker, "Maria Ortiz")
        XCTAssertEqual(r.speakerMention?.text, "Sen. Maria Ortiz")
    }

    func testANationalityBeforeATitleIsNoPartOfTheName() throws {
        let r = try only("Italian Senator Maria Rossi said the plan was \"a good start\" for Europe.")
        XCTAssertEqual(r.speaker, "Maria Rossi")
    }

    func testFollowOnQuotesContinueTheSpeaker() throws {
        let text = "\"We tried,\" Ann Lee said. \"We really did.\"\n\n\"Nobody can say we did not try our best.\"\n\nThe vote is on Friday.\n\n\"This quote stands alone and nobody said it here,\" the sign read."
        let records = try extract(text)
        XCTAssertEqual(records.prefix(3).map(\.speaker), ["Ann Lee", "Ann Lee", "Ann Lee"])
        XCTAssertEqual(records[1].rule, "en.follow_on")
        XCTAssertEqual(records[2].rule, "en.follow_on")
        XCTAssertLessThan(records[1].confidence, records[0].confidence)
    }

    func testSurnamesAndTitlesResolveToTheFullName() throws {
        let text = "Chrissy Teigen spoke on Monday. Her husband, John Legend, did not.\n\n\"It was hard,\" Teigen said.\n\n\"I was there,\" Ms. Teigen added."
        let records = try extract(text)
        XCTAssertEqual(records.map(\.speaker), ["Chrissy Teigen", "Chrissy Teigen"])
        XCTAssertEqual(records.map { $0.speakerMention?.text }, ["Teigen", "Ms. Teigen"])
    }

    func testPronounsResolveToTheMostRecentCompatiblePerson() throws {
        let text = "Mary Olsen and her brother Tom Olsen ran the farm.\n\n\"We sold the cows,\" Mr. Olsen said.\n\n\"It broke my heart,\" she said."
        let records = try extract(text)
        XCTAssertEqual(records.map(\.speaker), ["Tom Olsen", "Mary Olsen"])
        XCTAssertEqual(records.last?.speakerMention?.text, "she")
    }

    func testMrsIsNotMr() throws {
        let text = "Mr. Bennet and Mrs. Bennet came in.\n\n\"Nonsense,\" said Mrs. Bennet."
        XCTAssertEqual(try extract(text).first?.speaker, "Mrs. Bennet")
    }

    func testDescriptionsResolveWhenTheDocumentLinksThem() throws {
        let text = "Jane Roe, a spokeswoman for the agency, confirmed the plan on Monday.\n\n\"It is final,\" the spokeswoman said."
        let r = try only(text)
        XCTAssertEqual(r.speaker, "Jane Roe")
        XCTAssertEqual(r.speakerMention?.text, "the spokeswoman")
    }

    func testUnresolvableDescriptionKeepsTheMentionWithoutASpeaker() throws {
        let r = try only("\"We have no comment on the case,\" a spokesman for the agency said.")
        XCTAssertNil(r.speaker)
        XCTAssertEqual(r.speakerMention?.text, "a spokesman for the agency")
    }

    func testKinds() throws {
        XCTAssertEqual(try only("\"We tried everything,\" Ann Lee said.").kind, .direct)
        XCTAssertEqual(try only("Ann Lee called the plan \"a total disaster\" on Monday.").kind, .partial)
        XCTAssertEqual(try only("The plan is \"a total disaster,\" Ann Lee said.").kind, .partial)
    }

    func testRecordIDsAreStable() throws {
        let a = try extract("\"We tried everything,\" Ann Lee said.", id: "doc-1")
        let b = try extract("\"We tried everything,\" Ann Lee said.", id: "doc-1")
        let c = try extract("\"We tried everything,\" Ann Lee said.", id: "doc-2")
        XCTAssertEqual(a.map(\.id), b.map(\.id))
        XCTAssertNotEqual(a.map(\.id), c.map(\.id))
        XCTAssertTrue(a[0].id.hasPrefix("q") && a[0].id.count == 17)
    }

    func testWordsAfterAFullStopStartANewSentence() throws {
        // The cue after a quote that ends with a full stop belongs to the next quote...
        let records = try extract("“We will win the state.” Pataki says Kasich “has a record of bringing people together.”")
        XCTAssertEqual(records.last?.speaker, "Pataki")
        XCTAssertNotEqual(records.first?.speaker, "Pataki")
        // ...unless it is a short clause of its own.
        XCTAssertEqual(try only("“I hope you find the emails.” Trump said.").speaker, "Trump")
    }

    func testParticipleCueTakesTheSentenceSubject() throws {
        let r = try only("Speaking in Salem, Ann Lee went after Bo Diaz, calling him “a total stiff.”")
        XCTAssertEqual(r.speaker, "Ann Lee")
        XCTAssertEqual(r.cue?.text, "calling")
    }

    func testNestedReportedSpeechTakesTheMainClauseSpeaker() throws {
        let r = try only("Ann Lee said she is certain Bo Diaz will continue to be “a champion for the state.”")
        XCTAssertEqual(r.speaker, "Ann Lee")
    }

    func testAFrontedSubordinateClauseIsNotTheMainClause() throws {
        let r = try only("After the interview ended, Ann Lee said the report was “not good at all.”")
        XCTAssertEqual(r.speaker, "Ann Lee")
        XCTAssertEqual(r.cue?.text, "said")
        let s = try only("While not everything Bo Diaz says is true, Ann Lee said he is “telling people what they want.”")
        XCTAssertEqual(s.speaker, "Ann Lee")
    }

    func testAQuoteSignedWithADash() throws {
        let long = "I am truly afraid of what comes next, and the debate only proved how unready he is for the job he wants so badly."
        let records = try extract("Readers wrote in.\n\n“\(long)” ― Ana Ruiz\n“\(long) It is scary.” — Edwin G. Monroy.\n\n“\(long)”\n\n- Lee Park.")
        XCTAssertEqual(records.map { $0.speaker ?? "" }, ["Ana Ruiz", "Edwin G. Monroy", "Lee Park"])
        XCTAssertEqual(records.map(\.rule), ["en.frames.quote_dash_name", "en.frames.quote_dash_name", "en.frames.quote_para_dash_name"])
    }

    func testWordsRightAfterAnEmbeddedQuoteAreNotItsAttribution() throws {
        // A quote inside a sentence, followed by words without punctuation, is part of a noun phrase.
        XCTAssertEqual(try extract("The “qualified” spat bubbled up last week after the debate on Monday.").count, 0)
        XCTAssertEqual(try extract("Hundreds of the party's ''super delegates'' have endorsed Ann Lee, a sign of support.").count, 0)
        // A quote that opens its sentence may lack the comma; a nested quote may end it.
        XCTAssertEqual(try only("“The caucus is a battle of niches” Bo Diaz said.").speaker, "Bo Diaz")
        XCTAssertEqual(try only("“He told me, ‘You are the best,’” Ann Lee said. ").speaker, "Ann Lee")
    }

    func testTwoSentenceAdverbsMayPrecedeTheSubject() throws {
        let r = try only("And then Ann Lee went on the attack, saying, “Will the mayor finally resign over this?”")
        XCTAssertEqual(r.speaker, "Ann Lee")
    }

    func testAGapNeverEndsInsideAName() throws {
        let r = try only("The Daily Ledger visited the plant, calling it “a model for the region.”")
        XCTAssertEqual(r.speakerMention?.text, "The Daily Ledger")
    }

    func testAParticipleIsNotInvertedWithItsSubject() throws {
        let r = try only("The mayor walked back the comments, saying Ann Lee “did not have a particular video in mind.”")
        XCTAssertEqual(r.speakerMention?.text, "The mayor")
    }

    func testHeadlinesInTitleCase() throws {
        // In a headline a capitalised verb form is a verb, and a Title Case quote may be words.
        let says = try only("Ann Lee Says Bridge Plan Is ‘Dead On Arrival.’\n\nThe mayor disagreed.")
        XCTAssertEqual(says.speaker, "Ann Lee")
        XCTAssertEqual(says.cue?.text, "Says")
        let colon = try only("Lee: Mayor Diaz’s ‘Reckless Spending’ Must End.\n\nThe mayor disagreed.")
        XCTAssertEqual(colon.speaker, "Lee")
        XCTAssertEqual(try extract("Republican ‘Unity’ Meeting Scheduled For Next Week.\n\nThe mayor disagreed.").count, 0)
        // Outside a headline a capitalised verb form inside a name is no cue.
        XCTAssertNil(try only("The Washington Post Says it will “never stop reporting the news.”").cue)
    }

    func testPollSharesSpeakAndACommaConjunctionStartsAClause() throws {
        let records = try extract("In the poll, 21 percent said they were “not too likely” to vote, and most said they were “very worried.”")
        XCTAssertEqual(records.map { $0.speakerMention?.text ?? "" }, ["21 percent", "most"])
    }

    func testANameWithItsPartyOrItsBodyBeforeTheVerb() throws {
        XCTAssertEqual(try only("“We will not wait,” Senator Ann Lee (D-Ore.) said in a statement.").speaker, "Ann Lee")
        XCTAssertEqual(try only("“It is a stretch for them,” Bo Diaz of the Middlebury Institute wrote in May.").speaker, "Bo Diaz")
    }

    func testAnActionBeatAttributesTheQuoteAfterIt() throws {
        let beat = try only("Bo Diaz looked up from his newspaper. “There might be some coffee left in the pot.”")
        XCTAssertEqual(beat.speaker, "Bo Diaz")
        XCTAssertEqual(beat.rule, "en.frames.beat")
        XCTAssertNil(beat.cue)
        // But not a quote that follows an attributed quote in the same paragraph.
        let records = try extract("“We tried everything,” Ann Lee said. She has run the firm since 2001. “We will try again next year.”")
        XCTAssertEqual(records.map { $0.rule }, ["en.frames.quote_speaker_cue", "en.follow_on"])
    }

    func testAHyphenatedVerbFormIsAModifier() throws {
        XCTAssertNil(try extract("Assad held on as the United States armed the so-called “moderate rebels” in the north.").first?.speaker)
    }

    func testVerbFormsAfterAnArticleAreNouns() throws {
        let r = try only("“Immigrants are integrating into society,” the report concluded.")
        XCTAssertEqual(r.speakerMention?.text, "the report")
        XCTAssertEqual(r.cue?.text, "concluded")
        XCTAssertNil(r.speaker)
    }

    func testRelativePronounPointsToItsAntecedent() throws {
        let r = try only("Cruz won an endorsement from Mike Lee, who declared in the spin room, “It is time to unite behind him.”")
        XCTAssertEqual(r.speakerMention?.text, "who")
        XCTAssertEqual(r.speaker, "Mike Lee")
    }

    func testCanonicalNamesKeepHyphensAndInitials() throws {
        let records = try extract("\"It was a major win,\" former director Anne-Marie Slaughter wrote. \"It is,\" said J. K. Rowling. \"Yes,\" Rowling added.")
        XCTAssertEqual(records.map(\.speaker), ["Anne-Marie Slaughter", "J. K. Rowling", "J. K. Rowling"])
    }

    func testHeadingsDoNotMakeNamesAndTitlesFindTheirPerson() throws {
        let text = """
        Anne Says Her Prayers

        Colonel Fitzwilliam and Fitzwilliam Darcy came in. Anne Shirley sat down.

        "It is late," said Fitzwilliam.

        "So it is," said Anne.
        """
        XCTAssertEqual(try extract(text).map(\.speaker), ["Colonel Fitzwilliam", "Anne Shirley"])
    }

    func testTheSpeakerOfANameAfterAnAdjectiveAndATitleIsThePerson() throws {
        // The mention starts at "Sen." but the person is Claire McCaskill, not "Democratic Sen".
        let record = try only("The vote was close on Tuesday.\n\nDemocratic Sen. Claire McCaskill said the bill was \"a disgrace to the chamber\" and left.")
        XCTAssertEqual(record.speaker, "Claire McCaskill")
    }

    func testAnUnlistedAdverbBetweenASubjectAndItsCueIsPartOfTheCue() throws {
        let answered = try only("\"We will not go,\" she resentfully answered.")
        XCTAssertEqual(answered.speakerMention?.text, "she")
        XCTAssertEqual(answered.cue?.text, "resentfully answered")
        // After a possessive name, a word ending in "ly" is a noun, not part of the cue.
        let family = try only("Scott's family has called the video \"a matter of the greater good\" this week.")
        XCTAssertEqual(family.cue?.text, "has called")
    }

    func testAPhraseAfterAPrepositionIsNotTheSpeaker() throws {
        // The object of a preposition before the cue is not its subject; a relative clause makes
        // it one again, and a name after "of" belongs to the description before it.
        let de = try QuoteExtractor(language: "de")
        let street = try de.extract(text: "Auf der Straße sagte sie zu ihm: »Ich glaube, er kommt nicht.«", documentID: "d")
        XCTAssertEqual(street.first?.speakerMention?.text, "sie")
        let hand = try de.extract(text: "Mit ihrer kühlen Hand fuhr sie mir über das Gesicht: »Ja, du weinst.«", documentID: "d")
        XCTAssertEqual(hand.first?.speakerMention?.text, "sie")
        let fr = try QuoteExtractor(language: "fr")
        let relative = try fr.extract(text: "Son regard se posa sur le père de Noël qui lui fit un signe amical :\n\n— Approche, petite !", documentID: "d")
        XCTAssertEqual(relative.first?.speakerMention?.text, "le père de Noël")
        let mother = try only("In the hall, the mother of Anna Smith said: \"We are tired of waiting.\"")
        XCTAssertEqual(mother.speakerMention?.text, "the mother of Anna Smith")
        let facebook = try only("On Facebook Jane Doe wrote: \"We will win this.\"")
        XCTAssertEqual(facebook.speakerMention?.text, "Jane Doe")
        XCTAssertEqual(facebook.speaker, "Jane Doe")
        // A run that opens with a first name, or is joined by a hyphen, is one person's name.
        let evans = try only("The meeting was chaired by Mary Ann Evans. \"It is done,\" said Evans.")
        XCTAssertEqual(evans.speaker, "Mary Ann Evans")
        let slaughter = try only("The panel was led by Anne-Marie Slaughter. \"It is hard,\" Slaughter said.")
        XCTAssertEqual(slaughter.speaker, "Anne-Marie Slaughter")
    }
}
