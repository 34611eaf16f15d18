import Dispatch
import Foundation
internal import GitKit
import Synchronization

/// A libgit2 operation run on its own thread with its own repository handle, so that network
/// waits overlap disk work on the caller's handle: the sync's first fetch runs while the snapshot
/// is taken, and the push of a merge while its files are written.
///
/// libgit2 handles are not thread-safe, so this one is opened, used and freed on the operation's
/// thread only; the outcome crosses back through the semaphore, and whoever starts one must
/// ``wait()`` for it before returning.
final class BackgroundGitOperation: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// The operation's error (set by its thread before it signals `finished`), and whether
    /// ``wait()`` has seen `finished` already.
    private let outcome = Mutex((failure: TransportFailure?.none, waited: false))

    /// Opens the repository at `root` on a new thread and runs `body` there with `network`.
    /// The marker file at `markerPath` (see ``InterruptedWrite``) is removed as soon as `body`
    /// returns, however it went: only a killed process leaves it.
    init(root: URL, network: NetworkOptions, markerPath: String? = nil,
         _ body: @escaping (Repository, NetworkOptions) throws(TransportFailure) -> Void) {
        // Neither is Sendable (the options carry the caller's progress and marker-renewal
        // closures), yet handing them over is safe: `body` captures only values (remote name,
        // refspecs), and until `wait()` returns only the new thread calls either closure, since
        // the caller runs no network operation meanwhile; the semaphore orders what comes after.
        nonisolated(unsafe) let network = network
        nonisolated(unsafe) let body = body
        Thread.detachNewThread { [self] in
            do throws(TransportFailure) {
                let repository = try EncryptedRemote.git { () throws(GitError) in try Repository.open(at: root) }
                _ = try? repository.readWithoutCommitGraph()
                try body(repository, network)
            } catch {
                outcome.withLock { $0.failure = error }
            }
            if let markerPath { unlink(markerPath) }
            finished.signal()
        }
    }

    /// Waits for the operation; its failure, if any.
    @discardableResult
    func wait() -> TransportFailure? {
        if !outcome.withLock({ $0.waited }) {
            finished.wait()
            outcome.withLock { $0.waited = true }
        }
        return outcome.withLock { $0.failure }
    }
}
