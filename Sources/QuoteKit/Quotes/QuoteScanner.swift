/// A quotation found by pairing marks: byte offsets of its opening and closing marks.
struct QuoteSpan: Sendable {
    var openStart: Int, openEnd: Int
    var closeStart: Int, closeEnd: Int
    /// Paragraphs where it opens and closes (equal unless the quote runs over several).
    var firstParagraph: Int, lastParagraph: Int
    /// The content: between the marks, without surrounding whitespace.
    var contentStart: Int, contentEnd: Int
}

/// Pairs quotation marks paragraph by paragraph. Linear in the text's length.
///
/// - A straight or otherwise two-way mark opens when it is followed by a non-space and not
///   preceded by a letter, and closes when it is preceded by a non-space and not followed by a
///   letter (or stands between spaces while a quote is open); a one-way mark (« ») keeps its
///   direction.
/// - A mark that is also an apostrophe never counts between two letters, nor before an elided
///   word ('em, ’90s), nor as a closing mark when no quote it could close is open.
/// - A mark right after `=` delimits a markup attribute's value (`href="…"`), not a quote.
/// - A quote nested in an open quote belongs to it: only outermost quotes are returned (but
///   when an unclosed outermost quote is dropped, the quotes directly inside it are).
/// - With dialogue dashes in the rules, a paragraph that starts with one is a line of dialogue,
///   quoted to its end.
/// - A quote still open at the end of a paragraph continues when the next paragraph starts
///   with an opening mark of the same pair (a multi-paragraph quote), or when the paragraph
///   breaks off mid-sentence and the next one goes on in lowercase (a page break in a scanned
///   text); otherwise it is dropped, so an unclosed mark never swallows the rest of the document.
/// - An excerpt may start or stop inside a quotation: a closing mark that is the text's first
///   mark closes a quote opened before the text, and a lone mark left open in the last
///   paragraph (opening it or after punctuation) runs to the text's end.
struct QuoteScanner {
    let table: QuoteMarkTable
    /// Deeper nesting than this is ignored (keeps hostile input linear).
    let maxDepth = 16

    private struct Open {
        var start: Int, end: Int, pair: Int, paragraph: Int
    }

