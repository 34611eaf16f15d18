import Foundation
internal import GitKit
import VaultKit

/// A remote whose host sees only ciphertext: the notebook's commits travel as encrypted packs in
/// an ordinary git repository, the carrier, which any git host can keep (see README, "Encrypted
/// remotes", and ``VaultFormat``). The notebook's config names such a remote with the URL
/// `hearth-encrypted::<carrier URL>`, so plain git refuses it (it has no helper of that name)
/// rather than fetching the carrier's files as if they were the notebook.
///
/// A fetch brings the carrier up to date in `.git/hearth/encrypted/<name>/carrier.git`, checks
/// and opens its manifest, imports the packs the notebook lacks and moves the remote's tracking
/// references to the manifest's branches; a push appends one carrier commit holding a pack of
/// what the remote lacks and the next manifest, and pushes it as an ordinary fast-forward, so two
/// devices pushing at once is an ordinary rejected push. Call both while holding the notebook's
/// sync lock: the carrier copy is the sync's alone.
struct EncryptedRemote {
    /// What a notebook's remote URL starts with when the remote is encrypted.
    static let scheme = "hearth-encrypted::"
    /// The carrier's branch as this device's carrier copy tracks it.
    static let trackingBranch = "refs/remotes/origin/" + VaultFormat.branch.dropFirst("refs/heads/".count)
    /// Packs in one manifest beyond which a push consolidates them into one (git's `gc --auto`
    /// repacks beyond 50 packs).
    static let consolidationLimit = 50

    /// The notebook's repository (the handle of the thread this runs on).
    let repository: Repository
    /// The remote's name.
    let name: String
    /// The carrier's URL, a relative folder already made absolute.
    let url: String
    /// Supplies the passphrase when the key on this device does not open the remote.
    let passphrase: (@Sendable (String) -> String?)?
    /// Told of the steps where a crash test stops a sync (the `encrypted-…` ``SyncCheckpoint``s).
    var checkpoint: (@Sendable (SyncCheckpoint) -> Void)?

    /// The carrier URL inside a notebook remote's URL; nil for a plain remote.
    static func carrierURL(of configured: String) -> String? {
        configured.hasPrefix(scheme) ? String(configured.dropFirst(scheme.count)) : nil
    }

    /// The encrypted remote `name` of `repository`; nil when the remote is plain or unknown.
    init?(repository: Repository, name: String, passphrase: (@Sendable (String) -> String?)? = nil) {
        guard let configured = try? repository.remote(named: name)?.url, let url = Self.carrierURL(of: configured) else { return nil }
        self.init(repository: repository, name: name, carrierURL: url, passphrase: passphrase)
    }

    /// The remote `name` with its carrier at `carrierURL` (a relative folder is read from the top
    /// of the work tree, as for any remote).
    init(repository: Repository, name: String, carrierURL: String, passphrase: (@Sendable (String) -> String?)?) {
        self.repository = repository
        self.name = name
        let base = repository.workingDirectory ?? repository.gitDirectory
        if Remote.localPath(of: carrierURL) != nil, !carrierURL.hasPrefix("file://"), let folder = Remote.localFolder(of: carrierURL, relativeTo: base) {
            self.url = folder.path(percentEncoded: false)
        } else {
            self.url = carrierURL
        }
        self.passphrase = passphrase
    }

    /// This device's record of the remote.
    var state: EncryptedRemoteState { EncryptedRemoteState(gitDirectory: repository.gitDirectory, remote: name) }

    // MARK: Fetch

    /// Brings the remote's state here: the carrier fetched, its manifest checked (authentic,
    /// this notebook's, not older than one seen here), the packs the notebook lacks imported,
    /// and `refs/remotes/<name>/<branch>` moved to the manifest's branches.
    func fetch(options: NetworkOptions) throws(TransportFailure) {
        let carrier = try fetchCarrier(options: options)
        checkpoint?(.encryptedCarrierFetched)
        let tip = try tip(of: carrier)
        let current = try read(carrier, at: tip)
        try importPacks(of: current, from: carrier)
        for (reference, hex) in current.manifest.references.sorted(by: { $0.key < $1.key }) where reference.hasPrefix("refs/heads/") {
            guard let id = ObjectID(hex: hex) else { continue }
            let tracking = "refs/remotes/\(name)/" + reference.dropFirst("refs/heads/".count)
            try Self.git { () throws(GitError) in
                let old = try repository.referenceTarget(tracking)
                if old != id { try repository.setReference(tracking, to: id, expecting: old, message: "hearth sync: fetch") }
            }
        }
        try Self.vault { () throws(EncryptedRemoteProblem) in try state.record(seen: VaultSeen(sequence: current.manifest.sequence, digest: current.digest)) }
        Self.keepSmall(carrier)
    }

