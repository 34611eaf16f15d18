import Dispatch
import Foundation
import GitKit

/// A sync's first fetch, run on its own thread with its own repository handle while the
/// snapshot is taken: the two touch different files (`refs/remotes/*` and a new pack against
/// the index, loose objects and `refs/heads/*`), and the network wait overlaps the disk work.
///
/// libgit2 handles are not thread-safe, so this one is opened, used and freed on the fetch
/// thread only; the result crosses back through the semaphore.
final class BackgroundFetch: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var failure: SyncError?
    private var waited = false

    /// Starts fetching `remote` into the repository at `root`.
    init(root: URL, remote: String, network: NetworkOptions) {
        // The options' closures (progress) run on the fetch thread; nothing else calls them
        // until `wait()` has returned.
        nonisolated(unsafe) let network = network
        Thread.detachNewThread { [self] in
            do throws(GitError) {
                let repository = try Repository.open(at: root)
                try repository.fetch(remote: remote, options: network)
            } catch {
                failure = SyncError.network(remote: remote, operation: "fetch from", underlying: error)
            }
            finished.signal()
        }
    }

    /// Waits for the fetch and rethrows its failure.
    func wait() throws(SyncError) {
        if !waited {
            finished.wait()
            waited = true
        }
        if let failure { throw failure }
    }

    /// Waits for the fetch, ignoring its outcome (on a path that already failed otherwise).
    func finish() {
        try? wait()
    }
}
