/// Writes the answers of `quotekit verify`: one JSON object per claim, or text for a person.
public enum VerificationWriter {
    /// One claim's answer as a JSON object on one line (keys in a fixed order).
    public static func json(_ v: Verification) -> String {
        var out = "{\"claim\":{\"id\":"
        optional(v.claim.id, into: &out)
        out.append(",\"text\":")
        JSONWriter.string(v.claim.text, into: &out)
        out.append(",\"speaker\":")
        optional(v.claim.speaker, into: &out)
        out.append("},\"verdict\":\"\(v.verdict.rawValue)\",\"flags\":")
        flags(v.flags, into: &out)
        out.append(",\"candidates\":[")
        for (i, c) in v.candidates.enumerated() {
            if i > 0 { out.append(",") }
            out.append("{\"doc\":")
            JSONWriter.string(c.doc, into: &out)
            out.append(",\"start\":\(c.start),\"end\":\(c.end),\"text\":")
            JSONWriter.string(c.text, into: &out)
            out.append(",\"verdict\":\"\(c.verdict.rawValue)\",\"similarity\":")
            out.append(JSONWriter.confidence(c.similarity))
            out.append(",\"flags\":")
            flags(c.flags, into: &out)
            out.append(",\"speaker\":")
            optional(c.speaker, into: &out)
            out.append(",\"diff\":[")
            for (k, e) in c.diff.enumerated() {
                if k > 0 { out.append(",") }
                out.append("{\"op\":\"\(e.kind.rawValue)\",\"source\":")
                JSONWriter.string(e.source, into: &out)
                out.append(",\"claim\":")
                JSONWriter.string(e.claim, into: &out)
                out.append(",\"start\":\(e.start),\"end\":\(e.end)}")
            }
            out.append("],\"full_quote\":")
            JSONWriter.span(c.fullQuote, into: &out)
            out.append(",\"omitted_before\":")
            optional(c.omittedBefore, into: &out)
            out.append(",\"omitted_after\":")
            optional(c.omittedAfter, into: &out)
            out.append(",\"record\":")
            if let r = c.record { JSONWriter.record(r, into: &out) } else { out.append("null") }
            out.append("}")
        }
        out.append("]}")
        return out
    }

    /// One claim's answer as a few lines of text.
    public static func text(_ v: Verification, number: Int) -> String {
        var out = "claim \(v.claim.id ?? String(number)): \u{201C}\(v.claim.text)\u{201D}"
        if let s = v.claim.speaker { out += " (\(s))" }
        out += "\n  verdict: \(([v.verdict.rawValue] + v.flags.map(\.rawValue)).joined(separator: ", "))\n"
        for c in v.candidates {
            out += "  \(c.doc) [\(c.start), \(c.end)] \(([c.verdict.rawValue] + c.flags.map(\.rawValue)).joined(separator: ", "))"
            out += c.verdict == .altered ? ", similarity \(JSONWriter.confidence(c.similarity))\n" : "\n"
            out += "    source: \u{201C}\(c.text)\u{201D}\n"
            if let r = c.record {
                out += "    speaker: \(r.speaker ?? "unknown")" + (r.cue.map { " (cue: \($0.text))" } ?? "") + "\n"
            }
            for e in c.diff {
                switch e.kind {
                case .changed: out += "    changed: \u{201C}\(e.source)\u{201D} -> \u{201C}\(e.claim)\u{201D}\n"
                case .added: out += "    added: \u{201C}\(e.claim)\u{201D}\n"
                case .removed: out += "    removed: \u{201C}\(e.source)\u{201D}\n"
                }
            }
            if let q = c.fullQuote { out += "    full quote: \u{201C}\(q.text)\u{201D}\n" }
            if let b = c.omittedBefore { out += "    left out before: \u{201C}\(b)\u{201D}\n" }
            if let a = c.omittedAfter { out += "    left out after: \u{201C}\(a)\u{201D}\n" }
        }
        return out
    }

    private static func optional(_ s: String?, into out: inout String) {
        if let s { JSONWriter.string(s, into: &out) } else { out.append("null") }
    }

    private static func flags(_ flags: [VerificationFlag], into out: inout String) {
        out.append("[" + flags.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]")
    }
}