    /// Rolls up the packs that each fetch adds to the carrier copy, as the notebook's own
    /// maintenance does, when that is due and cheap (a carrier's history is a few files per
    /// push); never fails the fetch, which has done its work.
    static func keepSmall(_ carrier: Repository) {
        guard let needs = try? carrier.maintenanceNeeds(), needs.isDue, needs.isCheap else { return }
        _ = try? carrier.maintain(full: false, fullIfDue: false)
    }

    /// The carrier's state at `commit`: its key opened, its manifest opened and checked against
    /// what this device has seen.
    func read(_ carrier: Repository, at commit: ObjectID) throws(TransportFailure) -> CarrierState {
        let envelopeBytes = try file(VaultFormat.keyFile, of: carrier, at: commit)
        let envelope = try KeyEnvelope(decodingFile: envelopeBytes)
        let sealed = try file(VaultFormat.manifestFile, of: carrier, at: commit)
        let (key, previousKey, unwrapped) = try key(opening: envelope, manifest: sealed)
        let seal = VaultSeal(key: key)
        let manifest = try Self.vault { () throws(VaultError) in try seal.openManifest(sealed) }
        let digest = VaultSeal.digest(sealed)
        // The envelope and the readme are not sealed: the manifest vouches for their bytes.
        for path in Self.vouchedFiles {
            let bytes = path == VaultFormat.keyFile ? envelopeBytes : try file(path, of: carrier, at: commit)
            guard let expected = manifest.files[path], VaultSeal.digest(bytes) == expected else {
                throw .encrypted(.vault(.notAuthentic(file: path)))
            }
        }
        let seen = try Self.vault { () throws(EncryptedRemoteProblem) in try state.seen() }
        // Older manifests, sealed before a new key perhaps, are read back only to follow the chain
        // from the newest down to the one seen here.
        let seals = [seal] + (previousKey.map { [VaultSeal(key: $0)] } ?? [])
        var walk = CarrierManifests(carrier: carrier, start: commit, seals: seals)
        do throws(VaultError) {
            try VaultChain.check(manifest, digest: digest, seen: seen) { wanted throws(VaultError) in try walk.manifest(digest: wanted) }
        } catch .notAuthentic where unwrapped && manifest.sequence > (seen?.sequence ?? 0) {
            // The chain runs through manifests sealed with a key this device never had (the
            // remote was given a new key twice while it was away, or after it forgot its key).
            // The newest is authentic under the key the passphrase opened and newer than the one
            // seen here, so it is no roll-back; only a fork across that gap goes unseen.
        } catch {
            throw .encrypted(.vault(error))
        }
        // Kept only now, with the state it opens checked: a key that a changed envelope yields
        // never replaces the one kept here.
        if unwrapped { try Self.vault { () throws(VaultError) in try state.keys.save(key, remote: name) } }
        return CarrierState(commit: commit, key: key, manifest: manifest, digest: digest)
    }

