import QuoteKit
import XCTest

/// Which spans are quotes: marks, pairing, apostrophes, nesting, paragraphs, recovery.
/// Every text here is attributed ("X said") so that the quote filter keeps the quote.
final class QuoteDetectionTests: XCTestCase {
    func testEveryMarkStyle() throws {
        let cases: [(String, String)] = [
            ("Ann Lee said, \"We will win the vote.\"", "We will win the vote."),
            ("Ann Lee said, “We will win the vote.”", "We will win the vote."),
            ("Ann Lee said, ‘We will win the vote.’", "We will win the vote."),
            ("Ann Lee said, «We will win the vote.»", "We will win the vote."),
            ("Ann Lee said, ‹We will win the vote.›", "We will win the vote."),
            ("Ann Lee said, „We will win the vote.“", "We will win the vote."),
            ("Ann Lee said, ‚We will win the vote.‘", "We will win the vote."),
            ("Ann Lee said, 「We will win the vote.」", "We will win the vote."),
            ("Ann Lee said, 『We will win the vote.』", "We will win the vote."),
            ("Ann Lee said, ``We will win the vote.''", "We will win the vote."),
            ("Ann Lee said, ''We will win the vote.''", "We will win the vote."),
            ("Ann Lee said, 'We will win the vote.'", "We will win the vote."),
        ]
        for (text, quote) in cases {
            let records = try extract(text)
            XCTAssertEqual(quotes(records), [quote], text)
            XCTAssertEqual(records.first?.speaker, "Ann Lee", text)
        }
    }

