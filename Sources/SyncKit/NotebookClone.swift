import Foundation
import GitKit
import NoteKit

/// `hearth clone`: a git clone plus this device's name in the clone's config.
public enum NotebookClone {
    /// What a clone produced.
    public struct Outcome: Sendable {
        /// The new notebook's root.
        public var root: URL
        /// The device name recorded in its git config.
        public var device: String
        /// Entries checked out.
        public var entryCount: Int
        /// The remote had no commits yet.
        public var isEmptyRemote: Bool
    }

    /// Clones `url` into `directory` (absent or empty) and records `device`.
    ///
    /// - Throws: ``SyncError/network(remote:operation:underlying:)`` when the remote cannot be read.
    public static func clone(from url: String, to directory: URL, device: String?, network: NetworkOptions) throws(SyncError) -> Outcome {
        let repository: Repository
        do {
            repository = try Repository.clone(from: url, to: directory, options: network)
        } catch {
            throw SyncError.network(remote: Remote.redacted(url), operation: "clone", underlying: error)
        }
        let name = DeviceName.sanitized(device ?? DeviceName.host())
        let head = try SyncError.wrapping { () throws(GitError) -> ObjectID? in
            try repository.setConfig("hearth.device", name)
            return try repository.headCommitID()
        }
        let root = repository.workingDirectory ?? directory
        return Outcome(root: root, device: name, entryCount: Notebook(root: root).entryPaths().count, isEmptyRemote: head == nil)
    }
}
