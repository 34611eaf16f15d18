import Foundation
internal import GitKit
import VaultKit

/// Setting up and looking after a notebook's encrypted remotes: adding one, changing its
/// passphrase, giving it a new key, forgetting the key kept on this device. Syncing with one is
/// ``Syncer/sync()``, exactly as with a plain remote. Each call holds the notebook's sync lock.
public enum EncryptedRemotes {
    /// What a remote URL names: the carrier's URL when the remote is encrypted, nil when plain.
    public static func carrierURL(ofRemoteURL url: String) -> String? {
        EncryptedRemote.carrierURL(of: url)
    }

    /// Whether a key for the encrypted remote `name` is kept on this device, and usable.
    public static func keyStatus(root: URL, name: String) -> EncryptedKeyStatus {
        guard let repository = try? Repository.openNotebook(at: root) else { return .absent }
        let state = EncryptedRemoteState(gitDirectory: repository.gitDirectory, remote: name)
        do {
            return try state.keys.load(remote: name) == nil ? .absent : .kept
        } catch {
            return .unusable(error)
        }
    }

    /// Adds the encrypted remote `name` whose carrier is at `url` (a folder path, `file://`,
    /// ssh or https; a relative folder is read from the top of the work tree). An empty remote
    /// gets a new random key, wrapped by `passphrase`, and a first, empty state; a remote that
    /// already holds an encrypted notebook is joined: `passphrase` must unwrap its key. The key
    /// is then kept on this device. Nothing is left here when it fails.
    ///
    /// - Throws: ``SyncError/encryptedRemote(remote:problem:)`` with `.vault(.wrongPassphrase)`,
    ///   `.vault(.emptyPassphrase)` or `.holdsPlainRepository`; ``SyncError/network(remote:operation:underlying:)``.
    public static func add(root: URL, name: String, url: String, passphrase: String,
                           network: SyncNetwork = SyncNetwork()) throws(SyncError) -> EncryptedRemoteAddOutcome {
        let repository = try Repository.openNotebook(at: root)
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: 10)
        defer { withExtendedLifetime(lock) {} }
        if try SyncError.wrapping({ () throws(GitError) in try repository.remote(named: name) }) != nil {
            throw SyncError.remoteExists(name: name)
        }
        guard !passphrase.isEmpty else { throw SyncError.encryptedRemote(remote: name, problem: .vault(.emptyPassphrase)) }
        let remote = EncryptedRemote(repository: repository, name: name, carrierURL: url, passphrase: { _ in passphrase })
        remote.state.removeAll()
        do throws(TransportFailure) {
            let carrier = try remote.fetchCarrier(options: network.gitOptions)
            var outcome: EncryptedRemoteAddOutcome
            if let tip = try remote.optionalTip(of: carrier) {
                let current = try remote.read(carrier, at: tip)
                outcome = EncryptedRemoteAddOutcome(created: false, branches: current.manifest.references.keys.sorted())
            } else {
                let others = try EncryptedRemote.git { () throws(GitError) in try carrier.branches(remote: true).map(\.fullName) }
                guard others.isEmpty else {
                    throw TransportFailure.encrypted(.holdsPlainRepository(url: Remote.redacted(url), references: others.map { $0.replacingOccurrences(of: "refs/remotes/origin/", with: "refs/heads/") }))
                }
                try create(remote, carrier: carrier, passphrase: passphrase, network: network.gitOptions)
                outcome = EncryptedRemoteAddOutcome(created: true, branches: [])
            }
            try EncryptedRemote.git { () throws(GitError) in _ = try repository.addRemote(name: name, url: EncryptedRemote.scheme + url) }
            return outcome
        } catch {
            remote.state.removeAll()
            throw error.syncError(remote: name, operation: "set up")
        }
    }

    /// Writes a new encrypted notebook's first carrier commit (the readme, the wrapped key and an
    /// empty manifest) and pushes it; keeps the key here.
    private static func create(_ remote: EncryptedRemote, carrier: Repository, passphrase: String, network: NetworkOptions) throws(TransportFailure) {
        let key = VaultKey.generate()
        let files = try EncryptedRemote.vault { () throws(VaultError) -> [String: Data] in
            var files = [VaultFormat.readmeFile: VaultFormat.readme, VaultFormat.keyFile: try KeyEnvelope.wrap(key, passphrase: passphrase).encoded()]
            var manifest = VaultManifest(notebookID: key.notebookID, sequence: 0, previous: nil, references: [:], packs: [])
            EncryptedRemote.vouching(for: files, in: &manifest)
            files[VaultFormat.manifestFile] = try VaultSeal(key: key).sealManifest(manifest)
            return files
        }
        let commit = try EncryptedRemote.git { () throws(GitError) in
            try EncryptedRemote.appendCommit(to: carrier, parent: nil, writing: files, removing: [])
        }
        try EncryptedRemote.vault { () throws(VaultError) in try remote.state.keys.save(key, remote: remote.name) }
        try remote.pushCarrier(carrier, commit: commit, options: network)
    }

    /// Wraps the key of the encrypted remote `name` with `newPassphrase` and pushes that: the
    /// key itself, and so every file the remote holds, stays as it is. When no key is kept here,
    /// `current` must supply the passphrase that unwraps it.
    public static func changePassphrase(root: URL, name: String, current: (@Sendable (String) -> String?)?, newPassphrase: String,
                                        network: SyncNetwork = SyncNetwork()) throws(SyncError) {
        guard !newPassphrase.isEmpty else { throw SyncError.encryptedRemote(remote: name, problem: .vault(.emptyPassphrase)) }
        try updatingCarrier(root: root, name: name, passphrase: current, network: network) { remote, carrier, state throws(TransportFailure) in
            // The next manifest vouches for the new envelope.
            var next = state.successor
            var files: [String: Data] = [:]
            try EncryptedRemote.vault { () throws(VaultError) in
                files[VaultFormat.keyFile] = try KeyEnvelope.wrap(state.key, passphrase: newPassphrase).encoded()
                EncryptedRemote.vouching(for: files, in: &next)
                files[VaultFormat.manifestFile] = try VaultSeal(key: state.key).sealManifest(next)
            }
            return try EncryptedRemote.git { () throws(GitError) in
                try EncryptedRemote.appendCommit(to: carrier, parent: state.commit, writing: files, removing: [])
            }
        }
    }

    /// Gives the encrypted remote `name` a new random key, wrapped by `newPassphrase`: everything
    /// the remote's branches reach goes up again as one pack sealed with it, in one appended
    /// commit, and devices must enter the passphrase once before their next sync. The old key
    /// (on a lost device) opens nothing pushed from now on; the host's history keeps the old
    /// ciphertext, which it opens. Returns what was uploaded.
    public static func rekey(root: URL, name: String, current: (@Sendable (String) -> String?)?, newPassphrase: String,
                             network: SyncNetwork = SyncNetwork()) throws(SyncError) -> EncryptedRemoteRekeyOutcome {
        guard !newPassphrase.isEmpty else { throw SyncError.encryptedRemote(remote: name, problem: .vault(.emptyPassphrase)) }
        var outcome = EncryptedRemoteRekeyOutcome(uploadedBytes: 0, objectCount: 0, replacedPacks: 0)
        var newKey: VaultKey?
        try updatingCarrier(root: root, name: name, passphrase: current, network: network, importing: true) { remote, carrier, state throws(TransportFailure) in
            let key = VaultKey.generate(notebookID: state.key.notebookID)
            let seal = VaultSeal(key: key)
            var next = state.successor
            next.packs = []
            var files: [String: Data] = [:]
            let tips = next.references.values.compactMap(ObjectID.init(hex:))
            let pack = try remote.sealedPack(reachableFrom: tips, hiding: [], seal: seal)
            if let pack {
                next.packs = [pack.entry]
                files[VaultFormat.packFolder + "/" + pack.entry.name] = pack.sealed
            }
            try EncryptedRemote.vault { () throws(VaultError) in
                files[VaultFormat.keyFile] = try KeyEnvelope.wrap(key, passphrase: newPassphrase).encoded()
                EncryptedRemote.vouching(for: files, in: &next)
                files[VaultFormat.manifestFile] = try seal.sealManifest(next)
            }
            outcome = EncryptedRemoteRekeyOutcome(uploadedBytes: files.values.reduce(0) { $0 + $1.count }, objectCount: pack?.objectCount ?? 0,
                                                  replacedPacks: state.manifest.packs.count)
            newKey = key
            return try EncryptedRemote.git { () throws(GitError) in
                try EncryptedRemote.appendCommit(to: carrier, parent: state.commit, writing: files,
                                                 removing: state.manifest.packs.map { VaultFormat.packFolder + "/" + $0.name })
            }
        } afterPush: { remote throws(TransportFailure) in
            guard let newKey else { return }
            try EncryptedRemote.vault { () throws(VaultError) in try remote.state.keys.save(newKey, remote: remote.name) }
        }
        return outcome
    }

    /// Removes the key of the encrypted remote `name` kept on this device; returns whether there
    /// was one. The next sync with it asks for the passphrase.
    @discardableResult
    public static func forgetKey(root: URL, name: String) throws(SyncError) -> Bool {
        let repository = try Repository.openNotebook(at: root)
        let state = EncryptedRemoteState(gitDirectory: repository.gitDirectory, remote: name)
        do {
            return try state.keys.forget(remote: name)
        } catch {
            throw SyncError.encryptedRemote(remote: name, problem: .vault(error))
        }
    }

    /// Fetches the encrypted remote `name` (importing what it holds when `importing`), lets
    /// `change` make one carrier commit on top of its state, and pushes it; a push that another
    /// device beat is tried again on the new state, a few times.
    private static func updatingCarrier(root: URL, name: String, passphrase: (@Sendable (String) -> String?)?, network: SyncNetwork,
                                        importing: Bool = false,
                                        _ change: (EncryptedRemote, Repository, CarrierState) throws(TransportFailure) -> ObjectID,
                                        afterPush: (EncryptedRemote) throws(TransportFailure) -> Void = { _ in }) throws(SyncError) {
        let repository = try Repository.openNotebook(at: root)
        let lock = try SyncLock.acquire(at: repository.syncLockPath, wait: 10)
        defer { withExtendedLifetime(lock) {} }
        guard let remote = EncryptedRemote(repository: repository, name: name, passphrase: passphrase) else {
            let known = (try? repository.remotes().map(\.name)) ?? []
            throw SyncError.unknownRemote(name: name, known: known.filter { EncryptedRemote(repository: repository, name: $0) != nil })
        }
        var attempts = 0
        while true {
            attempts += 1
            do throws(TransportFailure) {
                if importing { try remote.fetch(options: network.gitOptions) }
                let carrier = importing ? try remote.openCarrier() : try remote.fetchCarrier(options: network.gitOptions)
                let state = try remote.read(carrier, at: try remote.tip(of: carrier))
                let commit = try change(remote, carrier, state)
                try remote.pushCarrier(carrier, commit: commit, options: network.gitOptions)
                try afterPush(remote)
                return
            } catch where error.gitError?.code == .rejected && attempts < 4 {
                continue
            } catch {
                throw error.syncError(remote: name, operation: "update")
            }
        }
    }
}
