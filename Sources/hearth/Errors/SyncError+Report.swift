import Foundation
import SyncKit

extension SyncError: ReportableError {
    var report: ErrorReport { .failure(message) }

    /// SyncKit's account plus the next step, where that step is a command to run (with hearth's
    /// own flags), a file to remove or a git command: what `hearth` prints after `error:`, and
    /// what `watch` logs for a failed sync.
    var message: String {
        switch self {
        case .git(let failure):
            return failure.description + GitAdvice.suffix(for: failure.kind)
        case .notebook(let error):
            return error.message
        case .notAFolder:
            return "\(self); hearth init needs a folder"
        case .bareRepository:
            return "\(self); sync a clone of it instead (hearth clone URL PATH)"
        case .remoteNotANotebook:
            return "\(self). To make a notebook of its files, clone it with git clone and run hearth init in the clone"
        case .unfinishedGitOperation:
            return "\(self); finish or abort it with git first (e.g. git merge --continue or git merge --abort), then run hearth init again"
        case .notNotes:
            return "\(self). To keep notes in it anyway, run hearth init --adopt; to keep them apart, make the notebook in a folder of its own (hearth init DIR)"
        case .noRepository:
            return NotANotebookAdvice.noRepository(description, for: .sync)
        case .insideNotebook(_, let notebook):
            return "\(self). Use that notebook (hearth -C \(notebook) ...), or make the new one in a folder outside it"
        case .changedWhileRestoring:
            return "\(self); run hearth restore again"
        case .operationInProgress:
            return "\(self); finish or abort it with git first (e.g. git merge --continue or git merge --abort), then run hearth sync again"
        case .unresolvedIndex:
            return "\(self); resolve them with git (git status lists them) before hearth sync"
        case .detachedHead:
            return "\(self); run git switch main, then hearth sync"
        case .unknownRemote(let name, let known) where known.isEmpty:
            return "no remote named '\(name)' (none is configured; add one with hearth remote add origin URL)"
        case .unrelatedHistory(_, true):
            return "\(self). To join it, clone it (hearth clone URL FOLDER), copy this notebook's entries into the clone and run hearth sync there; "
                + "if it is the wrong remote, check the URL with hearth remote list"
        case .unrelatedHistory(_, false):
            return "\(self). Check the URL with hearth remote list; a notebook needs a remote of its own (an empty bare repository: git init --bare)"
        case .pushKeptFailing:
            return "\(self), run hearth sync again"
        case .remoteLocked(let remote, let lockFile, let age, _):
            return lockAdvice(remote: remote, lockFile: lockFile, age: age)
        case .remoteMaintained(let remote, _, _):
            return "\(self). It finishes by itself and removes its lock: run hearth sync again in a few minutes "
                + "(do not remove the lock file: '\(remote)' would be written while it is being repacked)"
        case .network(_, _, let underlying):
            switch underlying.kind {
            case .unsupportedExtension: return "\(self). Sync with a remote repository that does not use it"
            case .damagedRemote: return "\(self). Repair the remote (git fsck there, or ask whoever hosts it), then run hearth sync again"
            default: return description + GitAdvice.suffix(for: underlying.kind)
            }
        case .unsettled(_, let problem):
            return description + Self.advice(for: problem)
        case .encryptedRemote(let remote, let problem):
            return description + Self.advice(for: problem, remote: remote)
        case .remoteExists:
            return "\(self); see hearth remote -v"
        case .unsafePath:
            return "\(self). The commit was made with another tool; remove that path from the remote's branch with git (a new commit deleting it), "
                + "then run hearth sync again"
        case .io, .locked, .unknownRemote, .conflict:
            return description
        }
    }

    /// What to do about an encrypted remote's problem.
    private static func advice(for problem: EncryptedRemoteProblem, remote: String) -> String {
        switch problem {
        case .vault(.wrongPassphrase):
            return "; nothing was changed. Check the passphrase ($HEARTH_PASSPHRASE is used instead of asking when it is set)"
        case .vault(.emptyPassphrase):
            return "; choose one that is not empty"
        case .vault(.rolledBack), .vault(.forked), .vault(.brokenChain):
            return ". The host served an older or a different state of the notebook than this device has already seen; nothing from it was used "
                + "and this notebook is unchanged. Sync again later; if the remote was restored from a backup on purpose, run "
                + "git remote remove \(remote) and hearth remote add \(remote) URL --encrypt to start again from what it holds"
        case .vault(.keyFile), .vault(.insecureKeyFile):
            return ". Remove the key with hearth remote forget-key \(remote); the next hearth sync asks for the passphrase"
        case .vault, .missingFile:
            return ". Nothing from the remote was used and this notebook is unchanged: something other than hearth changed the remote's files. "
                + "Restore the remote from a backup, or move the notebook to a new remote (hearth remote add NAME URL --encrypt)"
        case .passphraseNeeded:
            return ": run hearth sync at a terminal to be asked for it, or set HEARTH_PASSPHRASE"
        case .notEncrypted:
            return ". If it was emptied, remove it (git remote remove \(remote)) and add it again with hearth remote add \(remote) URL --encrypt"
        case .holdsPlainRepository:
            return "; give an empty repository (git init --bare) or one that already holds this notebook encrypted"
        case .state:
            return ". Check the permissions of .git/hearth"
        }
    }

    /// How to settle a conflict `resolve` could not settle as asked.
    private static func advice(for problem: ResolveProblem) -> String {
        switch problem {
        case .unknownConflict: return "; hearth conflicts lists them"
        case .bothForField(let first, let second): return "; use --keep \(first), --keep \(second) or --edit"
        case .fieldInMap, .unreadableValue: return "; settle it with --edit"
        case .markersLeft: return "; remove the marker lines and run hearth resolve again"
        }
    }

    private func lockAdvice(remote: String, lockFile: String?, age: TimeInterval?) -> String {
        if age != nil {
            // A folder remote: the lock was watched and did not move.
            return "\(self). A running push holds such a lock for a moment only, so a sync or git push to '\(remote)' was "
                + "probably stopped mid-way: remove that file only if no other device is syncing with '\(remote)' right now, then run hearth sync again"
        }
        return "\(self). Another device is probably pushing to '\(remote)' right now: run hearth sync again in a minute. "
            + "If it keeps failing, a push was stopped on the server: once no device is syncing, whoever runs it can remove "
            + (lockFile.map { "\($0) there" } ?? "the branch's .lock file there")
    }
}
