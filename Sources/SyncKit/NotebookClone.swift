import Foundation
internal import GitKit
import HistoryKit
import NoteKit

/// `hearth clone`: a git clone plus this device's name in the clone's config; the clone of an
/// empty remote is set up as a new notebook.
public enum NotebookClone {
    /// What a clone produced.
    public struct Outcome: Sendable {
        /// The new notebook's root.
        public var root: URL
        /// The device name recorded in its git config.
        public var device: String
        /// Entries checked out.
        public var entryCount: Int
        /// The remote had no commits yet: the clone holds `hearth.yaml` and `.gitignore`, uncommitted,
        /// and its first sync adopts whatever history the remote has by then.
        public var isEmptyRemote: Bool
    }

    /// Clones `url` into `directory` (absent or empty) and records `device`. A relative folder
    /// path in `url` is read from the process's working directory; for a folder, the clone's
    /// `origin` records the folder's absolute path (libgit2 does), so it works from anywhere.
    ///
    /// - Throws: ``SyncError/network(remote:operation:underlying:)`` when the remote cannot be read.
    public static func clone(from url: String, to directory: URL, device: String?, network: SyncNetwork = SyncNetwork()) throws(SyncError) -> Outcome {
        let existed = FileManager.default.fileExists(atPath: directory.path(percentEncoded: false))
        let repository: Repository
        do {
            repository = try Repository.clone(from: url, to: directory, options: network.gitOptions)
        } catch {
            throw SyncError.network(remote: Remote.redacted(url), operation: "clone", underlying: GitFailure(error))
        }
        // A repository with commits but no hearth.yaml is not a notebook: making one of it is
        // `hearth init`'s decision, taken in a clone the user made on purpose.
        let isNotebook = try SyncError.wrapping { () throws(GitError) -> Bool in
            guard let head = try repository.headCommitID() else { return true }
            return try repository.fileContents(path: NotebookSetup.settingsFile, inCommit: head) != nil
        }
        guard isNotebook else {
            removeClone(at: directory, keepFolder: existed)
            throw SyncError.remoteNotANotebook(url: Remote.redacted(url))
        }
        let name = DeviceName.sanitized(device ?? DeviceName.host())
        let head = try SyncError.wrapping { () throws(GitError) -> ObjectID? in
            try repository.setConfig("hearth.device", name)
            return try repository.headCommitID()
        }
        let root = repository.workingDirectory ?? directory
        // An empty remote gives an empty clone: give it the settings files (every command looks
        // for hearth.yaml) but no commit. A commit of its own would start a history that no other
        // clone of the same empty remote shares, and their syncs would refuse each other; the
        // first sync joins the remote's history when it has one (see `adoptRemoteHistory`).
        if head == nil { try NotebookSetup.writeSettings(in: Notebook(root: root)) }
        return Outcome(root: root, device: name, entryCount: Notebook(root: root).entryPaths().count, isEmptyRemote: head == nil)
    }

    /// Removes what a refused clone wrote: the folder, or only its contents when it was there
    /// (empty, as clone requires) before.
    private static func removeClone(at directory: URL, keepFolder: Bool) {
        guard keepFolder else {
            try? FileManager.default.removeItem(at: directory)
            return
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))) ?? []
        for name in names { try? FileManager.default.removeItem(at: directory.appending(path: name)) }
    }
}
