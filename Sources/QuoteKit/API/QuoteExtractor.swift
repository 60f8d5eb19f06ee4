/// Finds the quotations in a document and attributes them, following a ``RuleSet``.
///
/// An extractor holds ICU iterators and is not thread-safe: give each thread its own (making
/// one is cheap once the rules are loaded).
public final class QuoteExtractor {
    public let language: String
    let lexicon: Lexicon
    private let segmenter: Segmenter
    private let scanner: QuoteScanner

    /// What a record's `context` holds: the sentences of the quote and its cue, their
    /// paragraphs, or nothing (`context` is then nil).
    public enum ContextScope: String, Sendable, CaseIterable {
        case sentence, paragraph, none
    }

    /// The context each record carries; `.sentence` by default. However long its sentence or
    /// paragraph, a context reaches at most ``maxContextMargin`` bytes beyond the quote and its
    /// cue, so that output stays linear in the input.
    public var contextScope: ContextScope = .sentence
    static let maxContextMargin = 200

    /// - Parameters:
    ///   - ruleSet: the rules (``RuleSet/builtIn`` by default).
    ///   - language: a language folder of the rule set (`en`).
    public init(ruleSet: RuleSet = .builtIn, language: String = "en") throws {
        guard ruleSet.languages.contains(language) else {
            throw QuoteKitError.unknownLanguage(language, available: ruleSet.languages)
        }
        self.language = language
        self.lexicon = Lexicon(ruleSet: ruleSet, language: language)
        self.segmenter = try Segmenter(locale: language, abbreviations: lexicon.abbreviations)
        self.scanner = QuoteScanner(table: lexicon.marks)
    }

    /// The quotes of `document`, in document order, carrying its metadata.
    /// - Throws: ``ICUError`` when ICU cannot segment the text, ``QuoteKitError/documentTooLarge(bytes:limit:)``
    ///   for a text longer than ``Segmenter/maxDocumentBytes`` (just under 2 GiB).
    public func extract(_ document: Document) throws -> [QuoteRecord] {
        try extract(text: document.text, documentID: document.id, metadata: document.metadata)
    }