    /// The key that opens `envelope`: the one kept here when it is that key, else the one the
    /// passphrase unwraps (`unwrapped`; the caller keeps it once it has checked what it opens).
    /// Also returns the key kept here before, if another.
    private func key(opening envelope: KeyEnvelope, manifest sealed: Data) throws(TransportFailure) -> (key: VaultKey, previous: VaultKey?, unwrapped: Bool) {
        let kept = try Self.vault { () throws(VaultError) in try state.keys.load(remote: name) }
        if let kept, kept.keyID == envelope.keyID, kept.notebookID == envelope.notebookID { return (kept, nil, false) }
        if let kept, kept.notebookID != envelope.notebookID {
            throw .encrypted(.vault(.otherNotebook(expected: kept.notebookID, found: envelope.notebookID)))
        }
        // A manifest the kept key still opens was not written after a new key: the envelope that
        // claims another key was changed by someone else, and no passphrase is asked for.
        if let kept, (try? VaultSeal(key: kept).openManifest(sealed)) != nil {
            throw .encrypted(.vault(.notAuthentic(file: VaultFormat.keyFile)))
        }
        guard let passphrase = passphrase?(name) else { throw .encrypted(.passphraseNeeded(changed: kept != nil)) }
        let key = try Self.vault { () throws(VaultError) in try envelope.unwrap(passphrase: passphrase) }
        return (key, kept, true)
    }

    /// Checks every pack file of `current` against its manifest entry (size and SHA-256; a file
    /// already found whole and unchanged since, by its git blob id, is not read again), then
    /// imports into the notebook the objects of every pack it lacks. A pack whose tips the
    /// notebook already holds adds nothing (its objects came another way: a push from here, or
    /// an earlier pack that a consolidation merged), so it is not opened.
    private func importPacks(of current: CarrierState, from carrier: Repository) throws(TransportFailure) {
        var verified = state.verifiedPacks()
        let tree = try Self.git { () throws(GitError) in try carrier.commit(current.commit).treeID }
        for pack in current.manifest.packs {
            let path = VaultFormat.packFolder + "/" + pack.name
            guard let entry = try Self.git({ () throws(GitError) in try carrier.treeEntry(path: path, inTree: tree) }) else {
                throw .encrypted(.missingFile(path: path, commit: current.commit.description))
            }
            guard verified[pack.name] != entry.id.description else { continue }
            let sealed = try file(path, of: carrier, at: current.commit)
            guard sealed.count == pack.size, VaultSeal.digest(sealed) == pack.sha256 else {
                throw .encrypted(.vault(.packMismatch(name: pack.name, reason: "its size or SHA-256 is not the one the manifest names")))
            }
            verified[pack.name] = entry.id.description
        }
        let named = Set(current.manifest.packs.map(\.name))
        try Self.vault { () throws(EncryptedRemoteProblem) in try state.record(verified: verified.filter { named.contains($0.key) }) }
        var imported = state.importedPacks()
        let seal = VaultSeal(key: current.key)
        for pack in current.manifest.packs where !imported.contains(pack.name) {
            let tips = pack.tips.compactMap(ObjectID.init(hex:))
            if tips.count == pack.tips.count, !tips.isEmpty, tips.allSatisfy(repository.containsObject) {
                imported.insert(pack.name)
                continue
            }
            let sealed = try file(VaultFormat.packFolder + "/" + pack.name, of: carrier, at: current.commit)
            let bytes = try Self.vault { () throws(VaultError) in try seal.openPack(sealed, name: pack.name, expected: pack) }
            _ = try Self.git { () throws(GitError) in try repository.importPack(bytes) }
            checkpoint?(.encryptedPackImported)
            imported.insert(pack.name)
        }
        try Self.vault { () throws(EncryptedRemoteProblem) in try state.record(imported: imported) }
    }

    /// The carrier files besides the manifest and packs, each vouched for by the manifest.
    static let vouchedFiles = [VaultFormat.keyFile, VaultFormat.readmeFile]

    /// `files` with `manifest.files` set to their digests, for the vouched files among them.
    static func vouching(for files: [String: Data], in manifest: inout VaultManifest) {
        for path in vouchedFiles { if let bytes = files[path] { manifest.files[path] = VaultSeal.digest(bytes) } }
    }

    // MARK: Push

