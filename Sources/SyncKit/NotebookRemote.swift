import Foundation
import GitKit

/// The remotes a notebook syncs through, set up without git API: an app that syncs a notebook
/// needs somewhere to sync with and a name for it, as `hearth remote add` gives the CLI.
public enum NotebookRemote {
    /// Creates an empty folder remote at `folder` (a bare git repository on `main`, missing
    /// folders created): a place on a disk, a USB stick or a mounted share that any number of
    /// notebooks sync through. Like `git init --bare`, running it on an existing repository
    /// leaves that repository's contents as they are.
    public static func createFolder(at folder: URL) throws(SyncError) {
        _ = try SyncError.wrapping { () throws(GitError) in
            try Repository.create(at: folder, initialBranch: "main", bare: true)
        }
    }

    /// Adds the remote `name` at `url` to the notebook at `root`, as `git remote add` would.
    /// `url` is a folder (an absolute path or `file://`), `ssh://`, `user@host:path` or `https://`;
    /// ``Syncer/sync()`` picks a notebook's only remote, or `origin`, by itself.
    ///
    /// - Throws: ``SyncError/noRepository(path:)`` when `root` holds no notebook, another
    ///   ``SyncError`` when a remote of that name exists or git refuses the name.
    public static func add(name: String, url: String, toNotebookAt root: URL) throws(SyncError) {
        let repository = try Repository.openNotebook(at: root)
        _ = try SyncError.wrapping { () throws(GitError) in try repository.addRemote(name: name, url: url) }
    }
}
