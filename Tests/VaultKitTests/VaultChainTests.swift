import Foundation
import Testing
@testable import VaultKit

/// A chain of real sealed manifests, as a carrier's history holds them.
struct VaultChainTests {
    let key = VaultKey.generate()

    /// Sealed manifests 0 ... `count - 1`, each linking to the one before.
    func chain(_ count: Int, key: VaultKey? = nil) throws -> [(manifest: VaultManifest, digest: String)] {
        let key = key ?? self.key
        let seal = VaultSeal(key: key)
        var links: [(manifest: VaultManifest, digest: String)] = []
        for sequence in 0..<count {
            let manifest = VaultFixture.manifest(key, sequence: UInt64(sequence), previous: links.last?.digest,
                                                 tip: Array("0123456789abcdef")[sequence % 16])
            let sealed = try seal.sealManifest(manifest)
            // What the device reads back: opened and authenticated.
            links.append((try seal.openManifest(sealed), VaultSeal.digest(sealed)))
        }
        return links
    }

    /// The lookup the caller gives: the manifest with that digest, counting the reads.
    final class Lookup: @unchecked Sendable {
        var byDigest: [String: VaultManifest] = [:]
        var reads: [String] = []
        init(_ links: [(manifest: VaultManifest, digest: String)]) {
            for link in links { byDigest[link.digest] = link.manifest }
        }
        func read(_ digest: String) throws(VaultError) -> VaultManifest? {
            reads.append(digest)
            return byDigest[digest]
        }
    }

    @Test func theFirstManifestIsAcceptedWithoutHistory() throws {
        let links = try chain(3)
        let lookup = Lookup(links)
        try VaultChain.check(links[2].manifest, digest: links[2].digest, seen: nil, manifest: lookup.read)
        #expect(lookup.reads.isEmpty)
    }

    @Test func theSameManifestAgainIsAccepted() throws {
        let links = try chain(2)
        let lookup = Lookup(links)
        try VaultChain.check(links[1].manifest, digest: links[1].digest, seen: VaultSeen(sequence: 1, digest: links[1].digest), manifest: lookup.read)
        #expect(lookup.reads.isEmpty)
    }

    @Test func aChainIsFollowedOverSeveralLinks() throws {
        let links = try chain(6)
        let lookup = Lookup(links)
        try VaultChain.check(links[5].manifest, digest: links[5].digest, seen: VaultSeen(sequence: 1, digest: links[1].digest), manifest: lookup.read)
        // 4, 3 and 2 were read; 1 is known by its digest.
        #expect(lookup.reads == [links[4].digest, links[3].digest, links[2].digest])
        // The next link needs no read at all.
        let next = Lookup(links)
        try VaultChain.check(links[2].manifest, digest: links[2].digest, seen: VaultSeen(sequence: 1, digest: links[1].digest), manifest: next.read)
        #expect(next.reads.isEmpty)
    }

    @Test func anOlderManifestIsARollBack() throws {
        let links = try chain(4)
        #expect(throws: VaultError.rolledBack(seen: 3, offered: 1)) {
            try VaultChain.check(links[1].manifest, digest: links[1].digest, seen: VaultSeen(sequence: 3, digest: links[3].digest), manifest: Lookup(links).read)
        }
        #expect(throws: VaultError.rolledBack(seen: 1, offered: 0)) {
            try VaultChain.check(links[0].manifest, digest: links[0].digest, seen: VaultSeen(sequence: 1, digest: links[1].digest), manifest: Lookup(links).read)
        }
    }

    /// Two histories that share their start: the host shows one device's manifests to another
    /// that has seen the other's.
    @Test func aForkIsRefused() throws {
        let links = try chain(3)
        let seal = VaultSeal(key: key)
        var fork = links.map { $0 }
        let forked = VaultFixture.manifest(key, sequence: 2, previous: links[1].digest, tip: "e")
        let forkedSealed = try seal.sealManifest(forked)
        fork[2] = (forked, VaultSeal.digest(forkedSealed))
        // The same sequence with another digest.
        #expect(throws: VaultError.forked(sequence: 2)) {
            try VaultChain.check(fork[2].manifest, digest: fork[2].digest, seen: VaultSeen(sequence: 2, digest: links[2].digest), manifest: Lookup(fork).read)
        }
        // A later manifest whose chain passes the seen sequence at another manifest.
        let after = VaultFixture.manifest(key, sequence: 3, previous: fork[2].digest, tip: "f")
        let afterDigest = VaultSeal.digest(try seal.sealManifest(after))
        #expect(throws: VaultError.forked(sequence: 2)) {
            try VaultChain.check(after, digest: afterDigest, seen: VaultSeen(sequence: 2, digest: links[2].digest), manifest: Lookup(fork).read)
        }
        let later = VaultFixture.manifest(key, sequence: 4, previous: afterDigest, tip: "a")
        var lookup = fork
        lookup.append((after, afterDigest))
        #expect(throws: VaultError.forked(sequence: 1)) {
            try VaultChain.check(later, digest: "unused", seen: VaultSeen(sequence: 1, digest: String(repeating: "9", count: 64)), manifest: Lookup(lookup).read)
        }
    }

    @Test func aBrokenChainIsRefused() throws {
        let links = try chain(5)
        // Manifest 2 missing from the history.
        let missing = Lookup(links)
        missing.byDigest[links[2].digest] = nil
        #expect(throws: VaultError.brokenChain(sequence: 2)) {
            try VaultChain.check(links[4].manifest, digest: links[4].digest, seen: VaultSeen(sequence: 0, digest: links[0].digest), manifest: missing.read)
        }
        // A link that skips a sequence number.
        var skipping = links[4].manifest
        skipping.sequence = 6
        #expect(throws: VaultError.brokenChain(sequence: 5)) {
            try VaultChain.check(skipping, digest: "unused", seen: VaultSeen(sequence: 0, digest: links[0].digest), manifest: Lookup(links).read)
        }
        // A manifest after 0 with no previous link.
        var unlinked = links[3].manifest
        unlinked.previous = nil
        #expect(throws: VaultError.brokenChain(sequence: 2)) {
            try VaultChain.check(unlinked, digest: "unused", seen: VaultSeen(sequence: 1, digest: links[1].digest), manifest: Lookup(links).read)
        }
        // The lookup's own errors are passed on.
        #expect(throws: VaultError.notAuthentic(file: "manifest")) {
            try VaultChain.check(links[4].manifest, digest: links[4].digest, seen: VaultSeen(sequence: 0, digest: links[0].digest)) { (_: String) throws(VaultError) -> VaultManifest? in
                throw .notAuthentic(file: "manifest")
            }
        }
    }
}