    /// The quotes of one document, in document order.
    /// - Throws: ``ICUError`` when ICU cannot segment the text, ``QuoteKitError/documentTooLarge(bytes:limit:)``
    ///   for a text longer than ``Segmenter/maxDocumentBytes`` (just under 2 GiB).
    public func extract(text: String, documentID: String, metadata: [(key: String, value: MetadataValue)] = []) throws -> [QuoteRecord] {
        let analyzed = try segmenter.analyze(text)
        var spans = scanner.scan(analyzed.buffer, paragraphs: analyzed.paragraphs)
        if spans.isEmpty { return [] }
        if lexicon.splitsIncises { spans = splitIncises(spans, analyzed) }
        let tokens = analyzed.tokens
        var quoteOf = [Int32](repeating: -1, count: tokens.count)
        var bounds: [(first: Int, after: Int)] = []
        for (q, span) in spans.enumerated() {
            let first = analyzed.tokenIndex(atOrAfter: span.openStart)
            let after = analyzed.tokenIndex(atOrAfter: span.closeEnd)
            for t in first..<after { quoteOf[t] = Int32(q) }
            bounds.append((first, after))
        }
        let parser = PhraseParser(tokens: tokens, texts: analyzed.texts, lowers: analyzed.lowers, lexicon: lexicon, quoteOf: quoteOf,
                                  paragraphs: analyzed.paragraphs.count)
        let lowers = analyzed.lowers
        let matcher = FrameMatcher(parser: parser)
        splitReopenedQuotes(&spans, &bounds, analyzed, matcher)
        let people = People(parser: parser)
        let buffer = analyzed.buffer
        let filter = lexicon.filter.rule
        // Which marks the text quotes with: single-mark quotes that stand alone as paragraphs
        // are subheadings when most quotes use double marks.
        let singles = spans.reduce(0) { $0 + (Self.opensWithSingleMark($1, analyzed.buffer.bytes) ? 1 : 0) }
        let doubleMarkText = 2 * singles < spans.count

        var records: [QuoteRecord] = []
        var previous: (span: QuoteSpan, after: Int, cueTokens: Range<Int>?, person: Int?, speaker: String?, mention: TextSpan?, cue: TextSpan?, confidence: Double)?
        var previousSpeaker: Int?
        var descriptions = DescriptionMemory()
        // For each record: its paragraph, whether its quote opens the paragraph, whether a frame
        // attributed it, and its person (for turn taking, after all records are made).
        var turns: [TurnInfo] = []
        // Short quotes with no cue that are a paragraph of their own ("No!"): kept only if a
        // conversation gives them a speaker.
        var provisional: [Bool] = []
        /// For a record that nothing else attributes, the match of a last-resort frame and its speaker.
        var lastResort: [Int: (match: FrameMatch, person: Int?, speaker: String?, confidence: Double, quote: QuoteSpan)] = [:]

        func span(_ range: Range<Int>) -> TextSpan {
            let s = tokens[range.lowerBound].start, e = tokens[range.upperBound - 1].end
            return TextSpan(start: buffer.scalarOffset(s), end: buffer.scalarOffset(e), text: buffer.string(s, e))
        }

        /// Whom the reply calls by name: the vocative of the quote that opens the paragraph right
        /// after quote `q`'s ("…," he said. ¶ "Yes, Mr. Darcy, …").
        func replyVocative(_ q: Int) -> Int? {
            let last = spans[q].lastParagraph
            var r = q + 1
            while r < spans.count, spans[r].firstParagraph <= last { r += 1 }
            guard r < spans.count, spans[r].firstParagraph == last + 1,
                  analyzed.paragraphs[spans[r].firstParagraph].lowerBound == spans[r].openStart,
                  bounds[r].first < bounds[r].after,
                  let v = vocative(in: bounds[r].first..<bounds[r].after, spans[r], parser: parser) else { return nil }
            // A quote that is only the name ("Mrs. Robert Ferrars!") echoes it rather than answers.
            let words = (bounds[r].first..<bounds[r].after).count { tokens[$0].isWord && tokens[$0].start >= spans[r].contentStart && tokens[$0].end <= spans[r].contentEnd }
            if words <= v.words.count + (v.title == nil ? 0 : 1) { return nil }
            return people.person(matching: v.words, title: v.title)
        }

        for (q, quote) in spans.enumerated() {
            let (first, after) = bounds[q]
            guard first < after else { continue }
            // The quote's words, as token indices.
            let inner = (first..<after).filter { tokens[$0].isWord && tokens[$0].start >= quote.contentStart && tokens[$0].end <= quote.contentEnd }
            let wordCount = inner.count
            guard wordCount > 0 else { continue }
            // A title right after a possessive or a preposition: CNN's “State of the Union”. (Not
            // in a headline, where every word is capitalised.)
            if filter.dropEmbeddedTitles, first > 0, !parser.headline[tokens[first].paragraph], tokens[first - 1].paragraph == tokens[first].paragraph,
               lowers[first - 1].endsWith("'s") || lowers[first - 1].endsWith("’s")
                || parser.has(first - 1, .preposition)
                || (inner.count >= 2 && tokens[first - 1].kind == .word && !tokens[first - 1].isCapitalized && !parser.isCueVerb(first - 1)),
               isTitleCase(inner, parser) {
                continue
            }

            // A nested quote's closing mark may end the content: ‘…, ‘Let’s go,’” he said.
            let contentEnd = Self.endIgnoringClosingMarks(buffer.bytes, quote.contentStart, quote.contentEnd)
            let lastByte = buffer.bytes[contentEnd - 1]

            // A name or a title after an article, a preposition or a noun: die „Neue Freie Presse“,
            // in „Kabale und Liebe“, das Lied „Ruhe sanft“. It starts with a capital, and is no
            // sentence that ends on a lowercase word (Da rief Hans »Komm sofort her!«).
            if first > 0, tokens[inner[0]].isCapitalized, tokens[first - 1].paragraph == tokens[first].paragraph, tokens[first - 1].isWord,
               !(!tokens[inner[inner.count - 1]].isCapitalized && [0x2E, 0x21, 0x3F].contains(lastByte)) {
                let before = first - 1
                if wordCount <= filter.maxWordsAfterArticle, lexicon.articles.contains(lowers[before], hash: tokens[before].hash) { continue }
                if wordCount <= filter.maxWordsAfterPreposition, parser.has(before, .preposition) { continue }
                if wordCount <= filter.maxWordsAfterNoun, lexicon.capitalizedNouns, tokens[before].isCapitalized,
                   !parser.startsSentence(before), parser.pronoun(before) == nil { continue }
            }

            if filter.dropSubheads, doubleMarkText, Self.opensWithSingleMark(quote, buffer.bytes), isWholeParagraph(quote, analyzed) {
                continue
            }

            let endsSentence = Self.endsWithFullStop(buffer.bytes, quote.contentStart, contentEnd)
            let endsClause = Self.endsClause(buffer.bytes, contentEnd: contentEnd, closeEnd: quote.closeEnd)
            let endsWithComma = Self.endsWithComma(buffer.bytes, contentEnd: contentEnd, closeEnd: quote.closeEnd)
            // How many words a quote needs when no frame attributes it: fewer for a sentence of its own.
            let isSentence = endsSentence || lastByte == 0x3F || lastByte == 0x21
                || contentEnd >= quote.contentStart + 3 && buffer.bytes[contentEnd - 3] == 0xE2 && buffer.bytes[contentEnd - 2] == 0x80 && lastByte == 0xA6
            let minWordsWithoutCue = isSentence ? filter.minWordsSentenceWithoutCue ?? filter.minWordsWithoutCue : filter.minWordsWithoutCue
            let kind = positionalKind(quote, first: first, after: after, parser: parser, buffer: buffer)
            var best: FrameMatch?
            for (id, frame) in lexicon.frames where (frame.kind == nil || frame.kind == kind) && wordCount >= frame.minWords {
                // Frames come most confident first: once one matched, a less confident one cannot win.
                if let best, frame.confidence < best.confidence { break }
                guard let m = matcher.match(id, frame, first: first, after: after, endsSentence: endsSentence,
                                            endsClause: endsClause, endsWithComma: endsWithComma) else { continue }
                if best == nil || m.confidence > best!.confidence || (m.confidence == best!.confidence && m.reach < best!.reach) { best = m }
            }

            // Whom the quote calls by name: never its own speaker.
            let called = vocative(in: first..<after, quote, parser: parser)
            var addressee = called.flatMap { people.person(matching: $0.words, title: $0.title) }
            // Nor is the person the cue speaks to ("she said to Elizabeth", "added he to the General").
            if addressee == nil, let m = best, let cue = m.cue {
                var k = max(cue.upperBound, m.speaker.end)
                if k + 1 < tokens.count, parser.usable(k), parser.lowers[k] == "to" {
                    k += parser.lowers[k + 1] == "the" ? 2 : 1
                    // Someone known to be a person (a gender or a title), not a place or a body ("to TV"),
                    // and not a possessive ("to Elizabeth's mother").
                    addressee = people.person(mentionedAt: k, possessive: false).flatMap {
                        let p = people.persons[$0]
                        return p.gender != .any || p.title != nil || !p.titles.isEmpty ? $0 : nil
                    }
                }
            }

            var rule: String
            var confidence: Double
            var speaker: String?
            var mention: TextSpan?
            var cue: TextSpan?
            var person: Int?
            var cueTokens: Range<Int>?
            var mentionTokens: Range<Int>?
            var provisionalTurn = false
            var bySubject = false
            var subjectOfParagraph = false
            var described: String?
            var byRole = false

            // A frame that finds the previous quote's own cue ("…," Lee said. "…") is a follow-on.
            if let m = best, let prev = previous, let follow = lexicon.followOn, m.cue != nil, m.cue == prev.cueTokens,
               m.confidence < follow.rule.confidence * prev.confidence {
                best = nil
            }
            // A frame without a cue (an action beat) does not take a quote from the attributed quote
            // before it in the same paragraph.
            if let m = best, !m.reportsSpeech, let prev = previous, prev.speaker != nil, prev.span.lastParagraph == quote.firstParagraph,
               let follow = lexicon.followOn, m.confidence < follow.rule.confidence * prev.confidence {
                best = nil
            }
            if let m = best {
                if kind == .partial && wordCount < filter.minWordsPartial { continue }
                rule = m.rule.rawValue
                confidence = m.confidence
                // A description is resolved on its noun phrase (``People/phraseEnd(_:)``); in a novel
                // its reported mention ends there too, not with a manner phrase after it ("the
                // Frenchman" of "remarked the Frenchman with a smile"), unless a name follows ("le
                // père de Noël"). In news the mention keeps the phrase after the noun, which says
                // who it is: "the editor of a medical journal".
                var mentionEnd = m.speaker.end
                if people.isLongText, m.speaker.kind == .description, !people.isDistinguished(m.speaker) {
                    let end = people.phraseEnd(m.speaker)
                    if !people.holdsName(end..<m.speaker.end) { mentionEnd = end }
                }
                mention = span(m.speaker.start..<mentionEnd)
                cue = m.cue.map(span)
                cueTokens = m.cue
                mentionTokens = m.speaker.start..<mentionEnd
                // A quote that opens a new paragraph is a new turn: its "he said" is not the
                // previous speaker by default, unless the verb says so ("he went on"). So is one
                // after a quote of its paragraph that nothing attributed ("…" She turned. "…," she
                // said): that quote is the start of this turn.
                let newTurn = previous.map { quote.firstParagraph > $0.span.lastParagraph || $0.person == nil && $0.speaker == nil } ?? false
                // The second part of a quote its cue interrupts ("…," she cried, "…"): the same
                // mention names the same person, and its description counts once (it is resolved on
                // a copy of the memory, for the confidence).
                let repeated = previous.map { $0.mention != nil && $0.mention == mention } ?? false
                var scratch = descriptions
                let reply = newTurn ? replyVocative(q) : nil
                (person, speaker, confidence) = resolve(m.speaker, confidence, people: people, parser: parser,
                                                        previousSpeaker: newTurn && !continues(m.cue, parser) ? nil : previousSpeaker,
                                                        addressee: addressee, answering: newTurn ? turns.last?.addressee : nil,
                                                        repliedTo: reply,
                                                        conversation: newTurn ? Self.conversation(before: quote.firstParagraph, turns) : nil,
                                                        since: previous?.after, descriptions: &scratch, buffer: buffer)
                if let prev = previous, repeated { (person, speaker) = (prev.person, prev.speaker) } else { descriptions = scratch }
                // "said the other" when one of the two last speakers is known only by a description.
                let isOther = m.speaker.kind == .description && lexicon.followOn?.rule.otherParticipant
                    .contains(parser.lowers[m.speaker.start..<m.speaker.end].joined(separator: " ")) == true
                if newTurn, isOther, !repeated, let other = Self.otherOfDescribed(before: quote.firstParagraph, turns) {
                    person = other.person
                    speaker = other.person.map { people.persons[$0].canonical } ?? other.described
                    described = other.described
                }
                if person == nil, !isOther, m.speaker.kind == .description, !m.speaker.plural, parser.lowers[m.speaker.start] == "the" {
                    // (The noun phrase, without a manner phrase after it: "the policeman with incredible violence".)
                    var end = people.isDistinguished(m.speaker) ? m.speaker.end : people.phraseEnd(m.speaker)
                    while end > m.speaker.start + 1 && tokens[end - 1].paragraph != tokens[m.speaker.start].paragraph { end -= 1 }
                    described = Self.describedText(m.speaker.start..<end, parser, buffer)
                }
                // "The policeman sighed and shook his head. ¶ "I know," he said": the he/she is the
                // person the narration has just made its subject by a role, named or not.
                // (Not a cue that says the last speaker goes on, "she went on", "she added"; nor when the he/she is
                // the person the last turn or the reply calls by name: the role is theirs.)
                if !repeated, let g = Self.pronounGender(m.speaker), let since = previous?.after, !continues(m.cue, parser),
                   person == nil || !newTurn || person != turns.last?.addressee && person != reply,
                   let d = people.describedSubject(g, at: m.speaker.start, since: since),
                   case let p = people.person(description: d, at: m.speaker.start, excluding: addressee),
                   p.map({ people.persons[$0].gender == g || people.persons[$0].gender == .any }) ?? true {
                    person = p
                    // (Someone known only so is reported by the description, its article lowercase.)
                    speaker = p.map { people.persons[$0].canonical } ?? Self.describedText(d.start..<d.end, parser, buffer)
                    described = p == nil ? speaker : nil
                    byRole = true
                }
                // "Princess Abdul Akbar was announced. "Where's Brenda?" she said.": a turn the
                // narration gives its subject keeps it in a conversation's turn taking.
                if newTurn, let p = person, let g = Self.pronounGender(m.speaker), let since = previous?.after,
                   let subject = people.narratedSubjectMention(g, at: m.speaker.start, since: since, excluding: addressee), subject.person == p {
                    bySubject = true
                    // Named so in the quote's own paragraph, before it, by narration that then acts
                    // on no one else of that gender ("Mr. Kemp looked over his shoulder. "…," he
                    // said", not "Mr. Kemp handed him the map. "…," he said").
                    subjectOfParagraph = tokens[subject.token].paragraph == quote.firstParagraph && subject.token < first
                        && !people.actsOnOther(g, in: subject.token..<first)
                }
            } else if let (id, follow) = lexicon.followOn, let prev = previous, prev.speaker != nil || prev.mention != nil,
                      quote.firstParagraph - prev.span.lastParagraph <= follow.maxParagraphs,
                      startsParagraphOrFollows(quote, prev.span, analyzed),
                      wordCount >= minWordsWithoutCue || kind == .direct || Self.isListed(after: prev.after, before: first, parser),
                      !(filter.dropTitleCase && isHeading(inner, quote, buffer, parser)),
                      wordCount >= follow.minWordsAlone || !isWholeParagraph(quote, analyzed) {
                rule = id.rawValue
                confidence = follow.confidence * prev.confidence
                speaker = prev.speaker
                mention = prev.mention
                cue = prev.cue
                cueTokens = prev.cueTokens
                person = prev.person
                described = turns.last?.described
            } else {
                let shortTurn = wordCount < minWordsWithoutCue
                if shortTurn && !(kind == .direct && isWholeParagraph(quote, analyzed)) { continue }
                provisionalTurn = shortTurn
                if filter.dropTitleCase && isTitleCase(inner, parser) { continue }
                rule = lexicon.filter.id.rawValue
                confidence = filter.unattributedConfidence
                // A last-resort frame's attribution, kept for when no turn of a conversation takes the quote.
                for (id, frame) in lexicon.lastResortFrames where (frame.kind == nil || frame.kind == kind) && wordCount >= frame.minWords {
                    guard let m = matcher.match(id, frame, first: first, after: after, endsSentence: endsSentence,
                                                endsClause: endsClause, endsWithComma: endsWithComma) else { continue }
                    // (Resolved on a copy of what earlier cues' descriptions stood for: this cue may never count.)
                    var scratch = descriptions
                    let (p, name, c) = resolve(m.speaker, m.confidence, people: people, parser: parser, previousSpeaker: nil,
                                               addressee: addressee, conversation: Self.conversation(before: quote.firstParagraph, turns),
                                               since: previous?.after, descriptions: &scratch, buffer: buffer)
                    // Someone the text shows to be a person (a gender or a title), not "the Senate".
                    if let p, people.persons[p].gender != .any || people.persons[p].title != nil {
                        lastResort[records.count] = (m, p, name, c, quote)
                    }
                    break
                }
            }
            if let p = person { previousSpeaker = p }
            provisional.append(provisionalTurn)
            turns.append(TurnInfo(firstParagraph: quote.firstParagraph, lastParagraph: quote.lastParagraph,
                                  anchored: best.map { $0.reportsSpeech || person != nil } ?? false, person: person,
                                  pronoun: byRole ? nil : best.flatMap { Self.pronounGender($0.speaker) ?? (people.isDistinguished($0.speaker) ? nil : genericGender($0.speaker, parser)) }, byName: best?.speaker.kind == .name,
                                  addressee: addressee, vocative: called, token: first, bySubject: bySubject, subjectOfParagraph: subjectOfParagraph,
                                  described: described))
            let start = buffer.scalarOffset(quote.contentStart), end = buffer.scalarOffset(quote.contentEnd)
            let text = buffer.string(quote.contentStart, quote.contentEnd)
            confidence = (confidence * 1000).rounded() / 1000
            records.append(QuoteRecord(doc: documentID, id: Self.recordID(documentID, start, end), start: start, end: end, text: text,
                                       kind: kind, speaker: speaker, speakerMention: mention, cue: cue, rule: rule,
                                       confidence: confidence, metadata: metadata,
                                       addressee: addressee.flatMap { $0 == person ? nil : people.persons[$0].canonical },
                                       context: context(of: quote, cue: mentionTokens == nil ? nil : cueTokens, mention: mentionTokens, analyzed)))
            previous = (quote, after, cueTokens, person, speaker, mention, cue, confidence)
        }
        if let follow = lexicon.followOn, follow.rule.turnTaking {
            takeTurns(&records, turns, people: people, followOn: follow.id.rawValue, followOnConfidence: follow.rule.confidence, minExchanges: follow.rule.minExchanges,
                      minRunExchanges: follow.rule.minRunExchanges)
        }
        for (k, a) in lastResort where records[k].speaker == nil && records[k].speakerMention == nil {
            records[k].speaker = a.speaker
            records[k].speakerMention = span(a.match.speaker.start..<a.match.speaker.end)
            records[k].cue = a.match.cue.map(span)
            records[k].rule = a.match.rule.rawValue
            records[k].confidence = (a.confidence * 1000).rounded() / 1000
            records[k].context = context(of: a.quote, cue: a.match.cue, mention: a.match.speaker.start..<a.match.speaker.end, analyzed)
        }
        fillFamily(&records)
        if let narrator = people.narrator { nameNarrator(&records, turns, people.persons[narrator].canonical, people) }
        return records.indices.filter { !provisional[$0] || records[$0].speaker != nil }.map { records[$0] }
    }

