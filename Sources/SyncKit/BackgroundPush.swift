import Dispatch
import Foundation
import GitKit

/// A push run on its own thread and repository handle while the working tree is brought to the
/// commit being pushed: the upload waits on the network or the remote's disk while the checkout
/// waits on this one. The commit and its objects are complete before it starts, so what reaches
/// the remote never depends on the checkout.
///
/// libgit2 pushes references, not commits, so the commit goes out through `refs/hearth/outgoing`.
final class BackgroundPush: @unchecked Sendable {
    /// The temporary reference the push reads from.
    static let outgoing = "refs/hearth/outgoing"

    private let finished = DispatchSemaphore(value: 0)
    private var failure: GitError?
    private var waited = false

    /// Starts pushing `commit` (already pointed at by ``outgoing``) to `remoteRef` on `remote`.
    init(root: URL, remote: String, remoteRef: String, network: NetworkOptions) {
        // The options' closures run on the push thread only, until `wait()` returns.
        nonisolated(unsafe) let network = network
        Thread.detachNewThread { [self] in
            do throws(GitError) {
                let repository = try Repository.open(at: root)
                try repository.push(remote: remote, refspecs: ["\(BackgroundPush.outgoing):\(remoteRef)"], options: network)
            } catch {
                failure = error
            }
            finished.signal()
        }
    }

    /// Waits for the push; its libgit2 error, if any (`.rejected` when the remote moved).
    func wait() -> GitError? {
        if !waited {
            finished.wait()
            waited = true
        }
        return failure
    }
}
