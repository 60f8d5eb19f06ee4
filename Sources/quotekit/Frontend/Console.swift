import Foundation
import ArgumentParser

/// Writing to the standard streams.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

/// The temporary output file to remove if a signal ends the run (see `OutputSink`).
nonisolated(unsafe) private var interruptedOutputPath: UnsafeMutablePointer<CChar>?

/// Where records go: standard output, or a file written under a temporary name and renamed into
/// place when complete, so that an interrupted run never leaves a partial file behind.
final class OutputSink {
    private let handle: FileHandle
    private let temporary: String?
    private let destination: String?
    private var buffer = Data()

    init(path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            temporary = nil
            destination = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        guard FileManager.default.createFile(atPath: temp, contents: nil), let h = FileHandle(forWritingAtPath: temp) else {
            throw RuleDirectoryLoader.Failure(description: "\(path): cannot write the output file")
        }
        handle = h
        temporary = temp
        destination = path
        removeOnSignal()
    }

    /// Removes the unfinished file when the run is interrupted (Ctrl-C, kill, a closed terminal)
    /// and exits with 128 + the signal's number, as a shell reports it. The handler only calls
    /// async-signal-safe functions on a path copied beforehand.
    private func removeOnSignal() {
        guard let temporary, let path = strdup(temporary) else { return }
        interruptedOutputPath = path
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if let path = interruptedOutputPath { unlink(path) }
                _exit(128 + sig)
            }
        }
    }

    /// The first write error; once set, nothing more is written.
    private(set) var failure: Error?

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = RuleDirectoryLoader.Failure(description: "\(destination ?? "standard output"): cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, moves it into place.
    func finish() throws {
        flush()
        if let failure { throw failure }
        guard let temporary, let destination else { return }
        try handle.close()
        if rename(temporary, destination) != 0 {
            throw RuleDirectoryLoader.Failure(description: "\(destination): cannot move the output into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Opens the output (`nil` or `-`: standard output); when it cannot, says why on standard
    /// error and exits 1.
    static func opening(_ path: String?) throws -> OutputSink {
        do {
            return try OutputSink(path: path)
        } catch {
            Console.error("quotekit: error: \(error)")
            throw ExitCode.failure
        }
    }

    /// ``finish()``, or on a write error removes the unfinished file, says why on standard error
    /// and exits 1.
    func finishOrExit() throws {
        do {
            try finish()
        } catch {
            abandon()
            Console.error("quotekit: error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Removes an unfinished output file.
    func abandon() {
        guard let temporary else { return }
        try? handle.close()
        unlink(temporary)
    }
}
