/// Conversations in fiction: who takes each turn of a dialogue, whom a quote calls by name, and
/// the name of a first-person narrator. These run after every quote of a document is attributed.
extension QuoteExtractor {
    /// Whether a cue is a verb that continues the previous speaker's words ("went on").
    func continues(_ cue: Range<Int>?, _ parser: PhraseParser) -> Bool {
        guard let cue, let follow = lexicon.followOn else { return false }
        let words = cue.filter { parser.tokens[$0].isWord }.map { parser.lowers[$0] }.joined(separator: " ")
        return follow.rule.continuingCues.contains { words == $0 || words.endsWith(" " + $0) }
    }

    /// A first-person narrator is reported by the name the other speakers call them by: the name
    /// most often addressed in the quotes of the paragraphs next to the narrator's (at least twice),
    /// leaving out the names the narration itself uses for someone else; otherwise as "narrator".
    func nameNarrator(_ records: inout [QuoteRecord], _ info: [TurnInfo], _ placeholder: String, _ people: People) {
        var counts: [String: Int] = [:]
        var narratorParagraphs = Set<Int>()
        for k in records.indices where records[k].speaker == placeholder { narratorParagraphs.insert(info[k].firstParagraph) }
        for n in records.indices {
            let p = info[n].firstParagraph
            if (p - 2...p + 2).contains(where: { narratorParagraphs.contains($0) && $0 != p }) {
                guard let v = info[n].vocative else { continue }
                if let known = people.person(matching: v.words, title: v.title), people.persons[known].mentions.count >= 3 { continue }
                // Not a common word capitalised as an exclamation ("Rubbish, I say!").
                if v.words.contains(where: { people.parser.isCommonWord($0.lowercased()) }) { continue }
                counts[((v.title.map { [$0] } ?? []) + v.words).joined(separator: " "), default: 0] += 1
            }
        }
        guard let (name, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count >= 2 else { return }
        let narrated = Set(records.indices.filter { records[$0].speaker == placeholder })
        for k in narrated.sorted() {
            // A quote that calls the narrator by name is someone else's: the nearest other speaker's.
            if !info[k].anchored, let v = info[k].vocative, ((v.title.map { [$0] } ?? []) + v.words).joined(separator: " ") == name,
               let other = (max(0, k - 3)..<min(records.count, k + 4)).filter({ !narrated.contains($0) && records[$0].speaker != nil && info[$0].anchored })
                .min(by: { abs($0 - k) < abs($1 - k) }) {
                records[k].speaker = records[other].speaker
                records[k].speakerMention = records[other].speakerMention
                records[k].cue = records[other].cue
                continue
            }
            records[k].speaker = name
        }
        for k in records.indices where records[k].addressee == placeholder { records[k].addressee = name }
    }

    struct TurnInfo {
        var firstParagraph: Int, lastParagraph: Int
        var anchored: Bool
        var person: Int?
        /// When a pronoun attributed the quote ("he said"), or a description that only says man
        /// or woman ("said the old gentleman"), its gender.
        var pronoun: Gender?
        /// Whether a name attributed the quote ("said Edmund").
        var byName = false
        /// The person the quote addresses by name ("Henry, I won't go").
        var addressee: Int?
        /// The name itself, whether or not it names a known person.
        var vocative: (words: [String], title: String?)?
        /// The quote's first token.
        var token: Int
        /// Whether a he/she at a new turn was resolved to the person the narration just made its
        /// subject ("Princess Abdul Akbar was announced. "…," she said").
        var bySubject = false
        /// Whether that subject is named in the quote's own paragraph, before the quote, by
        /// narration that acts on no one else of that gender.
        var subjectOfParagraph = false
        /// The definite description that attributed the quote when it names no one the text names
        /// ("said the valet"), as written: a speaker of the conversation all the same.
        var described: String?
    }

    /// A person named as the addressee of a quote: a name set off by a comma at the start of the
    /// quote ("Henry, I won't go", "Now then, Pooh, where's your boat?") or at its end ("Have you
    /// hurt yourself, Margaret?"), else at the start or the end of a sentence inside it, or the
    /// whole quote ("Edna!").
    func vocative(in range: Range<Int>, _ quote: QuoteSpan, parser: PhraseParser) -> (words: [String], title: String?)? {
        let tokens = parser.tokens, texts = parser.texts, lowers = parser.lowers
        func isNameWord(_ k: Int) -> Bool {
            tokens[k].isWord && tokens[k].isCapitalized && parser.flags[k].isDisjoint(with: [.nonNameWord, .pronoun, .cueForm, .title])
        }
        /// The name in tokens lo..<hi: an optional title, then one to three name words, after at
        /// most two words of address ("my dear Watson"); with `address`, only words of that set,
        /// capitalised or not ("Dearest Robert").
        func named(_ lo: Int, _ hi: Int, address: Set<String>? = nil) -> (words: [String], title: String?)? {
            var k = lo
            while k < hi - 1, k - lo < 2, tokens[k].isWord, address.map({ $0.contains(lowers[k]) }) ?? !isNameWord(k),
                  parser.flags[k].isDisjoint(with: [.title, .pronoun, .preposition, .conjunction]) { k += 1 }
            var title: String?
            if k < hi, parser.has(k, .title) {
                title = texts[k]
                k += 1
                if k < hi, tokens[k].mark == .period { title! += "."; k += 1 }
            }
            guard hi - k >= 1, hi - k <= 3, (k..<hi).allSatisfy({ isNameWord($0) }) else { return nil }
            // One common word is an exclamation ("Nay, …", "Well, …"), not a name, unless a first name.
            if title == nil, hi - k == 1, parser.firstName(k) == nil, parser.isCommonWord(lowers[k]) { return nil }
            return (Array(texts[k..<hi]), title)
        }
        let words = range.filter { tokens[$0].start >= quote.contentStart && tokens[$0].end <= quote.contentEnd }
        guard let lo = words.first, let hi = words.last else { return nil }
        /// Whether the words after the comma at `k` to the end of their sentence are a reference tag
        /// of the rules ("Mr. Allen, you mean."): the name before the comma is then what the
        /// sentence says, not whom it calls.
        func isReferenceTag(after k: Int) -> Bool {
            guard !lexicon.referenceTags.isEmpty else { return false }
            var words: [String] = []
            var e = k + 1
            while e < tokens.count, tokens[e].sentence == tokens[k].sentence, words.count <= 4 {
                if tokens[e].isWord { words.append(lowers[e]) } else if tokens[e].mark != .none { break }
                e += 1
            }
            return !words.isEmpty && lexicon.referenceTags.contains(words.joined(separator: " "))
                && (e >= tokens.count || tokens[e].sentence != tokens[k].sentence || [.period, .question].contains(tokens[e].mark))
        }
        /// The name at the start or at the end of tokens lo...hi.
        func framed(_ lo: Int, _ hi: Int) -> (words: [String], title: String?)? {
            // Start: the first comma within four tokens; the name is the segment before it, after an
            // interjection and its comma ("Now then, Pooh,").
            var segmentStart = lo
            for k in lo...min(hi, lo + 6) where tokens[k].mark == .comma {
                if let p = named(segmentStart, k) { return isReferenceTag(after: k) ? nil : p }
                segmentStart = k + 1
            }
            // End: ", NAME" before the closing punctuation.
            var end = hi + 1
            while end > lo, !tokens[end - 1].isWord { end -= 1 }
            var k = end - 1
            while k > lo, end - k <= 4, tokens[k - 1].mark != .comma { k -= 1 }
            if k > lo, tokens[k - 1].mark == .comma, let p = named(k, end) { return p }
            return nil
        }
        if let p = framed(lo, hi) { return p }
        // Else at the start or the end of a sentence inside the quote ("But really, Marilla, one
        // can't stay sad", "It is extremely mortifying, Marilla. Even Diana …").
        var s = lo
        while s <= hi {
            var e = s
            while e < hi, tokens[e + 1].sentence == tokens[s].sentence { e += 1 }
            if s != lo || e != hi, let p = framed(s, e) { return p }
            s = e + 1
        }
        var end = hi + 1
        while end > lo, !tokens[end - 1].isWord { end -= 1 }
        // A call: the quote is nothing but a name and an exclamation mark, after words of address
        // only ("Edna!", "My dear Caroline!"; not "Here comes Robert!", "Not Mr. Holmes!"). ("Edna?"
        // is as often a question about her as a call.)
        if end <= hi, tokens[end].mark == .exclamation, let p = named(lo, end, address: lexicon.callWords) { return p }
        return nil
    }

    /// Conversations: runs of consecutive paragraphs that each hold a quote. When exactly two
    /// people speak in a run's attributed turns, the turns with no cue of their own alternate
    /// between them, counted from the nearest attributed turn; the other quotes of a paragraph
    /// follow its first.
    func takeTurns(_ records: inout [QuoteRecord], _ info: [TurnInfo], people: People, followOn: String, followOnConfidence: Double,
                           minExchanges: Int, minRunExchanges: Int) {
        // Only a text written in dialogue: one with enough exchanges, paragraphs next to each other
        // attributed by frames to two different people. (In news, a quote that opens the next
        // paragraph usually continues the same speaker.)
        var exchanges = 0
        var previousHead: Int?
        for k in records.indices {
            if let h = previousHead, info[k].firstParagraph == info[h].lastParagraph { continue }
            if let h = previousHead, info[k].firstParagraph == info[h].lastParagraph + 1, info[h].anchored, info[k].anchored,
               let a = info[h].person, let b = info[k].person, a != b {
                exchanges += 1
            }
            previousHead = k
        }
        let dialogueText = exchanges >= minExchanges
        // In such a text a paragraph is one turn: quotes that no cue attributes take the speaker
        // of the quote their paragraph attributes after them ("…" She turned. "…," she said).
        var info = info
        if dialogueText {
            for k in records.indices.reversed() where info[k].anchored && info[k].firstParagraph == info[k].lastParagraph {
                guard let p = info[k].person else { continue }
                var h = k - 1
                while h >= 0, info[h].lastParagraph == info[k].firstParagraph, records[h].speaker == nil {
                    records[h].speaker = records[k].speaker
                    records[h].speakerMention = records[k].speakerMention
                    records[h].cue = records[k].cue
                    records[h].rule = followOn
                    records[h].confidence = ((records[k].confidence * followOnConfidence) * 1000).rounded() / 1000
                    info[h].person = p
                    info[h].anchored = true
                    info[h].pronoun = info[k].pronoun
                    info[h].byName = info[k].byName
                    h -= 1
                }
            }
        }
        // Nobody addresses themselves by name: a quote with no cue of its own that names the
        // person it would continue ("Edmund, the bus never came") is the nearest other speaker's.
        var assigned = info.map(\.person)
        defer {
            for k in records.indices where !info[k].anchored {
                guard let addressee = info[k].addressee, assigned[k] == addressee else { continue }
                let nearby = (max(0, k - 4)..<min(records.count, k + 5)).filter {
                    info[$0].anchored && assigned[$0] != nil && assigned[$0] != addressee
                }
                guard let other = nearby.min(by: { abs($0 - k) < abs($1 - k) }) else { continue }
                records[k].speaker = records[other].speaker
                records[k].speakerMention = records[other].speakerMention
                records[k].cue = records[other].cue
                records[k].confidence = ((records[other].confidence * 0.7) * 1000).rounded() / 1000
                assigned[k] = assigned[other]
            }
        }
        /// How a turn given to someone is attributed: only the speaker changes (`nil`), or the turn
        /// becomes a follow-on of `source`'s mention and cue (none when nil) with its confidence
        /// (else `fallback`) scaled by `factor`.
        struct Attribution {
            var source: QuoteRecord?
            var factor: Double
            var fallback: Double = 0.5
            var keepsMentionAndCue = false
        }
        /// Gives the turn that starts at record `head` to `person`, with the quotes after it in its
        /// paragraph that no frame attributed.
        func give(_ head: Int, to person: Int, _ attribution: Attribution?) {
            var k = head
            repeat {
                records[k].speaker = people.persons[person].canonical
                assigned[k] = person
                if let a = attribution {
                    if !a.keepsMentionAndCue {
                        records[k].speakerMention = a.source?.speakerMention
                        records[k].cue = a.source?.cue
                    }
                    records[k].rule = followOn
                    records[k].confidence = (((a.source?.confidence ?? a.fallback) * a.factor) * 1000).rounded() / 1000
                }
                k += 1
            } while k < records.count && info[k].firstParagraph == info[head].lastParagraph && !info[k].anchored
        }
        // The two speakers of the last conversation, who spoke last in it, and where it ended.
        var lastExchange: (speakers: Set<Int>, last: Int, paragraph: Int)?
        var i = 0
        while i < records.count {
            // A run: the first quotes of consecutive paragraphs.
            var heads = [i]
            var j = i + 1
            while j < records.count {
                if info[j].firstParagraph == info[heads.last!].lastParagraph { j += 1; continue }
                guard info[j].firstParagraph == info[heads.last!].lastParagraph + 1 else { break }
                heads.append(j)
                j += 1
            }
            defer { i = j }
            // A conversation counts in a text not written in dialogue when it has enough
            // exchanges of its own.
            if !dialogueText {
                let own = zip(heads, heads.dropFirst()).filter { h, k in
                    info[h].anchored && info[k].anchored && info[h].person != nil && info[k].person != nil && info[h].person != info[k].person
                }.count
                guard own >= minRunExchanges else { continue }
            }
            var anchors = heads.indices.filter { info[heads[$0]].anchored && info[heads[$0]].person != nil }
            var anchorPerson = Dictionary(uniqueKeysWithValues: anchors.map { ($0, info[heads[$0]].person!) })
            // No cue at all right after a two-person conversation and a line of narration: the
            // same two people, taking turns from where they stopped.
            if anchors.isEmpty, dialogueText, let previous = lastExchange, info[heads[0]].firstParagraph <= previous.paragraph + 2 {
                var other = previous.speakers.first { $0 != previous.last }!
                var last = previous.last
                // A line of narration about the last speaker alone: they go on.
                let narrated = people.named(afterParagraph: previous.paragraph, before: info[heads[0]].token)
                if narrated.contains(last), !narrated.contains(other) { swap(&other, &last) }
                for (t, head) in heads.enumerated() {
                    let speaksNow = t % 2 == 0 ? other : last
                    if info[head].addressee == speaksNow { break }
                    if info[head].anchored { continue }
                    give(head, to: speaksNow, Attribution(source: nil, factor: 1, fallback: 0.3, keepsMentionAndCue: true))
                }
                continue
            }
            // A run with no turn attributed by a cue but a name called: the person called answers
            // in the next turn ("Well, Tony, how do you feel?" "Awful.").
            if anchors.isEmpty, dialogueText {
                for t in 1..<max(1, heads.count) where !info[heads[t]].anchored {
                    guard let called = info[heads[t - 1]].addressee, info[heads[t]].addressee != called else { continue }
                    anchorPerson[t] = called
                }
                // And the person the next turn calls by name spoke this one ("Where?" "In the pot,
                // Harriet.").
                for t in 0..<max(0, heads.count - 1) where !info[heads[t]].anchored && anchorPerson[t] == nil {
                    guard let called = info[heads[t + 1]].addressee, info[heads[t]].addressee != called else { continue }
                    anchorPerson[t] = called
                }
                anchors = anchorPerson.keys.sorted()
            }
            defer {
                // Remember a two-person conversation for the lines after the next narration.
                let pair = Set(heads.compactMap { assigned[$0] })
                if pair.count == 2, let last = heads.last.flatMap({ assigned[$0] }) {
                    lastExchange = (pair, last, info[heads.last!].lastParagraph)
                } else {
                    lastExchange = nil
                }
            }
            var speakers = Set(anchors.map { anchorPerson[$0]! })
            // One person attributed: the other is the one addressed by name in the run.
            if speakers.count == 1, let addressed = heads.lazy.compactMap({ info[$0].addressee }).first(where: { !speakers.contains($0) }) {
                speakers.insert(addressed)
            }
            // A first-person narrator who has just said "I" in the narration is the other person.
            if speakers.count == 1, let narrator = people.narrator, !speakers.contains(narrator),
               people.saysI(before: info[heads[0]].token, within: 80) {
                speakers.insert(narrator)
            }
            // Else the other speaker of the conversation just before, when this one goes on with it.
            if speakers.count == 1, dialogueText, let previous = lastExchange, info[heads[0]].firstParagraph <= previous.paragraph + 2,
               previous.speakers.isSuperset(of: speakers) {
                speakers = previous.speakers
            }
            // Else the person last named before the run's first turn.
            if speakers.count == 1, let other = people.recentPerson(before: info[heads[0]].token, excluding: speakers) {
                speakers.insert(other)
            }
            // Three or more people: a turn with no cue goes back to the one before last.
            if speakers.count >= 3 {
                for t in 2..<max(2, heads.count) where !info[heads[t]].anchored {
                    guard let a = assigned[heads[t - 2]], let b = assigned[heads[t - 1]], a != b else { continue }
                    give(heads[t], to: a, Attribution(source: records[heads[t - 2]], factor: 0.6))
                }
                continue
            }
            guard speakers.count == 2, heads.count >= 2, !anchors.isEmpty else { continue }
            // In a two-person conversation each speaks to the other.
            defer {
                for k in heads[0]..<j where records[k].addressee == nil {
                    guard let s = assigned[k], speakers.contains(s), let other = speakers.first(where: { $0 != s }) else { continue }
                    records[k].addressee = people.persons[other].canonical
                }
            }
            // "said the other": the one who did not speak the turn before.
            if let others = lexicon.followOn?.rule.otherParticipant, !others.isEmpty {
                for (t, head) in heads.enumerated() where t > 0 && info[head].anchored {
                    guard info[head].described == nil, let text = records[head].speakerMention?.text.lowercased(), others.contains(text),
                          let before = assigned[heads[t - 1]], let other = speakers.first(where: { $0 != before }) else { continue }
                    give(head, to: other, nil)
                }
            }
            var turnsOf: [Int: Int] = [:]
            for p in anchorPerson.values { turnsOf[p, default: 0] += 1 }
            // Turns a he/she keeps against the count (below) count like turns attributed by name
            // for the turns after them.
            var kept = Set<Int>()
            for (t, head) in heads.enumerated() where !info[head].anchored || info[head].pronoun != nil {
                let named = anchors.filter { info[heads[$0]].pronoun == nil || kept.contains($0) }
                let nearest = (named.isEmpty ? anchors : named).min(by: { abs($0 - t) < abs($1 - t) })!
                var speaksNow = anchorPerson[nearest]!
                if (t - nearest) % 2 != 0 { speaksNow = speakers.first { $0 != speaksNow }! }
                if let gender = info[head].pronoun {
                    // "he said": the one of the two with that gender; when both have it, the one
                    // whose turn it is counted from the nearest turn attributed by name.
                    let fitting = speakers.filter { people.persons[$0].gender == gender }
                    if fitting.count == 1 {
                        speaksNow = fitting.first!
                    } else if fitting.count == 2, let named = anchors.filter({ info[heads[$0]].pronoun == nil && $0 != t })
                                .min(by: { abs($0 - t) < abs($1 - t) }) {
                        speaksNow = anchorPerson[named]!
                        if (t - named) % 2 != 0 { speaksNow = speakers.first { $0 != speaksNow }! }
                    } else {
                        continue
                    }
                    // A newcomer the narration has just made its subject keeps the turn: no other
                    // turn of the run is attributed to them. So does the subject of narration that
                    // opens the quote's own paragraph ("Mr. Kemp looked over his shoulder. "Ah
                    // yes," he said"): the paragraph is theirs, whatever the count of turns says.
                    if speaksNow == info[head].person || info[head].bySubject && info[head].person.map({ turnsOf[$0] == 1 }) == true { continue }
                    if info[head].subjectOfParagraph {
                        kept.insert(t)
                        continue
                    }
                    // Nor does the person the quote calls by name speak it.
                    if info[head].addressee == speaksNow { continue }
                    give(head, to: speaksNow, nil)
                    continue
                }
                // Nobody is addressed by name by themselves.
                if info[head].addressee == speaksNow { speaksNow = speakers.first { $0 != speaksNow }! }
                // The mention that names this speaker: the nearest attributed turn of theirs, if any.
                let own = anchors.filter { info[heads[$0]].anchored && anchorPerson[$0] == speaksNow }.min(by: { abs($0 - t) < abs($1 - t) })
                give(head, to: speaksNow, Attribution(source: own.map { records[heads[$0]] }, factor: 0.7))
            }
        }
    }
}
