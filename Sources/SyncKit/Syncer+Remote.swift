import Foundation
internal import GitKit
import HistoryKit

extension Syncer {
    /// The remote to sync with: the one asked for, else the branch's upstream, else `origin`,
    /// else the only one; nil when none is configured.
    func chooseRemote(branch: String) throws(SyncError) -> String? {
        let names = try git { () throws(GitError) in try repository.remotes().map(\.name) }
        if let asked = options.remote {
            guard names.contains(asked) else { throw SyncError.unknownRemote(name: asked, known: names) }
            return asked
        }
        if let upstream = try git({ () throws(GitError) in try repository.configString("branch.\(branch).remote") }),
           names.contains(upstream) {
            return upstream
        }
        if names.contains("origin") { return "origin" }
        if names.count == 1 { return names[0] }
        if names.isEmpty { return nil }
        throw SyncError.unknownRemote(name: "(none given)", known: names)
    }

    /// Fetches `remote`, reporting network failures with the remote's name. A tracking ref that
    /// another program (a `git fetch` the user runs) holds locked is waited for, a few times.
    func fetch(_ remote: String) throws(SyncError) {
        let marker = fetchMarker(remote: remote)
        var waits = 0
        while true {
            do {
                try marker.around(repository) { () throws(TransportFailure) in
                    try Self.fetch(remote, in: repository, options: network(reaching: .duringFetch, renewing: marker), passphrase: options.passphrase,
                                   checkpoint: options.transferCheckpoint)
                }
                return
            } catch where error.gitError?.isLockContention == true && waits < Self.maxLockWaits {
                waits += 1
                Self.backOff(waits)
            } catch {
                throw error.syncError(remote: remote, operation: "fetch from")
            }
        }
    }

    /// How long a folder remote's lock file may stay unchanged before it counts as left behind
    /// by a stopped push rather than held by a running one (which holds it for milliseconds).
    static let staleRemoteLock: TimeInterval = 10
    /// How long a lock dated older than ``staleRemoteLock`` must still be watched unchanged here
    /// before it counts as left behind: longer than any live push holds its lock.
    static let staleRemoteLockConfirmation: TimeInterval = 2
    /// How many times a push or fetch that found a lock in its way is retried.
    static let maxLockWaits = 8

    /// Called when `failure` (`.locked`) refused a push: another device is pushing there right
    /// now, or a push was stopped mid-way and left its lock. Waits for a folder remote's lock to
    /// go (or to prove stale), then backs off for a random while so that devices that collided do
    /// not collide again in step; the caller then fetches, merges and pushes again. Throws
    /// ``SyncError/remoteLocked(remote:lockFile:age:reason:)`` when the lock stays, and
    /// ``SyncError/remoteMaintained(remote:lockFile:holder:)`` when a maintenance running there
    /// outlasts ``remoteMaintenancePatience``.
    func waitOutRemoteLock(_ failure: GitError, remote: String, waits: inout Int) throws(SyncError) {
        waits += 1
        let lock = failure.lockFile
        let isFolder = pushFolder(of: remote) != nil
        if isFolder, let lock {
            // Left behind means: watched unchanged here that long, or dated that old and watched
            // unchanged for a while. The date alone is not enough: a file server's clock may run
            // behind this one (NFS, SMB), and a live push's lock then looks old at first sight.
            // A new lock is another push: progress.
            // A maintenance of the remote holds its locks far longer than a push, renewing them
            // every second: once one is seen renewed, it is waited for within its own bound.
            let started = Date()
            var patience = started.addingTimeInterval(3 * Self.staleRemoteLock)
            var watched: (since: Date, modified: Date)?
            while let modified = Self.modificationDate(ofFile: lock) {
                let renewed = watched.map { $0.modified != modified } ?? false
                if watched?.modified != modified { watched = (Date(), modified) }
                if renewed, let holder = Self.maintenanceHolder(lock) {
                    patience = max(patience, started.addingTimeInterval(Self.remoteMaintenancePatience))
                    if Date() > patience {
                        throw SyncError.remoteMaintained(remote: remote, lockFile: lock, holder: holder)
                    }
                }
                let seen = Date().timeIntervalSince(watched?.since ?? Date())
                let dated = Date().timeIntervalSince(modified)
                let confirmedOld = dated >= Self.staleRemoteLock && seen >= Self.staleRemoteLockConfirmation
                if seen >= Self.staleRemoteLock || confirmedOld || Date() > patience {
                    if let holder = Self.maintenanceHolder(lock), !confirmedOld, seen < Self.staleRemoteLock {
                        throw SyncError.remoteMaintained(remote: remote, lockFile: lock, holder: holder)
                    }
                    throw SyncError.remoteLocked(remote: remote, lockFile: lock, age: confirmedOld ? max(seen, dated) : seen,
                                                 reason: failure.message)
                }
                Thread.sleep(forTimeInterval: .random(in: 0.005...0.03))
            }
        }
        guard waits <= Self.maxLockWaits else {
            throw SyncError.remoteLocked(remote: remote, lockFile: lock, age: nil, reason: failure.message)
        }
        Self.backOff(waits)
    }

    /// How long a sync waits for a folder remote's lock that a running maintenance holds (seen
    /// renewed) before it gives up and says so: a background maintenance of a large remote takes
    /// a while, and the sync's changes stay committed here meanwhile.
    static let remoteMaintenancePatience: TimeInterval = 120

