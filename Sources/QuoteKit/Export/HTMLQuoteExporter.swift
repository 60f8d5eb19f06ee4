/// One self-contained HTML page (inline style, no script, no external resource) for review by a
/// person: each document's text with every quote highlighted in its speaker's colour, its cue
/// and speaker mention marked, the speaker's name after the quote, and a table of the
/// document's speakers; at the end, a table of the corpus's speakers.
///
/// Each highlighted piece of a quote is `<mark class="q …" data-q="RECORD-ID">`, so that a
/// script or a browser test can find every record in the page.
public struct HTMLQuoteExporter: QuoteExporter {
    public static let identifier = "html"
    private var table = SpeakerTable()
    private var documents = 0
    private let title: String

    public init(title: String = "QuoteKit: quotes and speakers") {
        self.title = title
    }

    static let palette = ["#ffe08a", "#b8e1ff", "#ffc4d6", "#c9f2c2", "#e2d0ff", "#ffd3a8", "#bff0ec", "#f3f0a0"]

    public mutating func begin() -> String {
        table = SpeakerTable()
        documents = 0
        var css = """
            body{font:16px/1.55 Georgia,serif;margin:2em auto;max-width:52em;padding:0 1em;color:#222}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2.5em;border-top:1px solid #ccc;padding-top:1em}
            .meta{color:#666;font-size:.9em}.text{white-space:pre-wrap}
            mark.q{border-radius:2px;padding:0 1px;color:inherit}
            mark.q.none{background:#e4e4e4}
            .cue{border-bottom:2px solid #2e8b57}.spk{font-weight:bold;border-bottom:2px dotted #555}
            sup.who{font:11px/1 sans-serif;border-radius:3px;padding:1px 4px;margin-left:2px;white-space:nowrap}
            table{border-collapse:collapse;margin:1em 0;font:14px/1.4 sans-serif}
            td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}td.n{text-align:right}
            .legend span{margin-right:1.5em}

            """
        for (i, color) in Self.palette.enumerated() { css += ".s\(i){background:\(color)}\n" }
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(Self.escape(title))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
            + "<h1>\(Self.escape(title))</h1>\n<p class=\"legend\"><span><mark class=\"q s0\">quote</mark> (coloured by speaker)</span>"
            + "<span><span class=\"spk\">speaker mention</span></span><span><span class=\"cue\">cue</span></span>"
            + "<span><mark class=\"q none\">no speaker</mark></span></p>\n"
    }

    /// Without the document's text: a list of the records.
    public mutating func export(_ records: [QuoteRecord]) -> String {
        table.add(records)
        var out = ""
        for r in records {
            out += "<p><mark class=\"q none\" data-q=\"\(r.id)\">\(Self.escape(r.text))</mark> <sup class=\"who none\">\(Self.escape(r.speaker ?? "unknown"))</sup></p>\n"
        }
        return out
    }