    /// The conversation a quote opening `paragraph` joins: the speakers of the turns before it,
    /// the most recent first, as long as each is at most two paragraphs from the next (twelve
    /// turns at most); nil when the last turn is further away.
    static func conversation(before paragraph: Int, _ turns: [TurnInfo]) -> People.Conversation? {
        var speakers: [Int] = [], named: Set<Int> = [], addressed: [Int] = []
        var next = paragraph
        var k = turns.count - 1
        var count = 0
        while k >= 0, count < 12, next - turns[k].lastParagraph <= 2 {
            if let p = turns[k].person, !speakers.contains(p) { speakers.append(p) }
            if let p = turns[k].person, turns[k].byName { named.insert(p) }
            if let a = turns[k].addressee, !addressed.contains(a) { addressed.append(a) }
            next = turns[k].firstParagraph
            k -= 1
            count += 1
        }
        return speakers.isEmpty && addressed.isEmpty ? nil : People.Conversation(speakers: speakers, named: named, addressed: addressed)
    }

    /// For "said the other" at a new turn, when one of the two who spoke last in the conversation
    /// (the last six turns, each at most two paragraphs from the next) is known only by a
    /// description ("said the valet"): the one of the two who did not speak last, by person or by
    /// description; nil when both are people the text names (``People/person(description:at:conversation:excluding:answering:repliedTo:since:remembered:)`` decides).
    static func otherOfDescribed(before paragraph: Int, _ turns: [TurnInfo]) -> (person: Int?, described: String?)? {
        var next = paragraph
        var k = turns.count - 1
        var last: (person: Int?, described: String?)?
        while k >= 0, k >= turns.count - 6, next - turns[k].lastParagraph <= 2 {
            let t = turns[k]
            next = t.firstParagraph
            k -= 1
            // (The turn just before says who spoke last by its own cue or its paragraph's, or nothing is known.)
            let cued = t.anchored || k >= 0 && turns[k].anchored && turns[k].lastParagraph == t.firstParagraph
            guard t.person != nil || t.described != nil, last != nil || cued else {
                if last == nil { return nil }
                continue
            }
            let id = (person: t.person, described: t.described?.lowercased())
            guard let l = last else { last = id; continue }
            if l.person == id.person && l.described == id.described { continue }
            return l.described != nil || id.described != nil ? (t.person, t.described) : nil
        }
        return nil
    }