    /// Sends the commit at `localRef` to the remote's `remoteRef`: one carrier commit on top of
    /// the state fetched last, holding a pack of what the remote lacks and the next manifest,
    /// pushed as a fast-forward. Throws `.git` with `.rejected` when another device pushed
    /// first (fetch, merge and push again), `.locked` as a plain push does.
    func push(localRef: String, remoteRef: String, options: NetworkOptions) throws(TransportFailure) {
        let carrier = try openCarrier()
        let tip = try tip(of: carrier)
        guard let local = try Self.git({ () throws(GitError) in try repository.referenceTarget(localRef) }) else { return }
        let current = try read(carrier, at: tip)
        guard current.manifest.references[remoteRef] != local.description else { return }
        var next = current.successor
        next.references[remoteRef] = local.description
        var files: [String: Data] = [:]
        var removed: [String] = []
        let seal = VaultSeal(key: current.key)
        if next.packs.count >= Self.consolidationLimit {
            // One pack of everything the manifest's branches reach replaces the others, in the
            // same commit: a device reading an older commit still finds its packs there.
            removed = next.packs.map { VaultFormat.packFolder + "/" + $0.name }
            next.packs = []
            let tips = next.references.values.compactMap(ObjectID.init(hex:))
            if let pack = try sealedPack(reachableFrom: tips, hiding: [], seal: seal) {
                next.packs.append(pack.entry)
                files[VaultFormat.packFolder + "/" + pack.entry.name] = pack.sealed
            }
        } else {
            let hidden = current.manifest.references.values.compactMap(ObjectID.init(hex:))
            if let pack = try sealedPack(reachableFrom: [local], hiding: hidden, seal: seal) {
                next.packs.append(pack.entry)
                files[VaultFormat.packFolder + "/" + pack.entry.name] = pack.sealed
            }
        }
        files[VaultFormat.manifestFile] = try Self.vault { () throws(VaultError) in try seal.sealManifest(next) }
        let commit = try Self.git { () throws(GitError) in
            try Self.appendCommit(to: carrier, parent: tip, writing: files, removing: removed)
        }
        try pushCarrier(carrier, commit: commit, options: options)
        checkpoint?(.encryptedCarrierPushed)
        // The remote holds it now: what follows only spares the next fetch some work.
        try Self.vault { () throws(EncryptedRemoteProblem) in
            try state.record(seen: VaultSeen(sequence: next.sequence, digest: VaultSeal.digest(files[VaultFormat.manifestFile] ?? Data())))
            try state.record(imported: state.importedPacks().union(next.packs.map(\.name)))
        }
    }

    /// The sealed pack of the objects `tips` need beyond `hidden`'s history, with its manifest
    /// entry and how many objects it holds; nil when there is nothing to send.
    func sealedPack(reachableFrom tips: [ObjectID], hiding hidden: [ObjectID], seal: VaultSeal)
        throws(TransportFailure) -> (entry: VaultPack, sealed: Data, objectCount: Int)? {
        guard !tips.isEmpty else { return nil }
        let packed = try Self.git { () throws(GitError) in try repository.packData(reachableFrom: tips, hiding: hidden) }
        guard packed.objectCount > 0 else { return nil }
        let name = VaultPack.newName()
        let sealed = try Self.vault { () throws(VaultError) in try seal.sealPack(packed.data, name: name) }
        return (VaultPack(name: name, size: sealed.count, sha256: VaultSeal.digest(sealed), tips: tips.map(\.description)), sealed, packed.objectCount)
    }

    /// Points the carrier copy's branch at `commit` and pushes it.
    func pushCarrier(_ carrier: Repository, commit: ObjectID, options: NetworkOptions) throws(TransportFailure) {
        try Self.git { () throws(GitError) in
            let old = try carrier.referenceTarget(VaultFormat.branch)
            try carrier.setReference(VaultFormat.branch, to: commit, expecting: old, message: "push")
            checkpoint?(.encryptedCarrierCommitted)
            try carrier.push(remote: "origin", refspecs: ["\(VaultFormat.branch):\(VaultFormat.branch)"], options: options)
            // libgit2 moves the tracking reference after a network push, the folder push after its
            // own; either way it must name what the remote now holds.
            let tracked = try carrier.referenceTarget(Self.trackingBranch)
            if tracked != commit { try carrier.setReference(Self.trackingBranch, to: commit, expecting: tracked, message: "push") }
        }
    }

    // MARK: The carrier

