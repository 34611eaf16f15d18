import Foundation
internal import GitKit
import HistoryKit
import NoteKit
import VaultKit

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
    /// An encrypted remote (see ``EncryptedRemotes``) is recognised by its references, before
    /// anything is downloaded; `passphrase` then supplies its passphrase, and the clone is a new
    /// repository whose first sync brings the notebook (a wrong passphrase writes nothing).
    ///
    /// - Throws: ``SyncError/network(remote:operation:underlying:)`` when the remote cannot be read,
    ///   ``SyncError/encryptedRemote(remote:problem:)`` when an encrypted one cannot be opened.
    public static func clone(from url: String, to directory: URL, device: String?, network: SyncNetwork = SyncNetwork(),
                             passphrase: (@Sendable () -> String?)? = nil) throws(SyncError) -> Outcome {
        let existed = FileManager.default.fileExists(atPath: directory.path(percentEncoded: false))
        if let outcome = try cloneIfEncrypted(from: url, to: directory, existed: existed, device: device, network: network, passphrase: passphrase) {
            return outcome
        }
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

    /// Clones the encrypted remote at `url`: a new repository with the remote as `origin`, the
    /// key unwrapped and kept, and a first sync that brings the notebook. Returns nil, having
    /// left nothing, when `url` is not an encrypted remote.
    private static func cloneIfEncrypted(from url: String, to directory: URL, existed: Bool, device: String?, network: SyncNetwork,
                                         passphrase: (@Sendable () -> String?)?) throws(SyncError) -> Outcome? {
        let repository = try SyncError.wrapping { () throws(GitError) in try Repository.create(at: directory) }
        let references: [String]
        do {
            references = try repository.advertisedReferences(remote: url, options: network.gitOptions)
        } catch {
            removeClone(at: directory, keepFolder: existed)
            throw SyncError.network(remote: Remote.redacted(url), operation: "clone", underlying: GitFailure(error))
        }
        guard references.contains(VaultFormat.branch) else {
            removeClone(at: directory, keepFolder: existed)
            return nil
        }
        let name = DeviceName.sanitized(device ?? DeviceName.host())
        var supply: (@Sendable (String) -> String?)?
        if let passphrase { supply = { _ in passphrase() } }
        let remote = EncryptedRemote(repository: repository, name: "origin", carrierURL: url, passphrase: supply)
        do throws(TransportFailure) {
            try EncryptedRemote.git { () throws(GitError) in try repository.setConfig("hearth.device", name) }
            let carrier = try remote.fetchCarrier(options: network.gitOptions)
            let branches = try remote.read(carrier, at: try remote.tip(of: carrier)).manifest.references.keys.filter { $0.hasPrefix("refs/heads/") }.sorted()
            let branch = branches.contains("refs/heads/main") ? "main" : branches.first.map { String($0.dropFirst("refs/heads/".count)) } ?? "main"
            try EncryptedRemote.git { () throws(GitError) in
                try repository.pointHead(at: branch)
                _ = try repository.addRemote(name: "origin", url: EncryptedRemote.scheme + url)
            }
        } catch {
            removeClone(at: directory, keepFolder: existed)
            throw error.syncError(remote: Remote.redacted(url), operation: "clone")
        }
        let root = repository.workingDirectory ?? directory
        var options = SyncOptions(network: network)
        options.passphrase = remote.passphrase
        do {
            _ = try Syncer(root: root, options: options).sync()
        } catch {
            removeClone(at: directory, keepFolder: existed)
            throw error
        }
        let head = try SyncError.wrapping { () throws(GitError) in try repository.headCommitID() }
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
