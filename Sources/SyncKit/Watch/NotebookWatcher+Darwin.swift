#if canImport(Darwin)
import Foundation

extension NotebookWatcher {
    /// None yet (FSEvents or kqueue would be it): the watcher polls.
    static func nativeDetector(root: URL) throws(SyncError) -> (any ChangeDetector)? {
        nil
    }
}
#endif