    public mutating func export(_ records: [QuoteRecord], of document: Document) -> String {
        table.add(records)
        documents += 1
        var out = "<section class=\"doc\">\n<h2>\(Self.escape(document.id))</h2>\n"
        var meta: [String] = []
        for (key, value) in document.metadata {
            guard ["title", "url", "date", "source", "author"].contains(key), case .string(let s) = value else { continue }
            if key == "url", s.hasPrefix("https://") || s.hasPrefix("http://") {
                meta.append("<a href=\"\(Self.escape(s))\">\(Self.escape(s))</a>")
            } else {
                meta.append("\(key): \(Self.escape(s))")
            }
        }
        if !meta.isEmpty { out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n" }

        // Colours: the document's speakers in order of first quote.
        var colour: [String: Int] = [:]
        var counts: [(String, Int, String)] = []
        for r in records {
            guard let s = r.speaker else { continue }
            if let i = colour[s] {
                counts[i].1 += 1
            } else {
                colour[s] = counts.count
                counts.append((s, 1, r.text))
            }
        }
        func cls(_ r: QuoteRecord) -> String { r.speaker.flatMap { colour[$0] }.map { "s\($0 % Self.palette.count)" } ?? "none" }
        if !counts.isEmpty || records.contains(where: { $0.speaker == nil }) {
            out += "<table class=\"speakers\">\n<tr><th>speaker</th><th>quotes</th><th>first quote</th></tr>\n"
            for (i, (name, n, first)) in counts.enumerated() {
                let short = first.count > 90 ? String(first.prefix(90)) + "…" : first
                out += "<tr><td><mark class=\"q s\(i % Self.palette.count)\">\(Self.escape(name))</mark></td><td class=\"n\">\(n)</td><td>\(Self.escape(short))</td></tr>\n"
            }
            let none = records.filter { $0.speaker == nil }.count
            if none > 0 { out += "<tr><td><mark class=\"q none\">no speaker</mark></td><td class=\"n\">\(none)</td><td></td></tr>\n" }
            out += "</table>\n"
        }

        // The text, cut at every boundary of a quote, cue or mention.
        let scalars = Array(document.text.unicodeScalars)
        let n = scalars.count
        var boundaries = Set([0, n])
        var cues: [(Range<Int>, Int)] = [], mentions: [(Range<Int>, Int)] = []
        var ends: [Int: [Int]] = [:]
        for (k, r) in records.enumerated() where r.start < r.end && r.end <= n {
            boundaries.insert(r.start)
            boundaries.insert(r.end)
            ends[r.end, default: []].append(k)
            for (span, list) in [(r.cue, 0), (r.speakerMention, 1)] {
                guard let span, span.start < span.end, span.end <= n else { continue }
                boundaries.insert(span.start)
                boundaries.insert(span.end)
                if list == 0 { cues.append((span.start..<span.end, k)) } else { mentions.append((span.start..<span.end, k)) }
            }
        }
        let cuts = boundaries.sorted()
        // Sweeps: spans sorted by start enter the active lists as the cuts pass their start and
        // leave them at their end, so that the page is written in time linear in its pieces.
        struct Sweep {
            var spans: [(Range<Int>, Int)]
            var next = 0
            var active: [(Range<Int>, Int)] = []
            init(_ spans: [(Range<Int>, Int)]) { self.spans = spans.sorted { $0.0.lowerBound < $1.0.lowerBound } }
            mutating func at(_ lo: Int) -> [(Range<Int>, Int)] {
                while next < spans.count, spans[next].0.lowerBound <= lo { active.append(spans[next]); next += 1 }
                active.removeAll { $0.0.upperBound <= lo }
                return active
            }
        }
        var quotes = Sweep(records.indices.filter { records[$0].start < records[$0].end && records[$0].end <= n }.map { (records[$0].start..<records[$0].end, $0) })
        var cueSweep = Sweep(cues), mentionSweep = Sweep(mentions)
        out += "<div class=\"text\">"
        for (lo, hi) in zip(cuts, cuts.dropFirst()) where lo < hi {
            var piece = Self.escape(String(String.UnicodeScalarView(scalars[lo..<hi])))
            if let m = mentionSweep.at(lo).first {
                piece = "<span class=\"spk\" title=\"\(Self.escape(records[m.1].speaker ?? "unknown speaker"))\">\(piece)</span>"
            }
            if !cueSweep.at(lo).isEmpty { piece = "<span class=\"cue\">\(piece)</span>" }
            // The innermost quote: the one that starts last.
            if let (_, k) = quotes.at(lo).max(by: { $0.0.lowerBound < $1.0.lowerBound }) {
                let r = records[k]
                let tip = "\(r.speaker ?? "unknown speaker") · \(r.rule) · \(JSONWriter.confidence(r.confidence))"
                piece = "<mark class=\"q \(cls(r))\" data-q=\"\(r.id)\" title=\"\(Self.escape(tip))\">\(piece)</mark>"
            }
            out += piece
            for k in ends[hi] ?? [] {
                out += "<sup class=\"who \(cls(records[k]))\">\(Self.escape(records[k].speaker ?? "?"))</sup>"
            }
        }
        out += "</div>\n</section>\n"
        return out
    }

    public mutating func end() -> String {
        var out = ""
        let rows = table.sorted()
        if !rows.isEmpty {
            out += "<h2>Speakers of the corpus</h2>\n<table class=\"speakers\">\n<tr><th>speaker</th><th>quotes</th><th>documents</th></tr>\n"
            for r in rows {
                out += "<tr><td>\(Self.escape(r.speaker ?? "no speaker"))</td><td class=\"n\">\(r.quotes)</td><td class=\"n\">\(r.documents)</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out + "</body>\n</html>\n"
    }

    /// `s` with `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