    /// The gender of a definite description that only says man or woman ("the old gentleman",
    /// "the girl"): in a conversation such a cue is used like "he" or "she".
    func genericGender(_ m: Mention, _ parser: PhraseParser) -> Gender? {
        guard m.kind == .description, !m.plural, m.gender != .any, parser.lowers[m.start] == "the" else { return nil }
        guard let head = (m.start..<m.end).last(where: { parser.personNoun($0) != nil }),
              lexicon.genericPersonNouns.contains(parser.lowers[head]) else { return nil }
        return m.gender
    }

    /// A parent, a spouse or an elder relative ("her mother", "his lady", "his aunt") the text left unresolved is the
    /// person the same words stand for most often elsewhere in the document, unless that person
    /// spoke the quote before or is the one this quote addresses.
    func fillFamily(_ records: inout [QuoteRecord]) {
        func key(_ r: QuoteRecord) -> String? {
            guard let text = r.speakerMention?.text.lowercased() else { return nil }
            let words = text.split(whereSeparator: { $0.isWhitespace })
            guard words.count == 2, lexicon.possessives[String(words[0])] != nil,
                  let relation = lexicon.kinship[String(words[1])],
                  [.parent, .elder, .spouse].contains(relation) else { return nil }
            return words.joined(separator: " ")
        }
        var counts: [String: [String: Int]] = [:]
        let followOn = lexicon.followOn?.id.rawValue
        for r in records where r.speaker != nil && r.rule != followOn {
            if let k = key(r) { counts[k, default: [:]][r.speaker!, default: 0] += 1 }
        }
        guard !counts.isEmpty else { return }
        for i in records.indices where records[i].speaker == nil {
            guard let k = key(records[i]), let byName = counts[k],
                  let best = byName.max(by: { $0.value < $1.value || $0.value == $1.value && $0.key > $1.key }), best.value >= 2 else { continue }
            // (The quote before, other than a part of this one's turn: "…," said her mother, "…")
            var j = i - 1
            while j >= 0, records[j].speakerMention == records[i].speakerMention { j -= 1 }
            if j >= 0, records[j].speaker == best.key { continue }
            if records[i].addressee == best.key { continue }
            records[i].speaker = best.key
        }
    }

