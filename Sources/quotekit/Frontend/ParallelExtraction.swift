import Dispatch
import Foundation
import QuoteKit

/// Extracts a stream of documents on several threads and hands back each document's records in
/// input order, so that the output is the same whatever the number of threads. Documents are
/// taken in batches (at most `maxBatchDocuments` documents or `maxBatchBytes` of text), so memory
/// depends on the batch, not on the length of the stream.
final class ParallelExtraction {
    typealias Outcome = Result<[QuoteRecord], any Error>

    private let extractors: [QuoteExtractor]
    private var batch: [Document] = []
    private var batchBytes = 0
    let maxBatchDocuments = 512
    let maxBatchBytes = 16 << 20

    /// One extractor per thread.
    init(extractors: [QuoteExtractor]) {
        precondition(!extractors.isEmpty)
        self.extractors = extractors
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
        let extractors: [QuoteExtractor]
        var outcomes: [Outcome?]
        private var next = 0
        private let lock = NSLock()

        init(_ documents: [Document], _ extractors: [QuoteExtractor]) {
            self.documents = documents
            self.extractors = extractors
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
                let outcome = Outcome { try extractors[w].extract(documents[i]) }
                lock.lock()
                outcomes[i] = outcome
                lock.unlock()
            }
        }
    }

    private func extract(_ documents: [Document]) -> [Outcome] {
        let work = Work(documents, extractors)
        let threads = min(extractors.count, documents.count)
        if threads == 1 {
            work.run(worker: 0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { work.run(worker: $0) }
        }
        return work.outcomes.map { $0! }
    }
}
