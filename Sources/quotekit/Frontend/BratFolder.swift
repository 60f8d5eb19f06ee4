import Foundation
import QuoteKit

/// A folder of brat standoff files: `annotation.conf` and `visual.conf`, then for each document
/// `NAME.txt` (its text) and `NAME.ann` (its records), and `documents.tsv`, which maps each NAME
/// to its document id. Names come from the ids (``BratExporter/fileName(for:)``), made unique
/// with `-2`, `-3`, … when two ids give the same name.
final class BratFolder {
    private let url: URL
    private var used: Set<String> = []
    private var index = "name\tid\n"
    private let exporter = BratExporter()

    init(path: String) throws {
        url = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RuleDirectoryLoader.Failure(description: "\(path): exists and is not a folder (--format brat writes a folder)")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try write("annotation.conf", BratExporter.annotationConf)
            try write("visual.conf", BratExporter.visualConf)
        } catch let error as RuleDirectoryLoader.Failure {
            throw error
        } catch {
            throw RuleDirectoryLoader.Failure(description: "\(path): cannot create the folder: \(error.localizedDescription)")
        }
    }

    private func write(_ name: String, _ contents: String) throws {
        let file = url.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(contents.utf8)) else {
            throw RuleDirectoryLoader.Failure(description: "\(file.path): cannot write the file")
        }
    }

    func write(_ document: Document, _ records: [QuoteRecord]) throws {
        let base = BratExporter.fileName(for: document.id)
        var name = base
        var k = 1
        while used.contains(name.lowercased()) || ["annotation", "visual", "documents"].contains(name.lowercased()) {
            k += 1
            name = "\(base)-\(k)"
        }
        used.insert(name.lowercased())
        try write(name + ".txt", document.text)
        try write(name + ".ann", exporter.annotations(records, text: document.text))
        index += "\(name)\t\(document.id.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " "))\n"
    }

    func finish() throws {
        try write("documents.tsv", index)
    }
}
