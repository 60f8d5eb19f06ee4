import Dispatch
import Foundation
import QuoteKit

/// Extracts a stream of documents on several threads and hands back each document's records in
/// input order, so that the output is the same whatever the number of threads. Documents are
/// taken in batches (at most `maxBatchDocuments` documents or `maxBatchBytes` of text), so memory
/// depends on the batch, not on the length of the stream. A document with a `lang` field is
/// extracted with the rules of that language; the others with the run's language.
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
    }

    private let workers: Workers
    private var batch: [Document] = []
    private var batchBytes = 0
    let maxBatchDocuments = 512
    let maxBatchBytes = 16 << 20

    /// `count` threads; `make` gives an extractor for a language (`first` is the run's language's).
    init(first: QuoteExtractor, threads count: Int, make: @escaping (String) throws -> QuoteExtractor) {
        precondition(count >= 1)
        workers = Workers(first, count: count, make: make)
    }

    /// Queues `document`; when the batch is full, extracts it and calls `deliver` for each of its
    /// documents in order.
    func add(_ document: Document, _ deliver: (Document, Outcome) -> Void) {
        batch.append(document)
        batchBytes += document.text.utf8.count
        if batch.count >= maxBatchDocuments || batchBytes >= maxBatchBytes { flush(deliver) }
    }

    /// Extracts what is queued and calls `deliver` for each document in order.
    func flush(_ deliver: (Document, Outcome) -> Void) {
        guard !batch.isEmpty else { return }
        let outcomes = extract(batch)
        for (document, outcome) in zip(batch, outcomes) { deliver(document, outcome) }
        batch.removeAll(keepingCapacity: true)
        batchBytes = 0
    }

    /// Shared state of one batch's threads: each takes the next document by its index.
    private final class Work: @unchecked Sendable {
        let documents: [Document]
        let workers: Workers
        var outcomes: [Outcome?]
        private var next = 0
        private let lock = NSLock()

        init(_ documents: [Document], _ workers: Workers) {
            self.documents = documents
            self.workers = workers
            outcomes = Array(repeating: nil, count: documents.count)
        }

        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < documents.count else { return nil }
            next += 1
            return next - 1
        }

        /// Worker `w` extracts documents until none is left. Each index is written by one thread.
        func run(worker w: Int) {
            while let i = take() {
                let outcome = Outcome { try workers.extractor(w, for: documents[i]).extract(documents[i]) }
                lock.lock()
                outcomes[i] = outcome
                lock.unlock()
            }
        }
    }

    private func extract(_ documents: [Document]) -> [Outcome] {
        let work = Work(documents, workers)
        let threads = min(workers.count, documents.count)
        if threads == 1 {
            work.run(worker: 0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { work.run(worker: $0) }
        }
        return work.outcomes.map { $0! }
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
