import Foundation
internal import GitKit
import HistoryKit
import MergeKit
import NoteKit
import VaultKit

/// `hearth sync`: lock, snapshot, fetch, merge, safe checkout, push with bounded retry, as
/// architecture.md describes. Its repository handle is used from the calling thread only; the
/// first fetch (during the snapshot) and the push of a merge (during the checkout) run on threads
/// of their own with handles of their own (`BackgroundGitOperation`), and every
/// path waits for them before returning.
public final class Syncer {
    /// The notebook's repository.
    let repository: Repository
    /// The work tree root.
    public let root: URL
    /// This device's name (`hearth.device`).
    public let device: String
    var options: SyncOptions
    /// Conflicts recorded while merging files kept by the previous sync (see ``PendingEdits``).
    var snapshotConflicts: [ConflictRecord] = []
    /// Words for the next snapshot's message instead of the usual ones (`restore` sets it).
    var snapshotMessage: (([ChangeDescription]) -> String)?

    /// Opens the notebook at `root` for syncing.
    ///
    /// - Throws: ``SyncError/noRepository(path:)`` when `root` holds no repository, another
    ///   ``SyncError`` when it is not a work tree.
    public init(root: URL, options: SyncOptions = SyncOptions()) throws(SyncError) {
        let repository = try Repository.openNotebook(at: root)
        guard let workingDirectory = repository.workingDirectory else {
            throw SyncError.bareRepository(path: root.path)
        }
        self.repository = repository
        self.root = workingDirectory
        self.options = options
        self.device = try repository.hearthDevice()
    }

