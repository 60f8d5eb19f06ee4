import Dispatch
import Foundation
import QuoteKit

/// Extracts a stream of documents on several threads and hands back each document's records in
/// input order, so that the output is the same whatever the number of threads.
///
/// With one thread, each document is extracted when it is added. With more, the extraction is a
/// pipeline: worker threads extract the documents queued so far while the caller's thread reads
/// the next ones and writes out the finished ones, so that reading and writing overlap with the
/// extraction instead of waiting for it. At most `maxPendingDocuments` documents, or
/// `maxPendingBytes` of text, are queued, in progress or finished but not yet handed back, so
/// memory depends on that window, not on the length of the stream. A document with a `lang` field
/// is extracted with the rules of that language; the others with the run's language.
final class ParallelExtraction {
    typealias Outcome = Result<[QuoteRecord], any Error>

    /// Each thread's extractors, by language, made when a language is first met.
    final class Workers: @unchecked Sendable {
        private var byLanguage: [[String: QuoteExtractor]]
        private let make: (String) throws -> QuoteExtractor
        let defaultLanguage: String

        init(_ first: QuoteExtractor, count: Int, make: @escaping (String) throws -> QuoteExtractor) {
            byLanguage = Array(repeating: [:], count: count)
            byLanguage[0][first.language] = first
            defaultLanguage = first.language
            self.make = make
        }

        var count: Int { byLanguage.count }

        /// Worker `w`'s extractor for `document` (each worker touches only its own slot).
        func extractor(_ w: Int, for document: Document) throws -> QuoteExtractor {
            let language = document.language ?? defaultLanguage
            if let e = byLanguage[w][language] { return e }
            let e = try make(language)
            byLanguage[w][language] = e
            return e
        }

        func extract(_ w: Int, _ document: Document) -> Outcome {
            Outcome { try extractor(w, for: document).extract(document) }
        }
    }

    /// The documents between the caller and the worker threads, under one lock: those waiting to
    /// be extracted (oldest first) and those extracted but not yet handed back, by sequence number.
    private final class Pipeline: @unchecked Sendable {
        let condition = NSCondition()
        var waiting: [(sequence: Int, document: Document)] = []
        var finished: [Int: (document: Document, outcome: Outcome)] = [:]
        /// Sequence numbers: of the next document added, and of the next one to hand back.
        var added = 0
        var delivered = 0
        var pendingBytes = 0
        var closed = false

        /// Worker `w`'s loop: takes the oldest waiting document, extracts it, files the outcome;
        /// returns when the pipeline is closed and nothing is waiting.
        func run(worker w: Int, _ workers: Workers) {
            condition.lock()
            while true {
                while waiting.isEmpty && !closed { condition.wait() }
                if waiting.isEmpty { break }
                // (At most `maxPendingDocuments` wait: removing the first is cheap, and a taken
                // document is held by its worker alone.)
                let (sequence, document) = waiting.removeFirst()
                condition.unlock()
                let outcome = workers.extract(w, document)
                condition.lock()
                finished[sequence] = (document, outcome)
                condition.broadcast()
            }
            condition.unlock()
        }
    }

    private let workers: Workers
    private let pipeline: Pipeline?
    /// How many worker threads have started.
    private var started = 0
    let maxPendingDocuments = 512
    let maxPendingBytes = 16 << 20

    /// `count` threads; `make` gives an extractor for a language (`first` is the run's language's).
    init(first: QuoteExtractor, threads count: Int, make: @escaping (String) throws -> QuoteExtractor) {
        precondition(count >= 1)
        workers = Workers(first, count: count, make: make)
        pipeline = count > 1 ? Pipeline() : nil
    }

    deinit {
        guard let pipeline else { return }
        pipeline.condition.lock()
        pipeline.closed = true
        pipeline.condition.broadcast()
        pipeline.condition.unlock()
    }