    func testOffsetsAreCodePointsWithoutMarks() throws {
        let text = "😀 Zoë said: “Café é bom.” 👍🏽"
        let r = try XCTUnwrap(extract(text).first)
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[r.start..<r.end])), "Café é bom.")
        XCTAssertEqual(r.start, 13)
    }

    func testApostrophesNeverOpenOrClose() throws {
        let text = "Ann Lee said, 'Jones' dog isn't back since the '90s and we don't know why.'"
        XCTAssertEqual(quotes(try extract(text)), ["Jones' dog isn't back since the '90s and we don't know why."])
        let curly = "Ann Lee said, ‘Jones’ dog isn’t back since the ’90s, and ’em dogs don’t care.’"
        XCTAssertEqual(quotes(try extract(curly)), ["Jones’ dog isn’t back since the ’90s, and ’em dogs don’t care."])
        XCTAssertEqual(try extract("The ’90s were the workers’ decade, and the Joneses’ too."), [])
        // A plural possessive that ends the text (found by fuzzing: it read past the end).
        for end in ["Joneses'", "Joneses’", "Ann Lee said, ‘We met the Joneses’"] {
            XCTAssertNoThrow(try extract("The house was the " + end), end)
        }
    }

    func testNestedQuoteBelongsToTheOuterQuote() throws {
        let text = "\"He told me, 'If we lose, we lose together,' and I believed him,\" Ann Lee said."
        XCTAssertEqual(quotes(try extract(text)), ["He told me, 'If we lose, we lose together,' and I believed him,"])
        let curly = "“He said ‘never’ and then ‘always’ in one breath,” Ann Lee said."
        XCTAssertEqual(quotes(try extract(curly)), ["He said ‘never’ and then ‘always’ in one breath,"])
    }

    func testMarkupAttributeValuesAreNotQuotes() throws {
        let records = try extract("<a href=\"https://example.com/the-story-of-the-year-so-far\">Read it</a>. Ann Lee said, \"We will win.\"")
        XCTAssertEqual(quotes(records), ["We will win."])
    }

    func testThreeApostrophesCloseANestedQuoteAndItsDoubledMark() throws {
        let records = try extract("''I saw it on 'Fox and Friends,''' said Ann Lee.")
        XCTAssertEqual(quotes(records), ["I saw it on 'Fox and Friends,'"])
        XCTAssertEqual(records.first?.speaker, "Ann Lee")
        XCTAssertEqual(records.first?.kind, .direct)
    }

    func testQuoteOverSeveralParagraphsIsOneRecord() throws {
        let text = "Ann Lee said:\n\n\"The first part of the answer is long.\n\n\"The second part is longer still.\n\n\"And the third ends it.\"\n\nThe meeting then ended."
        let records = try extract(text)
        XCTAssertEqual(records.count, 1)
        XCTAssertEqual(records.first?.text, "The first part of the answer is long.\n\n\"The second part is longer still.\n\n\"And the third ends it.")
        XCTAssertEqual(records.first?.speaker, "Ann Lee")
    }

    func testUnclosedMarkDoesNotSwallowTheDocument() throws {
        let text = "\"This mark is never closed, Ann Lee said.\n\nA later paragraph says nothing.\n\n\"This one is closed and long enough,\" Bo Diaz said."
        let records = try extract(text)
        XCTAssertEqual(quotes(records), ["This one is closed and long enough,"])
        XCTAssertEqual(records.first?.speaker, "Bo Diaz")
        // Nor the quotes closed inside it: a stray mark before a quote leaves the quote.
        let stray = try extract("\"“You don’t win the nomination by how many states you win,” Ann Lee responded.")
        XCTAssertEqual(quotes(stray), ["You don’t win the nomination by how many states you win,"])
        XCTAssertEqual(stray.first?.speaker, "Ann Lee")
    }

    func testAnExcerptMayStartOrEndInsideAQuote() throws {
        // The text opens after the quote's opening mark: its first mark closes the quote.
        let start = try extract("the plan had failed and nobody would admit it,” Ann Lee said.\n\n“We start again,” Bo Diaz said.")
        XCTAssertEqual(quotes(start), ["the plan had failed and nobody would admit it,", "We start again,"])
        XCTAssertEqual(start.map(\.speaker), ["Ann Lee", "Bo Diaz"])
        XCTAssertEqual(start.first?.start, 0)
        // The text stops before the closing mark: the quote opened in its last paragraph runs to the end.
        let end = try extract("The vote was close.\n\nAnn Lee said: “We tried everything and it did not work, and now")
        XCTAssertEqual(quotes(end), ["We tried everything and it did not work, and now"])
        XCTAssertEqual(end.first?.speaker, "Ann Lee")
        // An apostrophe before the closing mark does not hide it.
        let apostrophe = try extract("I don’t know what to say now,” she said quietly.\n\nThen she left the room.")
        XCTAssertEqual(quotes(apostrophe), ["I don’t know what to say now,"])
        // A straight mark after a digit is an inch mark, not the end of a quote.
        XCTAssertEqual(quotes(try extract("The screen is 15\" wide and heavy.\n\nIt sold well.")), [])
        // A text of one paragraph is not swallowed by a mark left open in it.
        XCTAssertEqual(quotes(try extract("He said \"we will win. The vote is next week. Nobody knows the result.")), [])
        // Only in the last paragraph, and only a lone mark: an earlier unclosed mark is dropped.
        let earlier = try extract("Ann Lee said: “We tried everything and it did not work.\n\nThe vote was close and the hall was quiet.")
        XCTAssertEqual(quotes(earlier), [])
    }

    func testAPageBreakInsideAQuoteDoesNotEndIt() throws {
        // A blank line in the middle of a sentence (a scanned page break) and a lowercase start.
        let text = "Ann Lee wrote: “The first part of the letter runs on until the page\n\nends in the middle of the sentence.” Then she stopped."
        let records = try extract(text)
        XCTAssertEqual(quotes(records), ["The first part of the letter runs on until the page\n\nends in the middle of the sentence."])
        // A paragraph that ends a sentence does not run on, even into lowercase.
        let closed = try extract("Ann Lee wrote: “The letter ends here.\n\nand the rest is narration without a mark.")
        XCTAssertEqual(quotes(closed), [])
    }

    func testStraightQuotesPairByContext() throws {
        let text = "\"We tried,\" Ann Lee said. \"We failed.\" Then Bo Diaz said \"no one cared\" and left."
        XCTAssertEqual(quotes(try extract(text)), ["We tried,", "We failed.", "no one cared"])
    }

    func testScareQuotesTitlesAndTermsAreNotOutput() throws {
        XCTAssertEqual(try extract("The fetus had to reach the \"safer\" zone of 28 weeks."), [])
        XCTAssertEqual(try extract("She hosted “Saturday Night Live” in May."), [])
        XCTAssertEqual(try extract("The Senate used the “nuclear option” in 2013."), [])
        XCTAssertEqual(try extract("In an appearance on “CBS This Morning,” Ann Lee said she would not endorse anyone."), [])
        XCTAssertEqual(try extract("Ann Lee told CNN’s “State of the Union” that she would run."), [])
        // A title after any word but a reporting verb, even in someone's reported speech.
        XCTAssertEqual(try extract("Ann Lee went on to promote “Celebrity Chef Nights,” saying it was her best work."), [])
        XCTAssertEqual(try extract("Ann Lee said she enjoys “Modern Family” and little else."), [])
        // After a reporting verb a Title Case quote may be words: Lee shouted “Make America Great Again!”
        XCTAssertEqual(quotes(try extract("Ann Lee shouted “Make Our Town Great Again!” at the rally.")), ["Make Our Town Great Again!"])
    }

    func testSoftLineBreaksInsideAParagraph() throws {
        let text = "\"We went out into the cold\nand did not come back,\" said Ann Lee.\n\nThe end."
        let records = try extract(text)
        XCTAssertEqual(quotes(records), ["We went out into the cold\nand did not come back,"])
        XCTAssertEqual(records.first?.speaker, "Ann Lee")
    }

    func testMarksUsedTheOtherWayRound() throws {
        // ” as an opening mark (Scandinavian style, or a typo).
        XCTAssertEqual(quotes(try extract("Ann Lee said doing so ”appeared to be an attempt at poisoning the vote.”")),
                       ["appeared to be an attempt at poisoning the vote."])
        // A straight mark between spaces closes the open quote.
        XCTAssertEqual(quotes(try extract("Ann Lee keeps talking about the \"collective power of 'we' \" and left.")),
                       ["collective power of 'we'"])
    }
}