    /// How a character known only by a description is reported: the words as written, on one
    /// line, the first in lowercase ("the doctor" of "The doctor was buttoning up his coat").
    static func describedText(_ range: Range<Int>, _ parser: PhraseParser, _ buffer: TextBuffer) -> String {
        let tokens = parser.tokens
        let text = buffer.string(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let first = parser.texts[range.lowerBound]
        return text.hasPrefix(first) ? parser.lowers[range.lowerBound] + text.dropFirst(first.count) : text
    }

    /// The gender of a he/she mention, or nil for any other mention.
    static func pronounGender(_ mention: Mention) -> Gender? {
        guard case .pronoun(let p) = mention.kind else { return nil }
        switch p {
        case .male: return .male
        case .female: return .female
        default: return nil
        }
    }

    /// What the descriptions of a document's earlier cues stood for.
    struct DescriptionMemory {
        /// The person each family description ("her mother") stands for: what the family's surname
        /// or a title last said, else its first reading.
        var relatives: [String: Int] = [:]
        /// How many cues have called each person by a generic noun for a child ("said the boy").
        var calledChild: [Int: Int] = [:]
        /// How many cues have called each person by each generic noun ("girl": 40).
        var calledBy: [Int: [String: Int]] = [:]
    }

    /// A person the cues have called by one generic noun at least this many times, and more than
    /// ``epithetRatio`` times as often as by another, is not the one that other noun stands for.
    static let epithetMinCues = 5
    static let epithetRatio = 5

    /// The person a speaker mention refers to, the speaker name to report, and the confidence
    /// adjusted for how the mention was resolved.
    private func resolve(_ mention: Mention, _ confidence: Double, people: People, parser: PhraseParser,
                         previousSpeaker: Int?, addressee: Int? = nil, answering addressed: Int? = nil, repliedTo: Int? = nil,
                         conversation: People.Conversation? = nil,
                         since: Int? = nil, descriptions memory: inout DescriptionMemory,
                         buffer: TextBuffer) -> (Int?, String?, Double) {
        let tokens = parser.tokens
        switch mention.kind {
        case .name:
            let person = people.person(named: mention)
            let name = person.map { people.persons[$0].canonical }
                ?? buffer.string(tokens[mention.nameStart].start, tokens[mention.end - 1].end)
            return (person, name, confidence)
        case .pronoun(let p):
            let person = people.person(pronoun: p, at: mention.start, previousSpeaker: previousSpeaker, excluding: addressee,
                                       answering: addressed, repliedTo: repliedTo, conversation: conversation, since: since)
            return (person, person.map { people.persons[$0].canonical }, confidence * (person == nil ? 0.8 : 0.95))
        case .description:
            // "the gentleman in the white waistcoat" is someone of their own; "the girl in a hoarse
            // voice" is "the girl".
            if people.isDistinguished(mention) { return (nil, nil, confidence * 0.85) }
            var mention = mention
            mention.end = people.phraseEnd(mention)
            let family = people.isFamilyDescription(mention) ? parser.lowers[mention.start..<mention.end].joined(separator: " ") : nil
            var person = people.person(description: mention, at: mention.start, conversation: conversation, excluding: addressee,
                                       answering: addressed, repliedTo: repliedTo, since: since, remembered: family.flatMap { memory.relatives[$0] })
            // Someone two cues have called a child ("said the boy") is not the man or the woman a
            // generic noun stands for ("said the old gentleman"); nor is someone the cues call by
            // another generic noun, often and far more often than by this one ("the girl" is not
            // "the young lady" she talks to). The description goes to the next person who can be.
            let head = parser.lowers[mention.end - 1]
            if let p = person, lexicon.genericPersonNouns.contains(head) {
                let called = memory.calledBy[p, default: [:]]
                if lexicon.youngPersonNouns.contains(head) {
                    memory.calledChild[p, default: 0] += 1
                } else if mention.gender != .any, addressee == nil, memory.calledChild[p, default: 0] >= 2 {
                    person = people.person(description: mention, at: mention.start, conversation: conversation, excluding: p,
                                           answering: addressed, since: since)
                }
                if person == p, mention.gender != .any, addressee == nil, called.contains(where: {
                    $0.key != head && $0.value >= Self.epithetMinCues && $0.value > Self.epithetRatio * called[head, default: 0]
                }) {
                    person = people.person(description: mention, at: mention.start, conversation: conversation, excluding: p,
                                           answering: addressed, since: since)
                }
                if let q = person { memory.calledBy[q, default: [:]][head, default: 0] += 1 }
            }
            // What the family's surname or a title says is remembered; another reading only until
            // one does.
            if let family, let person {
                if people.familyMember(mention, at: mention.start, conversation: conversation) == person {
                    memory.relatives[family] = person
                } else if memory.relatives[family] == nil {
                    memory.relatives[family] = person
                }
            }
            return (person, person.map { people.persons[$0].canonical }, confidence * (person == nil ? 0.85 : 0.8))
        case .relative:
            guard let range = mention.antecedent,
                  let antecedent = parser.speakers(endingAt: range.upperBound - 1).first(where: { $0.start == range.lowerBound })
            else { return (nil, nil, confidence * 0.8) }
            let (person, name, c) = resolve(antecedent, confidence, people: people, parser: parser,
                                            previousSpeaker: previousSpeaker, descriptions: &memory, buffer: buffer)
            return (person, name, c * 0.95)
        }
    }

    /// The context of a quote and its own cue and mention (nil for a follow-on quote, whose cue is
    /// another quote's): the sentences or paragraphs they touch, trimmed of spaces, at most
    /// ``maxContextMargin`` bytes beyond them on each side.
    private func context(of quote: QuoteSpan, cue: Range<Int>?, mention: Range<Int>?, _ analyzed: AnalyzedText) -> TextSpan? {
        guard contextScope != .none else { return nil }
        let tokens = analyzed.tokens, bytes = analyzed.buffer.bytes
        var lo = quote.openStart, hi = quote.closeEnd
        for range in [cue, mention] {
            guard let range, !range.isEmpty else { continue }
            lo = min(lo, tokens[range.lowerBound].start)
            hi = max(hi, tokens[range.upperBound - 1].end)
        }
        func containing(_ ranges: [Range<Int>], _ byte: Int) -> Range<Int>? {
            var a = 0, b = ranges.count
            while a < b {
                let mid = (a + b) / 2
                if ranges[mid].upperBound <= byte { a = mid + 1 } else { b = mid }
            }
            return a < ranges.count && ranges[a].lowerBound <= byte ? ranges[a] : nil
        }
        var start = containing(analyzed.paragraphs, lo)?.lowerBound ?? lo
        var end = containing(analyzed.paragraphs, max(hi - 1, lo))?.upperBound ?? hi
        if contextScope == .sentence {
            start = max(start, containing(analyzed.sentences, lo)?.lowerBound ?? lo)
            end = min(end, containing(analyzed.sentences, max(hi - 1, lo))?.upperBound ?? hi)
        }
        start = max(min(start, lo), lo - Self.maxContextMargin)
        end = min(max(end, hi), hi + Self.maxContextMargin)
        while start < lo, bytes[start] & 0xC0 == 0x80 { start += 1 }
        while end > hi, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        while start < lo, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 { start += 1 }
        while end > hi, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x09 { end -= 1 }
        let buffer = analyzed.buffer
        return TextSpan(start: buffer.scalarOffset(start), end: buffer.scalarOffset(end), text: buffer.string(start, end))
    }

    /// `q` + 16 hex digits of a 64-bit FNV-1a hash of the document id and the offsets.
    static func recordID(_ doc: String, _ start: Int, _ end: Int) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in "\(doc)\u{0}\(start)\u{0}\(end)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        let hex = String(hash, radix: 16)
        return "q" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Quotes split at their incises: a reporting verb and its speaker set off inside a quote by
    /// punctuation (`« Oui, dit-il, demain. »`, `— Moi, je suis veuf, dit Bouvard, et sans
    /// enfants !`, `—Hola —dijo ella—. ¿Qué tal?`). The words before the incise are one quote
    /// (with the comma, `!` or `?` that ends them), the words after it another; the incise itself
    /// is left outside, where the frames find the cue and the speaker. An incise starts after a
    /// comma, `!`, `?`, `…`, `;` or a dialogue dash with a lowercase cue form, and ends within
    /// twelve words at a punctuation mark or a dash, or at the end of the quote, holding a
    /// pronoun, a capitalised word, a determiner or a person noun. Decided on tokens and the
    /// lexicon alone, before the speaker phrases are parsed (which need to know what is quoted).
    func splitIncises(_ spans: [QuoteSpan], _ analyzed: AnalyzedText) -> [QuoteSpan] {
        let tokens = analyzed.tokens, lowers = analyzed.lowers, texts = analyzed.texts
        let bytes = analyzed.buffer.bytes
        func isDash(_ t: Int) -> Bool {
            let s = texts[t]
            return s == "—" || s == "–" || s == "―" || s == "--"
        }
        func opensIncise(_ t: Int) -> Bool {
            switch tokens[t].mark {
            case .comma, .exclamation, .question, .semicolon: return true
            default: return texts[t] == "…" || texts[t] == "..." || isDash(t)
            }
        }
        func closesIncise(_ t: Int) -> Bool {
            switch tokens[t].mark {
            case .comma, .period, .exclamation, .question, .semicolon, .colon: return true
            default: return texts[t] == "…" || isDash(t)
            }
        }
        /// The tokens of a cue starting at `t`, or 0.
        func cueLength(_ t: Int, _ end: Int) -> Int {
            guard tokens[t].isWord, !tokens[t].isCapitalized else { return 0 }
            if let phrases = lexicon.cuePhrasesByFirst[lowers[t], hash: tokens[t].hash] {
                for words in phrases where t + words.count <= end && (0..<words.count).allSatisfy({ lowers[t + $0] == words[$0] }) {
                    return words.count
                }
            }
            return lexicon.cueForms[lowers[t], hash: tokens[t].hash] != nil ? 1 : 0
        }
        func speakerLike(_ t: Int) -> Bool {
            lexicon.pronouns[lowers[t], hash: tokens[t].hash] != nil || tokens[t].isCapitalized
                || lexicon.determiners.contains(lowers[t], hash: tokens[t].hash) || lexicon.personNouns[lowers[t], hash: tokens[t].hash] != nil
        }
        var result: [QuoteSpan] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            var current = span
            var first = analyzed.tokenIndex(atOrAfter: current.contentStart)
            var t = first + 1
            while true {
                let end = analyzed.tokenIndex(atOrAfter: current.contentEnd)
                guard t < end else { break }
                defer { t += 1 }
                guard t - 1 > first, opensIncise(t - 1), tokens[t].paragraph == tokens[t - 1].paragraph else { continue }
                // Object pronouns and auxiliaries may come before the verb ("lui dit-elle",
                // "—le preguntó Ana").
                var verb = t
                while verb < end, verb < t + 2, tokens[verb].isWord, !tokens[verb].isCapitalized,
                      lexicon.auxiliaries.contains(lowers[verb], hash: tokens[verb].hash), cueLength(verb, end) == 0 { verb += 1 }
                let cue = cueLength(verb, end)
                guard cue > 0 else { continue }
                // The speaker and the mark that ends the incise.
                var k = verb + cue, speaker = false
                while k < end, k < verb + cue + 12, !closesIncise(k), tokens[k].paragraph == tokens[t].paragraph {
                    if tokens[k].isWord && speakerLike(k) { speaker = true }
                    k += 1
                }
                guard speaker, k == end || k < end && closesIncise(k) else { continue }
                // Before the incise: up to its opening punctuation (a dash stays outside).
                let headEnd = isDash(t - 1) ? tokens[t - 2].end : tokens[t - 1].end
                var head = current
                head.contentEnd = headEnd
                head.closeStart = tokens[t].start
                head.closeEnd = tokens[t].start
                head.lastParagraph = tokens[t - 1].paragraph
                result.append(head)
                // After it: from the word after its closing mark.
                var next = k + 1
                while next < end, isDash(next) || [.period, .comma, .semicolon, .colon].contains(tokens[next].mark) { next += 1 }
                guard k < end, next < end else {
                    current.contentStart = current.contentEnd
                    break
                }
                current.openStart = tokens[next].start
                current.openEnd = tokens[next].start
                current.contentStart = tokens[next].start
                current.firstParagraph = tokens[next].paragraph
                first = next
                t = next
            }
            if current.contentStart < current.contentEnd {
                // Trailing spaces and a dash left at the end by a closing incise are not quoted.
                var e = current.contentEnd
                while e > current.contentStart, bytes[e - 1] == 0x20 { e -= 1 }
                current.contentEnd = e
                result.append(current)
            }
        }
        return result
    }