    /// The holder a maintenance wrote into the lock file at `path`; nil for any other lock.
    static func maintenanceHolder(_ path: String) -> String? {
        guard let contents = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: contents.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix(RemoteMaintenanceLock.holderPrefix) ? text : nil
    }

    /// Sleeps about 50 ms, doubling with each wait up to 2 s, times a random factor.
    static func backOff(_ waits: Int) {
        let base = min(0.05 * pow(2, Double(waits - 1)), 2)
        Thread.sleep(forTimeInterval: base * .random(in: 0.5...1.5))
    }

    /// When `path` last changed; nil when it is not there.
    static func modificationDate(ofFile path: String) -> Date? {
        FileStat.of(path).map { Date(timeIntervalSince1970: Double($0.mtime.seconds) + Double($0.mtime.nanoseconds) / 1e9) }
    }

    /// After a push of `branch`: leaves `remote` clonable by plain git, whose `git clone` checks
    /// out the branch the remote's `HEAD` names (`master` in a repository made by
    /// `git init --bare`) and nothing when that branch does not exist. A folder remote's `HEAD`
    /// is pointed at `branch` when it names a branch that does not exist. Over ssh or https
    /// neither the git protocol nor libgit2 can move it; when the push `created` the branch
    /// there, this asks the server whether its `HEAD` resolves, and returns false when it does
    /// not (the caller tells the user how to fix it on the server). Best effort: a failure to
    /// look is not the sync's failure.
    func remoteHeadResolves(_ remote: String, branch: String, created: Bool) -> Bool {
        // An encrypted remote's carrier is not a notebook that plain git could check out.
        guard !isEncrypted(remote) else { return true }
        if let folder = pushFolder(of: remote) {
            _ = try? Repository.open(at: folder).pointUnbornHead(at: branch)
            return true
        }
        guard created, let names = try? repository.advertisedReferences(remote: remote, options: options.network.gitOptions) else { return true }
        return names.contains("HEAD") || !names.contains("refs/heads/\(branch)")
    }

    /// Pushes the branch and returns its failure, if any (libgit2's `.rejected` when the remote
    /// moved since the fetch), for the caller to retry or report.
    func push(_ remote: String, branchRef: String, remoteRef: String) -> TransportFailure? {
        let marker = pushMarker(remote: remote, remoteRef: remoteRef, commit: try? repository.referenceTarget(branchRef))
        marker.begin(repository)
        defer { marker.end(repository) }
        do {
            try Self.push(remote, in: repository, localRef: branchRef, remoteRef: remoteRef,
                          options: network(reaching: .duringPush, renewing: marker), passphrase: options.passphrase,
                          checkpoint: options.transferCheckpoint)
            return nil
        } catch {
            return error
        }
    }

    /// Records that the remote now holds the branch's commit, as git does after a push.
    func recordPushed(branchRef: String, trackingRef: String) throws(SyncError) {
        try git { () throws(GitError) in
            guard let head = try repository.referenceTarget(branchRef) else { return }
            let tracked = try repository.referenceTarget(trackingRef)
            if tracked != head {
                try InterruptedWrite(name: InterruptedWrite.fetch,
                                     locks: [repository.gitDirectory.appending(path: trackingRef + ".lock").path(percentEncoded: false)],
                                     value: nil, window: InterruptedWrite.window).around(repository) { () throws(GitError) in
                    try repository.setReference(trackingRef, to: head, expecting: tracked, message: "hearth sync: push")
                }
            }
        }
    }

    /// The remote branch this branch syncs with: its configured upstream, else the same name,
    /// else the remote's only branch. The last case is common: `git init --bare` points HEAD at
    /// `master` while the notebook says `main`, and a plain `git clone` of the empty remote then
    /// sits on `master`; pushing a second branch would split the notebook's history in two.
    func counterpart(of branch: String, on remote: String) throws(SyncError) -> String {
        try git { () throws(GitError) -> String in
            var configured: String?
            if try repository.configString("branch.\(branch).remote") == remote,
               let merge = try repository.configString("branch.\(branch).merge"), merge.hasPrefix("refs/heads/") {
                configured = String(merge.dropFirst("refs/heads/".count))
            }
            // An upstream counts once it exists: git clone of an empty remote records one anyway.
            for candidate in [configured, branch].compactMap({ $0 })
            where try repository.referenceTarget("refs/remotes/\(remote)/\(candidate)") != nil {
                return candidate
            }
            let prefix = "refs/remotes/\(remote)/"
            let names = try repository.branches(remote: true)
                .filter { $0.fullName.hasPrefix(prefix) && $0.fullName != prefix + "HEAD" }
                .map { String($0.fullName.dropFirst(prefix.count)) }
            return names.count == 1 ? names[0] : configured ?? branch
        }
    }

    /// Makes `remote` the branch's upstream when it has none, so plain git commands agree.
    func recordUpstream(branch: String, remote: String, remoteBranch: String) throws(SyncError) {
        try git { () throws(GitError) in
            guard try repository.configString("branch.\(branch).remote") == nil else { return }
            try repository.setConfig("branch.\(branch).remote", remote)
            try repository.setConfig("branch.\(branch).merge", "refs/heads/\(remoteBranch)")
        }
    }
}
