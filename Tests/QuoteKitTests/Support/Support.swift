import Foundation
import QuoteKit

/// Paths inside the package, found from this file's location.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var samples: URL { root.appendingPathComponent("Samples") }
    static var fixtures: URL { root.appendingPathComponent("Tests/QuoteKitTests/Fixtures") }
}

/// One extractor with the built-in rules for the whole test run (ICU iterators are not
/// thread-safe, so tests that run concurrently make their own).
func extract(_ text: String, id: String = "t") throws -> [QuoteRecord] {
    try QuoteExtractor().extract(text: text, documentID: id)
}

/// The quoted texts of `records`.
func quotes(_ records: [QuoteRecord]) -> [String] { records.map(\.text) }