    /// A quote reopened at the start of its last paragraph is usually one quote over several
    /// paragraphs; but when that last part carries an attribution of its own after its closing
    /// mark (`"…," he said`), it is a new quote and the earlier paragraphs' mark was left
    /// unclosed. Such a span is split in two: the earlier paragraphs and the last one.
    private func splitReopenedQuotes(_ spans: inout [QuoteSpan], _ bounds: inout [(first: Int, after: Int)],
                                     _ analyzed: AnalyzedText, _ matcher: FrameMatcher) {
        let bytes = analyzed.buffer.bytes
        var k = 0
        while k < spans.count {
            let quote = spans[k]
            defer { k += 1 }
            guard quote.lastParagraph > quote.firstParagraph else { continue }
            let paragraph = analyzed.paragraphs[quote.lastParagraph]
            guard let mark = bytes.withUnsafeBufferPointer({ scanner.table.match($0, at: paragraph.lowerBound, end: paragraph.upperBound) })
            else { continue }
            let markEnd = paragraph.lowerBound + scanner.table.marks[mark].bytes.count
            var contentStart = markEnd
            while contentStart < quote.contentEnd, bytes[contentStart] == 0x20 || bytes[contentStart] == 0x09 { contentStart += 1 }
            guard contentStart < quote.contentEnd else { continue }
            let tailFirst = analyzed.tokenIndex(atOrAfter: paragraph.lowerBound)
            let after = bounds[k].after
            let contentEnd = Self.endIgnoringClosingMarks(bytes, contentStart, quote.contentEnd)
            let endsSentence = Self.endsWithFullStop(bytes, contentStart, contentEnd)
            let endsClause = Self.endsClause(bytes, contentEnd: contentEnd, closeEnd: quote.closeEnd)
            let endsWithComma = Self.endsWithComma(bytes, contentEnd: contentEnd, closeEnd: quote.closeEnd)
            let attributedAfter = lexicon.frames.contains { id, frame in
                let q = frame.pattern.quoteIndex
                guard q + 1 < frame.pattern.elements.count, frame.pattern.elements[q + 1] != .paragraph, frame.kind != .partial else { return false }
                return matcher.match(id, frame, first: tailFirst, after: after, endsSentence: endsSentence, endsClause: endsClause,
                                     endsWithComma: endsWithComma) != nil
            }
            guard attributedAfter else { continue }
            let previous = analyzed.paragraphs[quote.lastParagraph - 1]
            let head = QuoteSpan(openStart: quote.openStart, openEnd: quote.openEnd, closeStart: previous.upperBound, closeEnd: previous.upperBound,
                                 firstParagraph: quote.firstParagraph, lastParagraph: quote.lastParagraph - 1,
                                 contentStart: quote.contentStart, contentEnd: previous.upperBound)
            let tail = QuoteSpan(openStart: paragraph.lowerBound, openEnd: markEnd, closeStart: quote.closeStart, closeEnd: quote.closeEnd,
                                 firstParagraph: quote.lastParagraph, lastParagraph: quote.lastParagraph,
                                 contentStart: contentStart, contentEnd: quote.contentEnd)
            spans.replaceSubrange(k...k, with: [head, tail])
            bounds.replaceSubrange(k...k, with: [(bounds[k].first, tailFirst), (tailFirst, after)])
            k += 1
        }
    }