    /// Opens this device's copy of the carrier, creating it on first use, with `origin` pointing
    /// at the remote (kept equal to the notebook's remote URL, which the user may change). Locks
    /// left in it are a killed sync's: only syncs, holding the notebook's sync lock, write there.
    func openCarrier() throws(TransportFailure) -> Repository {
        let path = state.carrierPath
        return try Self.git { () throws(GitError) -> Repository in
            let carrier: Repository
            if FileManager.default.fileExists(atPath: path.appending(path: "HEAD").path(percentEncoded: false)) {
                for lock in InterruptedWrite.lockFiles(under: path.path(percentEncoded: false)) { unlink(lock) }
                carrier = try Repository.open(at: path)
            } else {
                carrier = try Repository.create(at: path, initialBranch: String(VaultFormat.branch.dropFirst("refs/heads/".count)), bare: true)
            }
            if let origin = try carrier.remote(named: "origin") {
                if origin.url != url { try carrier.setConfig("remote.origin.url", url) }
            } else {
                try carrier.addRemote(name: "origin", url: url)
            }
            return carrier
        }
    }

    /// This device's copy of the carrier, brought up to date with the remote.
    func fetchCarrier(options: NetworkOptions) throws(TransportFailure) -> Repository {
        let carrier = try openCarrier()
        try Self.git { () throws(GitError) in try carrier.fetch(remote: "origin", options: options) }
        return carrier
    }

    /// The carrier copy's tip as last fetched, or nil when the remote holds no encrypted notebook.
    func optionalTip(of carrier: Repository) throws(TransportFailure) -> ObjectID? {
        try Self.git { () throws(GitError) in try carrier.referenceTarget(Self.trackingBranch) }
    }

    /// The carrier copy's tip as last fetched; `.notEncrypted` when the remote holds none.
    func tip(of carrier: Repository) throws(TransportFailure) -> ObjectID {
        guard let tip = try optionalTip(of: carrier) else { throw .encrypted(.notEncrypted(url: Remote.redacted(url))) }
        return tip
    }

    /// The contents of `path` in the carrier's commit `commit`.
    private func file(_ path: String, of carrier: Repository, at commit: ObjectID) throws(TransportFailure) -> Data {
        guard let data = try Self.git({ () throws(GitError) in try carrier.fileContents(path: path, inCommit: commit) }) else {
            throw .encrypted(.missingFile(path: path, commit: commit.description))
        }
        return data
    }

    /// Commits `files` (path to contents) and the removal of `removing` on top of `parent` in the
    /// carrier, saying nothing: the same author, date and message for every carrier commit.
    static func appendCommit(to carrier: Repository, parent: ObjectID?, writing files: [String: Data],
                             removing: [String]) throws(GitError) -> ObjectID {
        var updates = removing.map { TreeUpdate.remove(path: $0) }
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            updates.append(.upsert(path: path, id: try carrier.writeBlob(data), mode: FileMode.blob))
        }
        let base = try parent.map { id throws(GitError) in try carrier.commit(id).treeID }
        let tree = try carrier.updatedTree(base, applying: updates)
        return try carrier.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], message: carrierMessage,
                                        author: carrierSignature, committer: carrierSignature, updatingReference: nil)
    }

    /// Every carrier commit's author and committer: no name, no device, no time.
    static let carrierSignature = Signature(name: "hearth", email: "hearth", date: Date(timeIntervalSince1970: 0), timeZoneOffsetMinutes: 0)
    /// Every carrier commit's message.
    static let carrierMessage = "hearth-encrypted\n"

    // MARK: Errors

    /// Runs a GitKit call, its error a transport failure.
    static func git<T>(_ body: () throws(GitError) -> T) throws(TransportFailure) -> T {
        do { return try body() } catch { throw .git(error) }
    }

    /// Runs a VaultKit call, its error a transport failure.
    static func vault<T>(_ body: () throws(VaultError) -> T) throws(TransportFailure) -> T {
        do { return try body() } catch { throw .encrypted(.vault(error)) }
    }

    /// Runs a call that fails with an encrypted remote's problem.
    static func vault<T>(_ body: () throws(EncryptedRemoteProblem) -> T) throws(TransportFailure) -> T {
        do { return try body() } catch { throw .encrypted(error) }
    }
}
