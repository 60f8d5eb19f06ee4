import ArgumentParser
import Foundation
import QuoteKit

/// Reads user rule folders (`DIR/LANG/.../NAME.yaml`) for layering over the built-in rules.
enum RuleDirectoryLoader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func sources(in directory: String) throws -> [RuleSource] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(description: "\(directory): no such rules folder")
        }
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw Failure(description: "\(directory): cannot list the folder")
        }
        var result: [RuleSource] = []
        for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            let display = (directory.hasSuffix("/") ? directory : directory + "/") + relative
            // Read no more than the decoder accepts: it reports a longer file as over the limit.
            guard let handle = FileHandle(forReadingAtPath: url.path),
                  let data = try? handle.read(upToCount: RuleLimits.maxFileBytes + 1) ?? Data() else {
                throw Failure(description: "\(display): cannot read the file")
            }
            try? handle.close()
            result.append(RuleSource(path: display, relativePath: relative, contents: String(decoding: data, as: UTF8.self)))
        }
        return result.sorted { $0.relativePath < $1.relativePath }
    }

    /// The built-in rules layered with `directories`; prints diagnostics to stderr.
    static func ruleSet(layering directories: [String]) throws -> RuleSet {
        if directories.isEmpty { return RuleSet.builtIn }
        let layers = try directories.map(sources(in:))
        let (set, diagnostics) = RuleSet.builtIn(layering: layers)
        for d in diagnostics { Console.error(d.description) }
        guard let set else { throw Failure(description: "the rules have errors (see above)") }
        return set
    }

    /// The rule set (built-in rules layered with `directories`) and an extractor for `language`;
    /// on a problem, says why on stderr and exits 1 (bad rules) or 64 (unknown language).
    static func extractor(layering directories: [String], language: String) throws -> (RuleSet, QuoteExtractor) {
        let set: RuleSet
        do {
            set = try ruleSet(layering: directories)
        } catch {
            Console.error("quotekit: error: \(error)")
            throw ExitCode.failure
        }
        do {
            return (set, try QuoteExtractor(ruleSet: set, language: language))
        } catch {
            Console.error("quotekit: error: \(error)")
            throw ExitCode(64)
        }
    }
}
