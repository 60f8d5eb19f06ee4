/// A claim file that could not be read in full: the line and what is wrong there.
public struct ClaimProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the file (of a CSV record's first line).
    public var line: Int
    public var message: String
    public var description: String { "\(line): error: \(message)" }
}

/// Reads claims to verify in batch: a CSV file with a header row (a `text` column; `speaker` and
/// `id` columns are optional, other columns are ignored) or a JSONL file (one object per line with
/// a string `text`, and optionally `speaker` (string or null) and `id` (string or number)).
/// A bad line is reported and the others are still read.
public enum ClaimReader {
    public enum Format: String, Sendable, CaseIterable {
        case csv, jsonl
    }

    public static func read(_ contents: String, format: Format) -> (claims: [Claim], problems: [ClaimProblem]) {
        switch format {
        case .csv: return readCSV(contents)
        case .jsonl: return readJSONL(contents)
        }
    }

    /// Why a claim is too long to verify, or nil.
    static func tooLong(_ text: String) -> String? {
        let words = WordSequence(text).count
        return words > QuoteIndex.maxClaimWords ? QuoteIndex.ClaimTooLong(words: words).description : nil
    }

    static func readJSONL(_ contents: String) -> (claims: [Claim], problems: [ClaimProblem]) {
        var claims: [Claim] = [], problems: [ClaimProblem] = []
        var number = 0
        // Split on line feed bytes: Swift reads "\r\n" as one Character, so a Character split
        // would not split a CRLF file.
        for line in contents.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var bytes = Array(line)
            if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var parser = JSONParser(bytes)
            let value: MetadataValue
            do {
                value = try parser.parseDocument()
            } catch {
                problems.append(ClaimProblem(line: number, message: "invalid JSON: \(error.description)"))
                continue
            }
            guard case .object(let fields) = value else {
                problems.append(ClaimProblem(line: number, message: "a claim must be a JSON object"))
                continue
            }
            var claim = Claim(text: "")
            var text: String?, bad: String?
            for (key, v) in fields {
                switch (key, v) {
                case ("text", .string(let s)): text = s
                case ("text", _): bad = "field \"text\" must be a string"
                case ("speaker", .string(let s)): claim.speaker = s.isEmpty ? nil : s
                case ("speaker", .null): claim.speaker = nil
                case ("speaker", _): bad = "field \"speaker\" must be a string or null"
                case ("id", .string(let s)), ("id", .number(let s)): claim.id = s
                case ("id", .null): claim.id = nil
                case ("id", _): bad = "field \"id\" must be a string, a number or null"
                default: break
                }
            }
            if let bad {
                problems.append(ClaimProblem(line: number, message: bad))
            } else if let text, !text.allSatisfy(\.isWhitespace) {
                if let tooLong = tooLong(text) {
                    problems.append(ClaimProblem(line: number, message: tooLong))
                    continue
                }
                claim.text = text
                claims.append(claim)
            } else {
                problems.append(ClaimProblem(line: number, message: text == nil ? "missing field \"text\"" : "field \"text\" is empty"))
            }
        }
        return (claims, problems)
    }

    static func readCSV(_ contents: String) -> (claims: [Claim], problems: [ClaimProblem]) {
        var claims: [Claim] = [], problems: [ClaimProblem] = []
        var rows: [(line: Int, fields: [String])] = []
        var scalars = Array(contents.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0, line = 1
        parsing: while i < scalars.count {
            let rowLine = line
            var fields: [String] = []
            var field = String.UnicodeScalarView()
            var quoted = false
            while true {
                if i == scalars.count {
                    if quoted {
                        problems.append(ClaimProblem(line: rowLine, message: "a quoted field is not closed before the end of the file"))
                        break parsing
                    }
                    fields.append(String(field))
                    break
                }
                let c = scalars[i]
                if quoted {
                    if c == "\"" {
                        if i + 1 < scalars.count, scalars[i + 1] == "\"" {
                            field.append("\"")
                            i += 2
                        } else {
                            quoted = false
                            i += 1
                        }
                        continue
                    }
                    if c == "\n" { line += 1 }
                    field.append(c)
                    i += 1
                    continue
                }
                if c == "\"" && field.isEmpty {
                    quoted = true
                    i += 1
                } else if c == "," {
                    fields.append(String(field))
                    field = String.UnicodeScalarView()
                    i += 1
                } else if c == "\r" || c == "\n" {
                    // A record ends at CRLF, LF or a lone CR (old Mac files).
                    fields.append(String(field))
                    i += c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
                    line += 1
                    break
                } else {
                    field.append(c)
                    i += 1
                }
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            rows.append((rowLine, fields))
        }
        guard let header = rows.first else {
            return (claims, problems.isEmpty ? [ClaimProblem(line: 1, message: "the file is empty: expected a header row with a \"text\" column")] : problems)
        }
        let names = header.fields.map { String($0.trimmingSpaces).lowercased() }
        guard let textColumn = names.firstIndex(of: "text") else {
            problems.insert(ClaimProblem(line: header.line, message: "the header row has no \"text\" column (found: \(names.joined(separator: ", ")))"), at: 0)
            return (claims, problems)
        }
        let speakerColumn = names.firstIndex(of: "speaker"), idColumn = names.firstIndex(of: "id")
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                problems.append(ClaimProblem(line: row.line, message: "expected \(names.count) fields as in the header, found \(row.fields.count)"))
                continue
            }
            let text = row.fields[textColumn]
            guard !text.allSatisfy(\.isWhitespace) else {
                problems.append(ClaimProblem(line: row.line, message: "the \"text\" field is empty"))
                continue
            }
            if let tooLong = tooLong(text) {
                problems.append(ClaimProblem(line: row.line, message: tooLong))
                continue
            }
            let speaker = speakerColumn.map { String(row.fields[$0].trimmingSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
            let id = idColumn.map { row.fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
            claims.append(Claim(id: id, text: text, speaker: speaker))
        }
        if rows.count == 1 && problems.isEmpty { problems.append(ClaimProblem(line: header.line, message: "the file has a header row but no claim")) }
        problems.sort { $0.line < $1.line }
        return (claims, problems)
    }
}
