import Foundation
internal import GitKit
import HistoryKit

extension Repository {
    /// Opens the repository of the notebook at `root`, which must be that repository's own work
    /// tree root (never one found further up).
    ///
    /// - Throws: ``SyncError/noRepository(path:)`` when `root` holds no repository.
    static func openNotebook(at root: URL) throws(SyncError) -> Repository {
        do {
            return try Repository.open(at: root)
        } catch where error.code == .notFound {
            throw SyncError.noRepository(path: root.standardizedFileURL.path)
        } catch {
            throw SyncError.git(GitFailure(error))
        }
    }
}
