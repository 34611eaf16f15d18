import Dispatch
import Foundation
import GitKit

/// A libgit2 operation run on its own thread with its own repository handle, so that network
/// waits overlap disk work on the caller's handle: the sync's first fetch runs while the snapshot
/// is taken, and the push of a merge while its files are written.
///
/// libgit2 handles are not thread-safe, so this one is opened, used and freed on the operation's
/// thread only; the outcome crosses back through the semaphore, and whoever starts one must
/// ``wait()`` for it before returning.
final class BackgroundGitOperation: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var failure: GitError?
    private var waited = false

    /// Opens the repository at `root` on a new thread and runs `body` there with `network`.
    /// The marker file at `markerPath` (see ``InterruptedWrite``) is removed as soon as `body`
    /// returns, however it went: only a killed process leaves it.
    init(root: URL, network: NetworkOptions, markerPath: String? = nil,
         _ body: @escaping (Repository, NetworkOptions) throws(GitError) -> Void) {
        // The options' closures (progress) and `body` run on the new thread only, until `wait()`
        // has returned.
        nonisolated(unsafe) let network = network
        nonisolated(unsafe) let body = body
        Thread.detachNewThread { [self] in
            do throws(GitError) {
                try body(try Repository.open(at: root), network)
            } catch {
                failure = error
            }
            if let markerPath { unlink(markerPath) }
            finished.signal()
        }
    }

    /// Waits for the operation; its libgit2 error, if any.
    @discardableResult
    func wait() -> GitError? {
        if !waited {
            finished.wait()
            waited = true
        }
        return failure
    }
}
