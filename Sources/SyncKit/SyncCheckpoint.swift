/// Named points in a sync, where tests (and the crash tests' abort switch) can step in.
public enum SyncCheckpoint: String, Sendable, CaseIterable {
    /// The local snapshot commit exists; nothing has been fetched.
    case afterSnapshot = "after-snapshot"
    /// The remote has been fetched.
    case afterFetch = "after-fetch"
    /// The merge commit exists but no working file has been touched.
    case afterMerge = "after-merge"
    /// Just before working files are rewritten for the new tree.
    case beforeCheckout = "before-checkout"
    /// Working files match the new tree; the branch has not moved yet.
    case afterCheckout = "after-checkout"
    /// The branch points at the new commit; nothing pushed yet.
    case afterReferenceUpdate = "after-ref-update"
    /// Just before the push.
    case beforePush = "before-push"
    /// The push succeeded.
    case afterPush = "after-push"
}