    /// `end` moved back over closing quotation marks (' " ’ ”) and spaces, never before `start + 1`.
    static func endIgnoringClosingMarks(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start + 1 {
            let b = bytes[e - 1]
            if b == 0x27 || b == 0x22 || b == 0x20 { e -= 1; continue }
            if e - 3 > start, bytes[e - 3] == 0xE2, bytes[e - 2] == 0x80, b == 0x99 || b == 0x9D { e -= 3; continue }
            break
        }
        return e
    }

    /// Whether a quote breaks off its clause: it ends with a comma, a question or an exclamation
    /// mark, or a comma follows its closing mark (`»…«, zagte er`, `« … », dit-il`).
    static func endsClause(_ bytes: [UInt8], contentEnd: Int, closeEnd: Int) -> Bool {
        let last = bytes[contentEnd - 1]
        return last == 0x2C || last == 0x3F || last == 0x21 || closeEnd < bytes.count && bytes[closeEnd] == 0x2C
    }

    /// Whether a quote ends with a comma, inside its marks or right after them.
    static func endsWithComma(_ bytes: [UInt8], contentEnd: Int, closeEnd: Int) -> Bool {
        bytes[contentEnd - 1] == 0x2C || closeEnd < bytes.count && bytes[closeEnd] == 0x2C
    }

