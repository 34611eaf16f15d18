import Foundation
import GitKit

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

    /// Fetches `remote`, reporting network failures with the remote's name.
    func fetch(_ remote: String) throws(SyncError) {
        let marker = fetchMarker(remote: remote)
        do {
            try marker.around(repository) { () throws(GitError) in
                try repository.fetch(remote: remote, options: network(reaching: .duringFetch, renewing: marker))
            }
        } catch {
            throw SyncError.network(remote: remote, operation: "fetch from", underlying: error)
        }
    }

    /// Pushes the branch and returns libgit2's error, if any (`.rejected` when the remote moved
    /// since the fetch), for the caller to retry or report.
    func push(_ remote: String, branchRef: String, remoteRef: String) -> GitError? {
        let marker = pushMarker(remote: remote, remoteRef: remoteRef, commit: try? repository.referenceTarget(branchRef))
        marker.begin(repository)
        defer { marker.end(repository) }
        do {
            try repository.push(remote: remote, refspecs: ["\(branchRef):\(remoteRef)"], options: network(reaching: .duringPush, renewing: marker))
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