    func scan(_ text: TextBuffer, paragraphs: [Range<Int>]) -> [QuoteSpan] {
        text.bytes.withUnsafeBufferPointer { bytes in scan(bytes, text: text, paragraphs: paragraphs) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, text: TextBuffer, paragraphs: [Range<Int>]) -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var stack: [Open] = []
        // Quotes closed directly inside the open outermost quote: output only if it is dropped.
        var inner: [QuoteSpan] = []
        // Openers ignored because the stack was full, by pair: their closers are skipped too.
        var ignored = [Int](repeating: 0, count: table.pairCount)
        var resumeAt = -1
        // Until the first mark: a closing mark there means the text begins inside a quotation.
        var beforeFirstMark = true
        for (p, paragraph) in paragraphs.enumerated() {
            var i = max(paragraph.lowerBound, resumeAt)
            let end = paragraph.upperBound
            // A line of dialogue opened by a dash is a quote to the end of its paragraph; marks
            // inside it belong to the line (a quote within it is not output on its own).
            if stack.isEmpty, i == paragraph.lowerBound, case let d = table.dialogueDash(bytes, at: i, end: end), d > 0 {
                var s = i + d, e = end
                while s < e, isSpace(bytes[s]) || bytes[s] == 0xC2 && s + 1 < e && bytes[s + 1] == 0xA0 { s += bytes[s] == 0xC2 ? 2 : 1 }
                while e > s, isSpace(bytes[e - 1]) { e -= 1 }
                if s < e {
                    spans.append(QuoteSpan(openStart: i, openEnd: i + d, closeStart: end, closeEnd: end, firstParagraph: p, lastParagraph: p,
                                           contentStart: s, contentEnd: e))
                }
                inner.removeAll()
                continue
            }
            while i < end {
                guard var m = table.match(bytes, at: i, end: end) else { i += 1; continue }
                // Three apostrophes after a nested single quote close it, then the doubled mark
                // around it: ''... on 'Fox and Friends,''' said Vietor.
                if table.marks[m].bytes == [bytes[i], bytes[i]], i + 2 < end, bytes[i + 2] == bytes[i],
                   let top = stack.last, let single = table.match(bytes, at: i, end: i + 1),
                   table.marks[single].closes.contains(top.pair) {
                    m = single
                }
                let mark = table.marks[m]
                let markEnd = i + mark.bytes.count
                let firstMark = beforeFirstMark
                let prev: Unicode.Scalar? = i > paragraph.lowerBound ? text.scalar(before: i).0 : nil
                let next: Unicode.Scalar? = markEnd < end ? text.scalar(at: markEnd).0 : nil
                let before = CharClass(prev), after = CharClass(next)
                defer { i = markEnd }
                // A mark right after "=" is markup left in scraped text (href="…"), not a quote.
                if prev == "=" { continue }
                if mark.isApostrophe {
                    if before == .word && after == .word { continue }
                    if before != .word && after == .word && isElision(bytes, at: markEnd, end: end) { continue }
                    // A plural possessive before a word ("the Joneses' dog") is not a closing mark.
                    if before == .word, let p = prev, p == "s" || p == "S", after == .space, markEnd < end {
                        let spaceLength = text.scalar(at: markEnd).1
                        if markEnd + spaceLength < end, CharClass(text.scalar(at: markEnd + spaceLength).0) == .word { continue }
                    }
                }
                beforeFirstMark = false
                let canOpen = !mark.opens.isEmpty && stack.count < maxDepth
                let oneWayOpen = mark.closes.isEmpty
                let oneWayClose = mark.opens.isEmpty
                let leftFlanking = after != .space && before != .word
                let rightFlanking = before != .space && after != .word
                if stack.count >= maxDepth, let p = mark.closes.first(where: { ignored[$0] > 0 }),
                   oneWayClose || rightFlanking {
                    ignored[p] -= 1
                    continue
                }
                let target = stack.lastIndex { mark.closes.contains($0.pair) }
                if let k = target, oneWayClose ? !(mark.isApostrophe && !rightFlanking) : (mark.isApostrophe ? rightFlanking && !(leftFlanking && before == .space) : before != .space) {
                    close(k, at: i, markEnd, paragraph: p, &stack, &spans, &inner, text)
                } else if !mark.opens.isEmpty && stack.count >= maxDepth && (oneWayOpen || leftFlanking) {
                    ignored[mark.opens[0]] += 1
                } else if canOpen && (oneWayOpen ? true : leftFlanking) {
                    if mark.isApostrophe && !leftFlanking { continue }
                    stack.append(Open(start: i, end: markEnd, pair: mark.opens[0], paragraph: p))
                } else if let k = target, rightFlanking || (before == .space && after == .space && !mark.isApostrophe) {
                    // A two-way mark between spaces closes an open quote: `the "power of 'we' " and`.
                    close(k, at: i, markEnd, paragraph: p, &stack, &spans, &inner, text)
                } else if firstMark, p == 0, !mark.isApostrophe, !mark.closes.isEmpty,
                          oneWayClose || rightFlanking && [",", ".", "!", "?", "…", ";"].contains(prev ?? " ") {
                    // An excerpt that starts inside a quotation: the first paragraph's first mark
                    // closes a quote opened before the text (`… genug.« Er ging.`).
                    stack.append(Open(start: paragraph.lowerBound, end: paragraph.lowerBound, pair: mark.closes[0], paragraph: p))
                    close(0, at: i, markEnd, paragraph: p, &stack, &spans, &inner, text)
                }
            }
            // End of paragraph: continue the outermost quote if the next paragraph reopens it.
            for k in ignored.indices { ignored[k] = 0 }
            guard let outer = stack.first else { inner.removeAll(); continue }
            let openCount = stack.count
            stack.removeAll(keepingCapacity: true)
            if p + 1 < paragraphs.count {
                let next = paragraphs[p + 1]
                if let m = table.match(bytes, at: next.lowerBound, end: next.upperBound),
                   table.marks[m].opens.contains(outer.pair) {
                    stack.append(outer)
                    resumeAt = next.lowerBound + table.marks[m].bytes.count
                    continue
                }
                // A sentence broken off mid-way by a blank line (a page or column break in a
                // scanned text) runs on into a paragraph that starts in lowercase.
                if continuesSentence(bytes, text: text, paragraph: paragraph, next: next) {
                    stack.append(outer)
                    resumeAt = next.lowerBound
                    continue
                }
            }
            // At the end of the text a quote opened in its last paragraph runs to the end: the
            // excerpt stops inside it.
            // (Not a mark with quotes closed or opened inside it: that is a stray mark.)
            // (Only a quotation set off as such, opening the paragraph or after punctuation: a
            // stray mark right after a word of running text does not take the rest of it.)
            if p + 1 == paragraphs.count, outer.paragraph == p, inner.isEmpty, openCount == 1,
               opensBlock(bytes, text: text, at: outer.start, paragraph: paragraph) {
                stack = [outer]
                close(0, at: end, end, paragraph: p, &stack, &spans, &inner, text)
                continue
            }
            // The outer quote is dropped; the quotes closed inside it stand on their own:
            // `"“You don’t win by states,” Rubio said` has one stray mark, not a lost quote.
            spans += inner
            inner.removeAll()
        }
        return spans
    }

