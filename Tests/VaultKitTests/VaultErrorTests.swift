import Testing
import VaultKit

struct VaultErrorTests {
    /// Each message carries its facts, so the program can print it after its own advice.
    @Test func descriptionsNameTheirFacts() {
        let cases: [(VaultError, [String])] = [
            (.malformed(file: "key", line: 4, reason: "scrypt r 0 is outside 1...32"), ["key, line 4: scrypt r 0"]),
            (.malformed(file: "manifest", line: nil, reason: "not a manifest"), ["manifest: not a manifest"]),
            (.notAuthentic(file: "packs/0123"), ["packs/0123 is not authentic"]),
            (.otherNotebook(expected: "aaa", found: "bbb"), ["notebook bbb", "(aaa)"]),
            (.packMismatch(name: "0123", reason: "12 bytes, the manifest says 13"), ["pack 0123: 12 bytes"]),
            (.rolledBack(seen: 7, offered: 5), ["manifest 5", "manifest 7", "rolled back"]),
            (.forked(sequence: 3), ["manifest 3", "forked"]),
            (.brokenChain(sequence: 2), ["broken at manifest 2"]),
            (.keyFile(path: "/x/origin.key", reason: "cannot be read: Permission denied"), ["/x/origin.key: cannot be read"]),
            (.insecureKeyFile(path: "/x/origin.key", mode: 0o640), ["/x/origin.key", "mode 640", "600"]),
            (.wrongPassphrase, ["wrong passphrase"]),
            (.emptyPassphrase, ["empty"]),
        ]
        for (error, parts) in cases {
            for part in parts {
                #expect(error.description.contains(part), "\(error.description)")
            }
        }
    }
}
