import Foundation

/// A one-line progress report on standard error, for long runs in a terminal: documents read,
/// quotes written, megabytes and elapsed time, redrawn at most a few times a second. Silent when
/// standard error is not a terminal (a pipe, a file, a CI log), so output stays clean.
final class Progress {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private(set) var documents = 0
    private(set) var quotes = 0
    private(set) var bytes = 0

    init(enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.enabled = enabled
    }

    func add(documents: Int = 0, quotes: Int = 0, bytes: Int = 0) {
        self.documents += documents
        self.quotes += quotes
        self.bytes += bytes
        guard enabled else { return }
        let now = Date()
        // Short runs print nothing; long ones redraw four times a second.
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        draw(now)
    }

    private func draw(_ now: Date) {
        let seconds = now.timeIntervalSince(start)
        let mb = Double(bytes) / 1e6
        let line = String(format: "quotekit: %d documents, %d quotes, %.1f MB in %.0f s (%.1f MB/s)",
                          documents, quotes, mb, seconds, seconds > 0 ? mb / seconds : 0)
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Clears the line (so that later messages start on a clean one).
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
