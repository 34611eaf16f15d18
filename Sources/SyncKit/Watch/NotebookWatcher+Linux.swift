#if os(Linux)
import Foundation

extension NotebookWatcher {
    /// Inotify: the kernel reports changes, so waiting costs nothing.
    static func nativeDetector(root: URL) throws(SyncError) -> (any ChangeDetector)? {
        try InotifyChangeDetector(root: root)
    }
}
#endif
