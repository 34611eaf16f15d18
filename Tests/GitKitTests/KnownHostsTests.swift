import Foundation
@testable import GitKit
import TestSupport
import Testing

/// Reading and adding to known_hosts as OpenSSH does, checked against OpenSSH's own ssh-keygen,
/// and the SHA-1/HMAC-SHA1 that hashed entries need, against published vectors and sha1sum.
struct KnownHostsTests {
    private static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test func sha1MatchesFIPSVectorsAndSha1sumAcrossBlockBoundaries() throws {
        #expect(Self.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Self.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Self.hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        // Lengths around the 55/56/64-byte padding edges, compared with coreutils.
        try Scratch.with { scratch in
            var generator = SystemRandomNumberGenerator()
            for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000] {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let file = scratch.root.appending(path: "input-\(length)")
                try Data(bytes).write(to: file)
                let result = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sha1sum"), [file.path],
                                                   in: scratch.root, environment: [:])
                #expect(result.stdout.hasPrefix(Self.hex(SHA1.digest(bytes)) + " "), "length \(length)")
            }
        }
    }

    @Test func hmacSHA1MatchesRFC2202() {
        #expect(Self.hex(SHA1.hmac(key: [UInt8](repeating: 0x0B, count: 20), message: Array("Hi There".utf8)))
            == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(Self.hex(SHA1.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
        // A key longer than the block is hashed first.
        #expect(Self.hex(SHA1.hmac(key: [UInt8](repeating: 0xAA, count: 80),
                                   message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "aa4ae5e15272d00e95705637ce8a3b55ed402112")
    }

    @Test func entriesHashedBySshKeygenAreFoundOnTheirLines() throws {
        try Scratch.with { scratch in
            let (typeA, keyA) = try Self.key(in: scratch, named: "a")
            let (_, keyB) = try Self.key(in: scratch, named: "b")
            let file = scratch.root.appending(path: "known_hosts")
            try Data("""
                # comment
                git.example.com \(typeA) \(keyA.base64EncodedString())
                [127.0.0.1]:2222 \(typeA) \(keyA.base64EncodedString())

                """.utf8).write(to: file)
            try SSHKeys.run(["-H", "-f", file.path(percentEncoded: false)])
            let hashed = try String(contentsOf: file, encoding: .utf8)
            #expect(!hashed.contains("example.com") && hashed.contains("|1|"), "\(hashed)")

            let known = try KnownHosts(file: file)
            #expect(known.entries.map(\.line) == [2, 3])
            #expect(known.verdict(host: "git.example.com", port: 22, keyType: typeA, key: keyA) == .trusted(line: 2))
            #expect(known.verdict(host: "127.0.0.1", port: 2222, keyType: typeA, key: keyA) == .trusted(line: 3))
            #expect(known.verdict(host: "127.0.0.1", port: 2222, keyType: typeA, key: keyB) == .changed(lines: [3]))
            // The port is part of the name: port 22 and another port are other hosts.
            #expect(known.verdict(host: "127.0.0.1", port: 22, keyType: typeA, key: keyA) == .unknown)
            #expect(known.verdict(host: "127.0.0.1", port: 2223, keyType: typeA, key: keyA) == .unknown)
            #expect(known.verdict(host: "other.example.com", port: 22, keyType: typeA, key: keyA) == .unknown)
        }
    }

    @Test func plainPatternsMarkersAndBrokenLinesReadAsOpenSSHReadsThem() throws {
        let key = Data([0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 1, 7])
        let other = Data([0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 1, 8])
        let text = """
            *.Example.ORG,!bad.example.org ssh-ed25519 \(key.base64EncodedString())
            host?.lan,[10.0.0.1]:2200 ssh-ed25519 \(key.base64EncodedString()) comment words
            not-base64.lan ssh-ed25519 %%%%
            @cert-authority *.corp ssh-ed25519 \(key.base64EncodedString())
            @revoked revoked.lan ssh-ed25519 \(other.base64EncodedString())
            revoked.lan ssh-ed25519 \(other.base64EncodedString())
            @unknown-marker x.lan ssh-ed25519 \(key.base64EncodedString())
              \t# indented comment
            |1|bm90LXR3ZW50eS1ieXRlcw==|bm90LXR3ZW50eS1ieXRlcw== ssh-ed25519 \(key.base64EncodedString())
            only-two-fields ssh-ed25519
            crlf.lan ssh-ed25519 \(key.base64EncodedString())\r
            """
        let known = KnownHosts(file: URL(filePath: "/nonexistent/known_hosts"), text: text)
        #expect(known.entries.map(\.line) == [1, 2, 4, 5, 6, 11])
        func verdict(_ host: String, _ port: Int = 22, _ presented: Data = key) -> KnownHosts.Verdict {
            known.verdict(host: host, port: port, keyType: "ssh-ed25519", key: presented)
        }
        #expect(verdict("git.example.org") == .trusted(line: 1))
        #expect(verdict("GIT.EXAMPLE.ORG") == .trusted(line: 1), "host names compare case-insensitively")
        #expect(verdict("bad.example.org") == .unknown, "a matching negation excludes the whole line")
        #expect(verdict("git.example.org", 22, other) == .changed(lines: [1]))
        #expect(verdict("host1.lan") == .trusted(line: 2))
        #expect(verdict("host12.lan") == .unknown)
        #expect(verdict("10.0.0.1", 2200) == .trusted(line: 2))
        #expect(verdict("10.0.0.1") == .unknown)
        #expect(verdict("not-base64.lan") == .unknown)
        #expect(verdict("ca.corp") == .unknown, "certificate authorities are not host keys")
        #expect(verdict("revoked.lan", 22, other) == .revoked(line: 5), "@revoked wins over an ordinary line")
        #expect(verdict("x.lan") == .unknown)
        #expect(verdict("crlf.lan") == .trusted(line: 11))
    }

    /// Found by fuzzing: in Swift "\r\n" is one Character, so a file saved with Windows line
    /// endings was read as one line and every host in it was unknown.
    @Test func aFileWithWindowsLineEndingsReadsLineByLine() {
        let key = Data([0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 1, 7])
        let text = "# laptop\r\ngithub.com ssh-ed25519 \(key.base64EncodedString())\r\n[git.example.org]:2222 ssh-ed25519 \(key.base64EncodedString())\r\n"
        let known = KnownHosts(file: URL(filePath: "/nonexistent/known_hosts"), text: text)
        #expect(known.entries.map(\.line) == [2, 3])
        #expect(known.verdict(host: "github.com", port: 22, keyType: "ssh-ed25519", key: key) == .trusted(line: 2))
        #expect(known.verdict(host: "git.example.org", port: 2222, keyType: "ssh-ed25519", key: key) == .trusted(line: 3))
    }

    @Test func addingANewHostCreatesAPrivateFileOpenSSHCanRead() throws {
        try Scratch.with { scratch in
            let (type, key) = try Self.key(in: scratch, named: "host")
            let file = scratch.root.appending(path: "home/.ssh/known_hosts")
            try FileManager.default.createDirectory(at: scratch.root.appending(path: "home"), withIntermediateDirectories: true)
            let verdict = try KnownHosts.addNewHost("127.0.0.1", port: 2222, keyType: type, key: key, to: file)
            #expect(verdict == .unknown)
            let folder = file.deletingLastPathComponent().path(percentEncoded: false)
            #expect(try Self.permissions(folder) == 0o700)
            #expect(try Self.permissions(file.path(percentEncoded: false)) == 0o600)
            let line = "[127.0.0.1]:2222 \(type) \(key.base64EncodedString())"
            #expect(try String(contentsOf: file, encoding: .utf8) == line + "\n")
            let found = try SSHKeys.run(["-F", "[127.0.0.1]:2222", "-f", file.path(percentEncoded: false)])
            #expect(found.contains(line), "\(found)")
            #expect(try KnownHosts(file: file).verdict(host: "127.0.0.1", port: 2222, keyType: type, key: key) == .trusted(line: 1))
        }
    }

    @Test func addingKeepsEveryExistingByteAndNeverAddsASecondKeyForAHost() throws {
        try Scratch.with { scratch in
            let (type, key) = try Self.key(in: scratch, named: "host")
            let (_, other) = try Self.key(in: scratch, named: "other")
            let file = scratch.root.appending(path: "known_hosts")
            // No final newline, and a line this reader skips: both stay exactly as they are.
            let existing = Data("weird line that is not a key\nexample.com \(type) \(other.base64EncodedString())".utf8)
            try existing.write(to: file)
            try KnownHosts.addNewHost("new.example.com", port: 22, keyType: type, key: key, to: file)
            let after = try Data(contentsOf: file)
            #expect(after == existing + Data("\nnew.example.com \(type) \(key.base64EncodedString())\n".utf8))

            // A host that already has a (different) key is not added to: accept-new only adds.
            let refused = try KnownHosts.addNewHost("example.com", port: 22, keyType: type, key: key, to: file)
            #expect(refused == .changed(lines: [2]))
            let same = try KnownHosts.addNewHost("new.example.com", port: 22, keyType: type, key: key, to: file)
            #expect(same == .trusted(line: 3))
            #expect(try Data(contentsOf: file) == after)
        }
    }

    @Test func anUnreadableKnownHostsIsAnErrorNamingIt() throws {
        try Scratch.with { scratch in
            // A folder where the file should be cannot be read as known_hosts (root ignores modes).
            let file = scratch.root.appending(path: "known_hosts")
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
            let error = try #require(throws: KnownHostsError.self) { try KnownHosts(file: file) }
            #expect(error.description.hasPrefix("cannot read \(file.path(percentEncoded: false)):"), "\(error)")
            #expect(try KnownHosts(file: scratch.root.appending(path: "missing")).entries.isEmpty)
        }
    }

    @Test func thePortComesFromTheURLWhenItsHostIsTheOneChecked() {
        #expect(HostKeyTrust.port(in: "ssh://git@127.0.0.1:2222/srv/notes.git", host: "127.0.0.1") == 2222)
        #expect(HostKeyTrust.port(in: "ssh://Example.com:2200/notes.git", host: "example.com") == 2200)
        #expect(HostKeyTrust.port(in: "ssh://u@[::1]:2222/notes.git", host: "::1") == 2222)
        #expect(HostKeyTrust.port(in: "ssh://example.com/notes.git", host: "example.com") == 22)
        #expect(HostKeyTrust.port(in: "git@example.com:notes.git", host: "example.com") == 22)
        #expect(HostKeyTrust.port(in: "ssh://example.com:2200/notes.git", host: "other.com") == 22)
        #expect(HostKeyTrust.port(in: "ssh://example.com:99999/notes.git", host: "example.com") == 22)
    }

    /// A fresh ed25519 key's type and blob, read from its `.pub`.
    private static func key(in scratch: Scratch, named name: String) throws -> (String, Data) {
        let file = scratch.root.appending(path: "keys/\(name)")
        try SSHKeys.generate(type: "ed25519", at: file)
        let fields = try String(contentsOf: file.appendingPathExtension("pub"), encoding: .utf8).split(separator: " ")
        return (String(fields[0]), try #require(Data(base64Encoded: String(fields[1]))))
    }

    private static func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