    private func close(_ k: Int, at start: Int, _ end: Int, paragraph: Int, _ stack: inout [Open], _ spans: inout [QuoteSpan],
                       _ inner: inout [QuoteSpan], _ text: TextBuffer) {
        let open = stack[k]
        stack.removeSubrange(k...)
        guard k <= 1 else { return }
        if k == 0 { inner.removeAll() }
        var s = open.end, e = start
        while s < e, isSpace(text.bytes[s]) { s += 1 }
        while e > s, isSpace(text.bytes[e - 1]) { e -= 1 }
        guard s < e else { return }
        let span = QuoteSpan(openStart: open.start, openEnd: open.end, closeStart: start, closeEnd: end,
                             firstParagraph: open.paragraph, lastParagraph: paragraph, contentStart: s, contentEnd: e)
        if k == 0 { spans.append(span) } else { inner.append(span) }
    }

    /// Whether the mark at `start` opens its paragraph or follows punctuation (a colon, the comma
    /// after an incise), not a word of running text (`He said "we will …`).
    private func opensBlock(_ bytes: UnsafeBufferPointer<UInt8>, text: TextBuffer, at start: Int, paragraph: Range<Int>) -> Bool {
        var b = start
        while b > paragraph.lowerBound, isSpace(bytes[b - 1]) { b -= 1 }
        guard b > paragraph.lowerBound else { return true }
        let before = text.scalar(before: b).0
        return !(before.properties.isAlphabetic || before.properties.numericType != nil)
    }

    /// Whether paragraph `paragraph` stops in mid-sentence (on a letter, a digit, a comma or a
    /// hyphen) and `next` goes on with a lowercase letter.
    private func continuesSentence(_ bytes: UnsafeBufferPointer<UInt8>, text: TextBuffer, paragraph: Range<Int>, next: Range<Int>) -> Bool {
        guard !next.isEmpty, !paragraph.isEmpty, text.scalar(at: next.lowerBound).0.properties.isLowercase else { return false }
        var e = paragraph.upperBound
        while e > paragraph.lowerBound, isSpace(bytes[e - 1]) { e -= 1 }
        guard e > paragraph.lowerBound else { return false }
        let last = text.scalar(before: e).0
        return last == "," || last == "-" || last.properties.isAlphabetic || last.properties.numericType != nil
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// Whether the word at `i` is an elision ('em, 'tis) or a decade ('90s).
    private func isElision(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Bool {
        var j = i
        while j < end, j - i < 12, bytes[j] < 0x80, (bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
        guard j > i else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self).lowercased()
        if let first = word.first, first.isNumber {
            return word.allSatisfy(\.isNumber) ? j - i == 2 : word.hasSuffix("s") && word.dropLast().allSatisfy(\.isNumber)
        }
        return table.elisions.contains(word)
    }
}
