import Foundation
internal import GitKit
import MergeKit
import NoteKit

/// `hearth resolve`: settles recorded conflicts, removing the markers (or the extra copy) and the
/// records in one commit.
public struct ConflictResolver {
    /// The notebook root.
    public let root: URL
    private let repository: Repository
    private let device: String

    /// Opens the notebook at `root`.
    public init(root: URL) throws(SyncError) {
        let repository = try Repository.openNotebook(at: root)
        self.repository = repository
        self.root = repository.workingDirectory ?? root
        self.device = try repository.hearthDevice()
    }

    /// The open records a reference names: a record id (or a unique prefix of at least 4 digits),
    /// or an entry path relative to the notebook root.
    public func records(matching reference: String, entryPath: String?) throws(SyncError) -> [ConflictRecord] {
        let all = try ConflictStore(root: root).all()
        if let entryPath {
            let matches = all.filter { $0.conflict.path == entryPath }
            if !matches.isEmpty { return matches }
        }
        if reference.count >= 4 {
            let matches = all.filter { $0.id.hasPrefix(reference.lowercased()) }
            if matches.count == 1 { return matches }
            if matches.count > 1 {
                throw SyncError.conflict(reference: reference, reason: "matches \(matches.count) conflicts (\(matches.map(\.id).joined(separator: ", "))); give more digits")
            }
        }
        if all.isEmpty { throw SyncError.conflict(reference: reference, reason: "there are no open conflicts") }
        throw SyncError.unsettled(reference: reference, problem: .unknownConflict)
    }

    /// What a resolution changed.
    public struct Outcome: Sendable {
        /// The commit that recorded it (its full hexadecimal id).
        public var commit: String
        /// The files it changed, records included.
        public var paths: [String]
        /// The commit's subject.
        public var subject: String
    }

    /// Applies `choice` to every record in `records` (all for one entry), deletes the records and
    /// commits exactly those files.
    ///
    /// - Throws: ``SyncError/unsettled(reference:problem:)`` or ``SyncError/conflict(reference:reason:)``
    ///   when the choice does not fit (an unknown device, both sides for a field, markers left
    ///   after an edit); nothing is written then.
    public func resolve(_ records: [ConflictRecord], choice: ResolveChoice) throws(SyncError) -> Outcome {
        guard let entry = records.first?.conflict.path else {
            throw SyncError.conflict(reference: "", reason: "nothing to resolve")
        }
        // Another sync moving the branch in the middle of this commit would leave one of them
        // half-done; take the same lock.
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: 10)
        defer { withExtendedLifetime(lock) {} }
        // A sync killed mid-write may have left a lock this commit needs: the same recovery.
        InterruptedWrite.recover(repository)
        var plan = ResolvePlan(root: root)
        for record in records {
            try plan.apply(choice, to: record)
        }
        // The entries (and conflict copies) go into the commit whether this command changed them
        // or the user did, by hand, before `--edit`.
        var paths = Set(try plan.commitToDisk())
        for record in records {
            paths.insert(record.conflict.path)
            if record.conflict.kind == .file {
                paths.insert(record.conflict.first.value)
                paths.insert(record.conflict.second.value)
            }
        }
        for record in records {
            let path = root.appending(path: record.path).path(percentEncoded: false)
            if unlink(path) != 0, errno != ENOENT {
                throw SyncError.io(path: record.path, operation: "remove the conflict record", reason: String(cString: strerror(errno)))
            }
            paths.insert(record.path)
        }
        // The resolve is what the user chose for these files: the next save of them is no stale
        // buffer undoing the sync that brought the conflict.
        RewriteRecords.forget(paths, in: repository)
        let what: String
        switch choice {
        case .keep(let device): what = "kept \(device)"
        case .both: what = "kept both"
        case .edited: what = "edited"
        }
        let fields = records.compactMap(\.conflict.field)
        let subject = "\(device): resolve \(entry)\(fields.isEmpty ? "" : " (\(fields.joined(separator: ", ")))") \(what)"
        let commit = try commit(paths: paths.sorted(), message: subject + "\n\n" + records.map { "resolved [\($0.id)]" }.joined(separator: "\n") + "\n")
        return Outcome(commit: commit.description, paths: paths.sorted(), subject: subject)
    }

    /// Commits the working-tree state of exactly `paths` on top of HEAD, leaving every other
    /// change for the next sync.
    private func commit(paths: [String], message: String) throws(SyncError) -> ObjectID {
        try SyncError.wrapping { () throws(GitError) -> ObjectID in
            guard let head = try repository.headCommitID() else {
                throw GitError(code: .unbornBranch, errorClass: 0, message: "the notebook has no commits yet", operation: "resolve")
            }
            let headTree = try repository.commit(head).treeID
            var updates: [TreeUpdate] = []
            var index: [IndexUpdate] = []
            for path in paths {
                if let (id, mode) = try repository.writeBlob(fromWorkingTreePath: path) {
                    updates.append(.upsert(path: path, id: id, mode: mode))
                    index.append(.addFromWorkingTree(path: path))
                } else if try repository.treeEntry(path: path, inTree: headTree) != nil {
                    updates.append(.remove(path: path))
                    index.append(.remove(path: path))
                }
            }
            let tree = try repository.updatedTree(headTree, applying: updates)
            let signature = repository.hearthSignature(device: device)
            let commit = try repository.createCommit(tree: tree, parents: [head], message: message,
                                                     author: signature, committer: signature)
            try repository.updateIndex(index)
            return commit
        }
    }
}
