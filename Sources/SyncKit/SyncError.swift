import Foundation
internal import GitKit
import HistoryKit
import NoteKit

/// What can stop a notebook operation that involves git, with the context to act on it.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// git (libgit2) refused an operation.
    case git(GitFailure)
    /// Reading or writing an entry failed.
    case notebook(NotebookError)
    /// `path` is a file where a notebook's folder should be; nothing was created.
    case notAFolder(path: String)
    /// `path` is a bare repository (no work tree), which holds no files to sync.
    case bareRepository(path: String)
    /// The remote at `url` (passwords removed) holds commits but no notebook (no `hearth.yaml`
    /// in its branch); nothing was cloned.
    case remoteNotANotebook(url: String)
    /// `hearth init` found git in the middle of something in the repository at `path`
    /// (`operation`: "a merge in progress", "unresolved merge conflicts"); nothing was changed.
    case unfinishedGitOperation(path: String, operation: String)
    /// `hearth init` found a git repository whose commits hold files that are not notes (a code
    /// project, say) and was not asked to adopt it; nothing was changed. `files` names the first
    /// few of the `count` such files.
    case notNotes(path: String, files: [String], count: Int)
    /// `hearth init` was asked to make a notebook inside the one at `notebook` (its folder holds
    /// `hearth.yaml`), in that notebook's repository; nothing was created.
    case insideNotebook(path: String, notebook: String)
    /// The notebook at `path` (a folder with `hearth.yaml`) has no git repository of its own: a
    /// notebook of plain files, perhaps inside another project's repository, which hearth never
    /// commits to.
    case noRepository(path: String)
    /// A file operation outside NoteKit failed.
    case io(path: String, operation: String, reason: String)
    /// The file at `path` changed while a restore was replacing it (an editor saved it?);
    /// nothing was replaced.
    case changedWhileRestoring(path: String)
    /// Another `hearth sync` holds the notebook's lock.
    case locked(path: String, holder: String)
    /// git has an operation under way in the notebook (`state`: "merge", "rebase", ...) that a
    /// sync must not commit into.
    case operationInProgress(state: String)
    /// The git index holds unresolved conflicts, which a sync must not commit.
    case unresolvedIndex
    /// HEAD is detached (names no branch), so there is no branch to sync.
    case detachedHead
    /// The named remote is not configured; `known` lists those that are.
    case unknownRemote(name: String, known: [String])
    /// The remote's history shares no commit with this notebook's (`isNotebook`: it holds a
    /// hearth notebook of its own); nothing was merged.
    case unrelatedHistory(remote: String, isNotebook: Bool)
    /// Every push attempt was rejected because the remote kept moving; the changes are committed
    /// locally.
    case pushKeptFailing(remote: String, attempts: Int, lastReason: String)
    /// The remote refused the push because a lock file stayed in the way through every retry:
    /// `lockFile` as the remote named it (on the server's disk for a network remote), `age` how
    /// long it had been there unchanged when a folder remote's lock could be looked at (nil
    /// otherwise). A lock a live push holds goes within milliseconds; one that stays belongs
    /// to a push that was stopped mid-way, or to a device still syncing.
    case remoteLocked(remote: String, lockFile: String?, age: TimeInterval?, reason: String)
    /// A folder remote's branch stayed locked by a maintenance that is running there (its lock
    /// renewed while the sync waited, `holder` as the lock file names it): it ends by itself.
    case remoteMaintained(remote: String, lockFile: String, holder: String)
    /// The network failed during fetch or push (or the remote's answer could not be used).
    case network(remote: String, operation: String, underlying: GitFailure)
    /// An encrypted remote's files failed their checks, or its key is not on this device.
    case encryptedRemote(remote: String, problem: EncryptedRemoteProblem)
    /// A remote of that name is already configured.
    case remoteExists(name: String)
    /// A conflict reference matched nothing, or a resolve choice does not fit the conflict.
    case conflict(reference: String, reason: String)
    /// The conflict `reference` names cannot be settled as asked.
    case unsettled(reference: String, problem: ResolveProblem)
    /// An incoming commit holds a path a sync must not write (`..`, `.git`): nothing was changed.
    case unsafePath(path: String, commit: String, reason: String)

    public var description: String {
        switch self {
        case .git(let failure): return failure.description
        case .notebook(let error): return error.description
        case .notAFolder(let path): return "\(path): is a file"
        case .bareRepository(let path): return "\(path): is a bare repository"
        case .remoteNotANotebook(let url):
            return "\(url): holds no hearth notebook (no \(NotebookSetup.settingsFile) in its branch); nothing was cloned"
        case .unfinishedGitOperation(let path, let operation): return "\(path): git has \(operation) here"
        case .notNotes(let path, let files, let count):
            let more = count > files.count ? " and \(count - files.count) more" : ""
            return "\(path) is a git repository whose commits hold files that are not notes (\(files.joined(separator: ", "))\(more)); nothing was changed"
        case .insideNotebook(let path, let notebook):
            return "\(path) is inside the notebook at \(notebook); a notebook there would be a repository nested in that notebook's, and nothing was created"
        case .noRepository(let path):
            return "the notebook at \(path) has no git repository of its own"
        case .io(let path, let operation, let reason): return "\(path): cannot \(operation): \(reason)"
        case .changedWhileRestoring(let path):
            return "\(path): cannot restore: it changed while hearth was restoring it (an editor saved it?); nothing was replaced"
        case .locked(_, let holder) where holder.hasPrefix(SyncLock.maintenanceHolder + " ("):
            return "a maintenance is running in the background in this notebook (\(holder)); it finishes by itself: "
                + "run your command again in a moment"
        case .locked(_, let holder):
            return "another sync is running in this notebook (\(holder)); wait for it to finish and run your command again"
        case .operationInProgress(let state): return "git has a \(state) in progress in this notebook"
        case .unresolvedIndex: return "the git index has unresolved conflicts"
        case .detachedHead: return "HEAD is detached (not on a branch)"
        case .unknownRemote(let name, let known):
            let list = known.isEmpty ? "none is configured" : "configured: \(known.joined(separator: ", "))"
            return "no remote named '\(name)' (\(list))"
        case .unrelatedHistory(let remote, true):
            return "'\(remote)' holds another notebook, whose history shares no commit with this one; nothing was merged or sent"
        case .unrelatedHistory(let remote, false):
            return "'\(remote)' holds a git history unrelated to this notebook and no hearth notebook (no hearth.yaml); nothing was merged or sent"
        case .pushKeptFailing(let remote, let attempts, let reason):
            return "push to '\(remote)' was rejected \(attempts) times because it kept changing (\(reason)); your changes are committed locally"
        case .remoteLocked(let remote, let lockFile, let age, let reason):
            // The lock's path says all that libgit2's "failed to lock file" does.
            var held = lockFile.map { "its branch is locked by \($0)" } ?? "its branch stayed locked (\(reason))"
            if let age { held += ", unchanged for \(Self.duration(age))" }
            return "'\(remote)' did not take the push: \(held); your changes are committed here"
        case .remoteMaintained(let remote, let lockFile, let holder):
            return "'\(remote)' did not take the push: a maintenance of the remote is running (\(holder) holds \(lockFile)); "
                + "your changes are committed here"
        case .network(let remote, let operation, let underlying):
            switch underlying.kind {
            case .unsupportedExtension(let name):
                return "cannot \(operation) '\(remote)': the remote repository uses the git extension '\(name)', which libgit2 1.5 (used by hearth) "
                    + "does not support; nothing was changed here"
            case .damagedRemote:
                // Objects that do not read back or do not hash to their names: the remote's
                // repository is damaged (or lies); libgit2 stored none of them.
                return "cannot \(operation) '\(remote)': \(underlying.message). The remote repository is damaged; nothing from it was used "
                    + "and this notebook is unchanged"
            default:
                return "cannot \(operation) '\(remote)': \(underlying.message)"
            }
        case .encryptedRemote(let remote, let problem): return "encrypted remote '\(remote)': \(problem)"
        case .remoteExists(let name): return "a remote named '\(name)' already exists"
        case .conflict(let reference, let reason): return "\(reference): \(reason)"
        case .unsettled(let reference, let problem): return "\(reference): \(problem)"
        case .unsafePath(let path, let commit, let reason):
            return "\(path): commit \(commit.prefix(12)) holds this path and hearth will not write it: \(reason). Nothing was changed here"
        }
    }

    /// "42 s", "3 min", "5 h": how long a lock has been there.
    public static func duration(_ seconds: TimeInterval) -> String {
        switch seconds {
        case ..<120: return "\(Int(seconds.rounded())) s"
        case ..<(2 * 3600): return "\(Int((seconds / 60).rounded())) min"
        default: return "\(Int((seconds / 3600).rounded())) h"
        }
    }

    /// Runs a GitKit call, turning its error into ``SyncError/git(_:)``.
    static func wrapping<T>(_ body: () throws(GitError) -> T) throws(SyncError) -> T {
        do {
            return try body()
        } catch {
            throw SyncError.git(GitFailure(error))
        }
    }
}