    /// Whether the quoted text ends with a full stop (not an ellipsis). A question or an
    /// exclamation mark is left out: "Why?" Trump asked reporters.
    static func endsWithFullStop(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return false }
        guard bytes[end - 1] == 0x2E else { return false }
        return !(end - start >= 2 && bytes[end - 2] == 0x2E)
    }

    /// Whether only punctuation and "and"/"or" stand between two quotes: a list of fragments
    /// ("incredibly ugly," "a huge shock" and "a fight").
    static func isListed(after previous: Int, before next: Int, _ parser: PhraseParser) -> Bool {
        let tokens = parser.tokens
        guard previous <= next, previous > 0, tokens[previous - 1].sentence == tokens[min(next, tokens.count - 1)].sentence else { return false }
        return (previous..<next).allSatisfy { !tokens[$0].isWord || parser.has($0, .conjunction) }
    }

    /// Whether the quote opens with a single mark (' ‘ ’ ‚ ‹), not a double one (" “ '' « „).
    static func opensWithSingleMark(_ quote: QuoteSpan, _ bytes: [UInt8]) -> Bool {
        let length = quote.openEnd - quote.openStart
        if length == 1 { return bytes[quote.openStart] == 0x27 }
        guard length == 3, bytes[quote.openStart] == 0xE2 else { return false }
        let (b1, b2) = (bytes[quote.openStart + 1], bytes[quote.openStart + 2])
        return b1 == 0x80 && (b2 == 0x98 || b2 == 0x99 || b2 == 0x9A || b2 == 0xB9 || b2 == 0xBA)
    }

    /// Whether `quote` (with its marks) is all its paragraph holds.
    private func isWholeParagraph(_ quote: QuoteSpan, _ analyzed: AnalyzedText) -> Bool {
        let p = analyzed.paragraphs[quote.firstParagraph]
        guard p.lowerBound == quote.openStart else { return false }
        var end = quote.closeEnd
        while end < p.upperBound, [0x2E, 0x20, 0x2C, 0x3B, 0x21, 0x3F].contains(analyzed.buffer.bytes[end]) { end += 1 }
        return end >= analyzed.paragraphs[quote.lastParagraph].upperBound
    }

    /// Whether `quote` opens its paragraph or shares a paragraph with `previous`.
    private func startsParagraphOrFollows(_ quote: QuoteSpan, _ previous: QuoteSpan, _ analyzed: AnalyzedText) -> Bool {
        if quote.firstParagraph == previous.lastParagraph { return true }
        return analyzed.paragraphs[quote.firstParagraph].lowerBound == quote.openStart
    }

    /// Whether a quote that continues a speaker looks like a heading instead: all capitals, or
    /// Title Case without closing punctuation ("Shark Tank" but not "Eh, Mrs. Corney?").
    private func isHeading(_ words: [Int], _ quote: QuoteSpan, _ buffer: TextBuffer, _ parser: PhraseParser) -> Bool {
        guard isTitleCase(words, parser) else { return false }
        if words.count >= 2 && words.allSatisfy({ !parser.texts[$0].containsLowercase }) { return true }
        let last = buffer.bytes[quote.contentEnd - 1]
        return ![0x2E, 0x3F, 0x21, 0x2C].contains(last)
    }

    /// Whether the words are a title: at most twelve, every one capitalised but for articles,
    /// prepositions and conjunctions, at least two capitalised ("Saturday Night Live", "Shark Tank").
    private func isTitleCase(_ words: [Int], _ parser: PhraseParser) -> Bool {
        guard words.count <= 12 else { return false }
        var capitalised = 0
        for w in words {
            if parser.tokens[w].isCapitalized || parser.tokens[w].kind == .number { capitalised += 1; continue }
            let small = parser.has(w, .determiner) || parser.has(w, .preposition) || parser.has(w, .conjunction)
                || parser.lowers[w] == "is" || parser.lowers[w] == "as"
            if !small { return false }
        }
        return capitalised >= 2 || (words.count == 1 && capitalised == 1)
    }

    /// `direct` when the quote stands as a sentence of its own (or after a cue and a comma or
    /// colon), else `partial`.
    private func positionalKind(_ quote: QuoteSpan, first: Int, after: Int, parser: PhraseParser, buffer: TextBuffer) -> QuoteKind {
        let tokens = parser.tokens
        let firstLetter = buffer.bytes[quote.contentStart...].lazy.prefix(8).first { $0 >= 0x41 }
        let startsLower = firstLetter.map { $0 >= 0x61 && $0 <= 0x7A } ?? false
        var leftDirect: Bool
        if first == 0 || tokens[first - 1].paragraph != tokens[first].paragraph {
            leftDirect = true
        } else {
            switch parser.texts[first - 1] {
            case ".", "?", "!", "—", "–", "(", "[": leftDirect = !startsLower
            case ":": leftDirect = true
            case ",": leftDirect = !startsLower
            default: leftDirect = parser.has(first - 1, .cueForm) && !startsLower
            }
        }
        if !leftDirect { return .partial }
        var lastByte = Self.endIgnoringClosingMarks(buffer.bytes, quote.contentStart, quote.contentEnd) - 1
        while lastByte > quote.contentStart, buffer.bytes[lastByte] & 0xC0 == 0x80 { lastByte -= 1 }
        let last = buffer.bytes[lastByte]
        if last == 0x2E || last == 0x3F || last == 0x21 || last == 0x2C || last == 0xE2 { return .direct }
        if after >= tokens.count || tokens[after].paragraph != tokens[after - 1].paragraph { return .direct }
        let next = parser.texts[after]
        return [".", "?", "!", ",", ";", ":", "—", "–"].contains(next) ? .direct : .partial
    }
}

/// Errors from the QuoteKit library.
public enum QuoteKitError: Error, CustomStringConvertible, Sendable {
    case unknownLanguage(String, available: [String])
    /// A document of more bytes (UTF-8) than the limit, ``Segmenter/maxDocumentBytes``.
    case documentTooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownLanguage(let language, let available):
            return "no rules for language '\(language)'; available: \(available.joined(separator: ", "))"
        case .documentTooLarge(let bytes, let limit):
            return "the document has \(bytes) bytes of text; the limit is \(limit) bytes (just under 2 GiB)"
        }
    }
}
