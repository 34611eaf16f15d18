import Foundation
internal import GitKit
import VaultKit

/// The manifests of a carrier's history, newest first, read as far back as asked: how a device
/// follows the chain of `previous` digests from the newest manifest down to the one it saw last.
/// Each carrier commit holds the manifest it was pushed with; a consolidation or a new key is one
/// more commit, so the chain runs through the first parents.
struct CarrierManifests {
    let carrier: Repository
    /// The next commit to read; nil once the root was read.
    private var next: ObjectID?
    /// The keys to try, the current one first (a manifest older than a new key was sealed with
    /// the one before).
    let seals: [VaultSeal]
    /// Sealed manifests read so far, by digest.
    private var read: [String: Data] = [:]

    init(carrier: Repository, start: ObjectID, seals: [VaultSeal]) {
        self.carrier = carrier
        self.next = start
        self.seals = seals
    }

    /// The manifest whose sealed bytes have `digest`, opened; nil when no commit holds it.
    mutating func manifest(digest: String) throws(VaultError) -> VaultManifest? {
        while read[digest] == nil, let commit = next {
            guard let node = try? carrier.commit(commit) else { next = nil; break }
            next = node.parentIDs.first
            if let sealed = try? carrier.fileContents(path: VaultFormat.manifestFile, inCommit: commit) {
                read[VaultSeal.digest(sealed)] = sealed
            }
        }
        guard let sealed = read[digest] else { return nil }
        var failure: VaultError?
        for seal in seals {
            do { return try seal.openManifest(sealed) } catch { failure = failure ?? error }
        }
        throw failure ?? .notAuthentic(file: VaultFormat.manifestFile)
    }
}