    /// Runs one sync and says what it did.
    ///
    /// Exit paths leave no half-done state: the branch moves only after the working tree matches
    /// the new commit, and a failed push leaves a consistent local merge that the next sync pushes.
    public func sync() throws(SyncError) -> SyncReport {
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: options.lockWait)
        defer { withExtendedLifetime(lock) {} }
        // Its walks stay near the tips: loading the commit graph would cost more than it saves.
        _ = try? repository.readWithoutCommitGraph()
        let branch = try checkedBranch()
        let branchRef = "refs/heads/\(branch)"
        // The remote is known before the snapshot so that the first fetch can run meanwhile.
        let remote = try chooseRemote(branch: branch)
        StaleGitLocks.clear(in: repository.gitDirectory)
        InterruptedWrite.recover(repository)
        recoverOwnRemoteLocks()
        var prefetch = remote.map { remote in
            let marker = fetchMarker(remote: remote)
            marker.begin(repository)
            return BackgroundGitOperation(root: root, network: network(reaching: .duringFetch, renewing: marker),
                                          markerPath: marker.path(repository)) { [passphrase = options.passphrase, checkpoint = options.transferCheckpoint] repository, network throws(TransportFailure) in
                try Syncer.fetch(remote, in: repository, options: network, passphrase: passphrase, checkpoint: checkpoint)
            }
        }
        defer { prefetch?.wait() }
        var adopted = false
        if let remote, let first = prefetch, try git({ () throws(GitError) in try repository.referenceTarget(branchRef) }) == nil {
            prefetch = nil
            try finishPrefetch(first, remote: remote)
            adopted = try adoptRemoteHistory(remote: remote, branch: branch, branchRef: branchRef)
        }
        let snapshot = try takeSnapshot(branchRef: branchRef)
        reach(.afterSnapshot)
        // After adopting the remote's history, all of it counts as received.
        let start = !adopted ? try git { () throws(GitError) in try repository.referenceTarget(branchRef) } : nil
        var report = SyncReport(remote: nil, branch: branch, snapshot: snapshot, outcome: .localOnly, sent: 0, received: 0,
                                receivedPaths: [], mergedPaths: [], newConflicts: [], openConflicts: 0, keptLocal: [],
                                pushAttempts: 0, head: start?.description)
        report.newConflicts = snapshotConflicts.map(ConflictSummary.init)
        // Files of this clone's that the remote also held were merged by the snapshot just now.
        if adopted { report.outcome = .fastForwarded }
        guard let remote else {
            report.openConflicts = ConflictStore(root: root).count()
            report.maintenance = maintainAfterSync(remote: nil, pushed: false)
            return report
        }
        report.remote = remote
        var remoteBranch: String?
        var lastIncoming: ObjectID?
        var lockWaits = 0
        while true {
            if let first = prefetch {
                prefetch = nil
                try finishPrefetch(first, remote: remote)
            } else {
                try fetch(remote)
            }
            reach(.afterFetch)
            if remoteBranch == nil { remoteBranch = try counterpart(of: branch, on: remote) }
            let trackingRef = "refs/remotes/\(remote)/\(remoteBranch ?? branch)"
            let local = try git { () throws(GitError) in try repository.referenceTarget(branchRef) }
            let incoming = try git { () throws(GitError) in try repository.referenceTarget(trackingRef) }
            lastIncoming = incoming
            var needsPush = false
            var backgroundPush: BackgroundGitOperation?
            let remoteRef = "refs/heads/\(remoteBranch ?? branch)"
            switch (local, incoming) {
            case (nil, nil):
                report.outcome = .upToDate
            case (nil, let incoming?):
                report.keptLocal += try moveBranch(branchRef, from: nil, to: incoming)
                report.outcome = .fastForwarded
            case (_?, nil):
                needsPush = true
                report.outcome = .pushed
            case (let local?, let incoming?) where local == incoming:
                if report.outcome == .localOnly { report.outcome = .upToDate }
            case (let local?, let incoming?):
                if try git({ () throws(GitError) in try repository.isDescendant(local, of: incoming) }) {
                    needsPush = true
                    if report.outcome != .merged { report.outcome = .pushed }
                } else if try git({ () throws(GitError) in try repository.isDescendant(incoming, of: local) }) {
                    report.keptLocal += try moveBranch(branchRef, from: local, to: incoming)
                    if report.outcome != .merged { report.outcome = .fastForwarded }
                } else {
                    let merge = try mergeAndCheckout(branchRef: branchRef, local: local, incoming: incoming,
                                                     remote: remote, remoteRef: remoteRef)
                    report.mergedPaths = Array(Set(report.mergedPaths).union(merge.result.mergedPaths)).sorted()
                    report.newConflicts += merge.result.conflicts.map(ConflictSummary.init)
                    report.keptLocal += merge.keptLocal
                    report.outcome = .merged
                    needsPush = true
                    backgroundPush = merge.push
                }
            }
            guard needsPush else { break }
            let transportFailure: TransportFailure?
            report.pushAttempts += 1
            if let backgroundPush {
                transportFailure = backgroundPush.wait()
                try? repository.deleteReference(Syncer.outgoingReference)
            } else {
                reach(.beforePush)
                transportFailure = push(remote, branchRef: branchRef, remoteRef: remoteRef)
            }
            guard let transportFailure else {
                try recordPushed(branchRef: branchRef, trackingRef: trackingRef)
                if !remoteHeadResolves(remote, branch: remoteBranch ?? branch, created: incoming == nil) {
                    report.remoteHeadMissing = remoteBranch ?? branch
                }
                reach(.afterPush)
                break
            }
            guard case .git(let failure) = transportFailure else {
                throw transportFailure.syncError(remote: remote, operation: "push to")
            }
            if failure.code == .locked {
                // Another device is pushing there this moment (or one was stopped mid-way):
                // wait it out, then fetch, merge and push again.
                try waitOutRemoteLock(failure, remote: remote, waits: &lockWaits)
                report.lockWaits = lockWaits
                continue
            }
            guard failure.code == .rejected else {
                throw SyncError.network(remote: remote, operation: "push to", underlying: GitFailure(failure))
            }
            // The remote moved between our fetch and push: fetch, merge and try again.
            guard report.pushAttempts - lockWaits < options.maxPushAttempts else {
                throw SyncError.pushKeptFailing(remote: remote, attempts: report.pushAttempts, lastReason: failure.message)
            }
        }
        try recordUpstream(branch: branch, remote: remote, remoteBranch: remoteBranch ?? branch)
        report.remoteBranch = remoteBranch ?? branch
        let head = try git { () throws(GitError) in try repository.referenceTarget(branchRef) }
        report.head = head?.description
        try count(into: &report, start: start, head: head, incoming: lastIncoming)
        report.openConflicts = ConflictStore(root: root).count()
        // Last, once everything else is done: a sync that got this far has succeeded.
        report.maintenance = maintainAfterSync(remote: remote, pushed: report.pushAttempts > 0)
        return report
    }

    /// Fills in sent, received and the received paths from the commit graph: received are the
    /// remote's commits this notebook lacked, sent are this notebook's commits the remote lacked
    /// (merge commits included) as of the last fetch.
    private func count(into report: inout SyncReport, start: ObjectID?, head: ObjectID?, incoming: ObjectID?) throws(SyncError) {
        guard let head else { return }
        try git { () throws(GitError) in
            if let incoming {
                if report.pushAttempts > 0 { report.sent = try repository.aheadBehind(local: head, upstream: incoming).ahead }
                if let start {
                    report.received = try repository.aheadBehind(local: start, upstream: incoming).behind
                } else {
                    report.received = try repository.log(from: incoming).count
                }
            } else if report.pushAttempts > 0 {
                report.sent = try repository.log(from: head).count
            }
            let startTree = try start.map { id throws(GitError) in try repository.commit(id).treeID }
            let headTree = try repository.commit(head).treeID
            report.receivedPaths = try TreeComparer(repository: repository).changes(from: startTree, to: headTree)
                .compactMap { $0.newPath ?? $0.oldPath }
                .filter { !$0.hasPrefix(ConflictRecord.folder + "/") }
                .sorted()
        }
    }

    /// The marker for a push of `commit` to `remoteRef`. libgit2 moves the local tracking ref
    /// (`refs/remotes/<remote>/...`) after a push, under a lock. The push's progress reports
    /// renew the marker: the locks come right after the last object, however long the objects
    /// took. The lock a push takes in a folder remote is not named here: a time window cannot
    /// tell it from another device's, so it is recorded as taken instead (``OwnRemoteLocks``).
    func pushMarker(remote: String, remoteRef: String, commit: ObjectID?) -> InterruptedWrite {
        InterruptedWrite(name: InterruptedWrite.push, locks: [],
                         folders: [repository.gitDirectory.appending(path: "refs/remotes/\(remote)").path(percentEncoded: false)],
                         value: commit?.description, window: InterruptedWrite.window)
    }

    /// The marker for a fetch from `remote`: it writes `FETCH_HEAD` and the remote's tracking
    /// refs, each under a lock a kill would leave; its progress reports renew it.
    func fetchMarker(remote: String) -> InterruptedWrite {
        InterruptedWrite(name: InterruptedWrite.fetch,
                         locks: [repository.gitDirectory.appending(path: "FETCH_HEAD.lock").path(percentEncoded: false)],
                         folders: [repository.gitDirectory.appending(path: "refs/remotes/\(remote)").path(percentEncoded: false)],
                         value: nil, window: InterruptedWrite.window)
    }

    /// Runs one libgit2 call that writes the index or moves the branch, marked so that the locks
    /// a kill inside it leaves are cleared by the next sync (``InterruptedWrite``). Marked call by
    /// call, so that the window in which a lock counts as the sync's stays seconds long.
    func writingLocally<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        var locks = [repository.gitDirectory.appending(path: "index.lock").path(percentEncoded: false)]
        if let branch = try? repository.currentBranchName() {
            locks.append(repository.gitDirectory.appending(path: "refs/heads/\(branch).lock").path(percentEncoded: false))
        }
        return try InterruptedWrite(name: InterruptedWrite.local, locks: locks, value: nil, window: InterruptedWrite.window)
            .around(repository, body)
    }

    /// The folder of a remote given as a local path or `file://` URL (a relative path from the
    /// notebook's root, as GitKit's fetch and push read it, wherever the process stands); nil
    /// for network remotes.
    func localFolder(of url: String) -> URL? {
        Remote.localFolder(of: url, relativeTo: root)
    }

    /// Calls the test hook.
    func reach(_ checkpoint: SyncCheckpoint) {
        options.checkpoint?(checkpoint)
    }

    /// The network options for one fetch or push, reaching `checkpoint` at its first progress
    /// report, so that the crash tests can stop a sync while objects are on the wire, and renewing
    /// `marker` as objects go out.
    func network(reaching checkpoint: SyncCheckpoint, renewing marker: InterruptedWrite? = nil) -> NetworkOptions {
        var network = options.network.gitOptions
        let hook = options.transferCheckpoint
        OwnRemoteLocks(repository).install(into: &network, checkpoint: hook)
        guard hook != nil || marker != nil else { return network }
        let progress = network.progress
        let markerPath = marker.map { $0.path(repository) }
        // One operation reports progress from one thread at a time (its own).
        var reached = false
        var renewed = Date.distantPast
        network.progress = { report in
            if !reached {
                reached = true
                hook?(checkpoint)
            }
            if let markerPath, Date().timeIntervalSince(renewed) > 0.1 {
                renewed = Date()
                InterruptedWrite.renew(at: markerPath)
            }
            progress?(report)
        }
        return network
    }

    /// Runs a GitKit call, turning its error into ``SyncError/git(_:)``.
    func git<T>(_ body: () throws(GitError) -> T) throws(SyncError) -> T {
        try SyncError.wrapping(body)
    }
}