    /// Queues `document`, and calls `deliver` for each document finished so far, in order. With
    /// one thread the document is extracted at once; with more, this waits while the window of
    /// pending documents is full.
    func add(_ document: Document, _ deliver: (Document, Outcome) -> Void) {
        guard let pipeline else {
            deliver(document, workers.extract(0, document))
            return
        }
        let bytes = document.text.utf8.count
        pipeline.condition.lock()
        // Room for the document: hand back what is finished, else wait for a worker. (A document
        // larger than the window waits for an empty one.)
        while pipeline.added - pipeline.delivered >= maxPendingDocuments
                || pipeline.added > pipeline.delivered && pipeline.pendingBytes + bytes > maxPendingBytes {
            if !deliverFinished(pipeline, deliver) { pipeline.condition.wait() }
        }
        pipeline.waiting.append((pipeline.added, document))
        pipeline.added += 1
        pipeline.pendingBytes += bytes
        pipeline.condition.broadcast()
        _ = deliverFinished(pipeline, deliver)
        pipeline.condition.unlock()
        // One more thread for each document until there are as many as asked for: a run of one
        // document starts one.
        if started < workers.count { startWorker(started, pipeline) }
    }

    /// Waits for every queued document and calls `deliver` for each, in order.
    func flush(_ deliver: (Document, Outcome) -> Void) {
        guard let pipeline else { return }
        pipeline.condition.lock()
        while pipeline.delivered < pipeline.added {
            if !deliverFinished(pipeline, deliver) { pipeline.condition.wait() }
        }
        pipeline.condition.unlock()
    }

    /// Hands back the finished documents that are next in order, with the lock released while
    /// `deliver` runs (it writes output). Returns whether it handed back any. Called with the lock held.
    private func deliverFinished(_ pipeline: Pipeline, _ deliver: (Document, Outcome) -> Void) -> Bool {
        var any = false
        while let (document, outcome) = pipeline.finished.removeValue(forKey: pipeline.delivered) {
            pipeline.delivered += 1
            pipeline.pendingBytes -= document.text.utf8.count
            any = true
            pipeline.condition.unlock()
            deliver(document, outcome)
            pipeline.condition.lock()
        }
        return any
    }

    /// Starts worker thread `w`.
    private func startWorker(_ w: Int, _ pipeline: Pipeline) {
        let workers = self.workers
        let thread = Thread { pipeline.run(worker: w, workers) }
        thread.name = "quotekit-extract-\(w)"
        // The default stack of a secondary thread (512 KiB) is small for deep documents.
        thread.stackSize = 8 << 20
        started += 1
        thread.start()
    }
}

extension ParallelExtraction {
    /// Extracts every document of `inputs` on `jobs` threads (each document with its `lang`'s
    /// rules, else `first`'s language) and hands each document's records to `consume`, in input
    /// order. Bad inputs and failed documents are reported on standard error; returns how many.
    static func extractAll(_ inputs: [String], stdinFormat: InputFormat, first: QuoteExtractor, ruleSet: RuleSet, jobs: Int,
                           context: QuoteExtractor.ContextScope, _ consume: (Document, [QuoteRecord]) -> Void) -> Int {
        var failures = 0
        first.contextScope = context
        let parallel = ParallelExtraction(first: first, threads: jobs) { language in
            let e = try QuoteExtractor(ruleSet: ruleSet, language: language)
            e.contextScope = context
            return e
        }
        func deliver(_ document: Document, _ outcome: Outcome) {
            switch outcome {
            case .success(let records): consume(document, records)
            case .failure(let error):
                failures += 1
                Console.error("\(document.id): error: \(error)")
            }
        }
        InputReader(inputs: inputs, stdinFormat: stdinFormat).read({ parallel.add($0, deliver) }, problem: { problem in
            parallel.flush(deliver)
            if !problem.isWarning { failures += 1 }
            Console.error(problem.description)
        })
        parallel.flush(deliver)
        return failures
    }
}
