import Foundation
import TestSupport
import Testing

/// Encrypted remotes end to end, with the real binary and a bare folder remote that plain git
/// reads: devices converge through it as through a plain remote, the carrier holds nothing a
/// reader could use, and every way a host can tamper is refused with the notebook unchanged.
@Suite struct EncryptedRemoteTests {
    static let passphrase = "correct horse battery staple"

    /// A notebook `nb` (device `laptop`) with an encrypted remote `vault` at `base/carrier.git`,
    /// and the words each test writes, distinctive enough to find in any byte of the carrier.
    struct World {
        let notebook: TemporaryNotebook
        var carrier: URL { notebook.base.appendingPathComponent("carrier.git") }

        init() throws {
            notebook = try TemporaryNotebook(initialized: true)
            try notebook.git(in: notebook.base, "init", "-q", "--bare", carrier.path).requireSuccess()
            let add = try notebook.hearth(["remote", "add", "vault", carrier.path, "--encrypt"], environment: Self.env)
            try add.requireSuccess()
            #expect(add.stdout.contains("with a new key"), "\(add)")
        }

        static var env: [String: String] { ["HEARTH_PASSPHRASE": EncryptedRemoteTests.passphrase] }

        /// `hearth clone` of the carrier into `base/<name>` as device `name`.
        func clone(_ name: String, passphrase: String? = EncryptedRemoteTests.passphrase) throws -> (URL, ProcessResult) {
            let folder = notebook.base.appendingPathComponent(name)
            let environment = passphrase.map { ["HEARTH_PASSPHRASE": $0] } ?? [:]
            return (folder, try notebook.hearth(["clone", carrier.path, folder.path, "--device", name], in: notebook.base, environment: environment))
        }

        func sync(_ folder: URL? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
            try notebook.hearth(["sync"], in: folder ?? notebook.root, environment: environment)
        }

        func files(_ folder: URL) throws -> [String: [UInt8]] {
            try TemporaryNotebook.files(under: folder).filter { !$0.key.hasPrefix(".git/") }
        }

        /// Every object of the carrier as git sees it, contents included.
        func carrierObjects() throws -> Data {
            let listing = try notebook.git(in: carrier, "cat-file", "--batch-all-objects", "--batch").requireSuccess()
            return listing.stdoutData
        }

        /// A clone of the carrier with the git CLI, to play the host.
        func hostClone(_ name: String = "host") throws -> URL {
            let folder = notebook.base.appendingPathComponent(name)
            try notebook.git(in: notebook.base, "clone", "-q", "-b", "hearth-encrypted", carrier.path, folder.path).requireSuccess()
            return folder
        }
    }

    @Test func devicesConvergeAndTheCarrierHoldsOnlyCiphertext() throws {
        let world = try World()
        let notebook = world.notebook
        try notebook.hearth("jot", "kettle-lantern-harbour on the laptop").requireSuccess()
        try notebook.hearth("set", "today", "energy=4").requireSuccess()
        try notebook.write("notes/quiet-orchard-plans.md", "---\nkind: note\nmarzipan_key: 7\n---\nthe whistling-otter paragraph\n")
        let first = try world.sync()
        try first.requireSuccess()

        let (phone, cloned) = try world.clone("phone-of-quilla")
        try cloned.requireSuccess()
        #expect(try world.files(phone) == (try world.files(notebook.root)))
        try notebook.hearth(["jot", "velvet-compass from the phone"], in: phone).requireSuccess()
        try world.sync(phone).requireSuccess()
        try notebook.hearth("jot", "amber-thimble on the laptop again").requireSuccess()
        try world.sync().requireSuccess()
        try world.sync(phone).requireSuccess()
        let (desk, third) = try world.clone("desk")
        try third.requireSuccess()
        #expect(try world.files(phone) == (try world.files(notebook.root)))
        #expect(try world.files(desk) == (try world.files(notebook.root)))
        let day = try notebook.text("days/2026/2026-11-22.md")
        for line in ["kettle-lantern-harbour", "velvet-compass", "amber-thimble"] { #expect(day.contains(line), "\(day)") }
        // Plain git history on every device: the same commits.
        let heads = try [notebook.root, phone, desk].map { try notebook.git(in: $0, "rev-parse", "HEAD").requireSuccess().stdout.trimmed }
        #expect(Set(heads).count == 1)

        let listing = try notebook.hearth("remote", "-v").requireSuccess().stdout
        #expect(listing.contains("vault\t\(world.carrier.path)\t(encrypted)"), "\(listing)")
        let json = try notebook.hearth("remote", "list", "--json").requireSuccess().stdout
        #expect(json.contains("\"encrypted\":true") || json.contains("\"encrypted\": true"), "\(json)")

        // What the host holds says nothing: not the text, the file names, the keys, the commit
        // messages, the device names or the passphrase; nor after git gc repacks it.
        let messages = try notebook.git("log", "--format=%B").requireSuccess().stdout
        let words = ["kettle-lantern-harbour", "velvet-compass", "amber-thimble", "whistling-otter", "quiet-orchard", "2026-11-22",
                     "marzipan_key", "energy", "phone-of-quilla", "laptop", "hearth sync", "correct horse", "days/", "hearth.yaml"]
        for gc in [false, true] {
            if gc { try notebook.git(in: world.carrier, "gc", "-q", "--aggressive", "--prune=now").requireSuccess() }
            let objects = try world.carrierObjects()
            #expect(objects.count > 1_000)
            for word in words { #expect(objects.range(of: Data(word.utf8)) == nil, "the carrier holds '\(word)' (gc: \(gc))") }
            for line in messages.split(separator: "\n") where line.count > 12 {
                #expect(objects.range(of: Data(line.utf8)) == nil, "the carrier holds the commit message line '\(line)'")
            }
        }
        let carrierLog = try notebook.git(in: world.carrier, "log", "--format=%an %ae %at %s", "hearth-encrypted").requireSuccess().stdout
        #expect(Set(carrierLog.split(separator: "\n")) == ["hearth hearth 0 hearth-encrypted"], "\(carrierLog)")
        // The passphrase is nowhere on disk outside .git/hearth, nor in any output.
        for folder in [notebook.root, phone, desk] {
            for (path, bytes) in try TemporaryNotebook.files(under: folder) where !path.hasPrefix(".git/hearth/") {
                #expect(Data(bytes).range(of: Data(EncryptedRemoteTests.passphrase.utf8)) == nil, "\(path) holds the passphrase")
            }
        }
        #expect(!first.stdout.contains(EncryptedRemoteTests.passphrase) && !first.stderr.contains(EncryptedRemoteTests.passphrase))
        // The key kept on the device is readable by its owner only.
        let keys = notebook.root.appendingPathComponent(".git/hearth/keys")
        let keyFiles = try FileManager.default.contentsOfDirectory(atPath: keys.path)
        #expect(keyFiles.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: keys.appendingPathComponent(keyFiles[0]).path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aWrongOrMissingPassphraseWritesNothing() throws {
        let world = try World()
        try world.notebook.hearth("jot", "a line").requireSuccess()
        try world.sync().requireSuccess()
        let (folder, wrong) = try world.clone("thief", passphrase: "incorrect horse")
        #expect(wrong.status == 1, "\(wrong)")
        #expect(wrong.stderr.contains("wrong passphrase"), "\(wrong)")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let (_, none) = try world.clone("nobody", passphrase: nil)
        #expect(none.status == 1, "\(none)")
        #expect(none.stderr.contains("HEARTH_PASSPHRASE"), "\(none)")
        let (_, empty) = try world.clone("empty", passphrase: "")
        #expect(empty.status == 1, "\(empty)")

        // Adding an encrypted remote onto a plain repository that has history is refused.
        let plain = world.notebook.base.appendingPathComponent("plain.git")
        try world.notebook.git(in: world.notebook.base, "init", "-q", "--bare", plain.path).requireSuccess()
        try world.notebook.git("push", "-q", plain.path, "HEAD:refs/heads/main").requireSuccess()
        let refused = try world.notebook.hearth(["remote", "add", "other", plain.path, "--encrypt"], environment: World.env)
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("not encrypted"), "\(refused)")
        #expect(try world.notebook.git("remote").requireSuccess().stdout.split(separator: "\n") == ["vault"])
        #expect(!FileManager.default.fileExists(atPath: world.notebook.root.appendingPathComponent(".git/hearth/encrypted/other").path))
    }

    @Test func tamperedRolledBackOrForeignStatesAreRefusedAndTheNotebookStaysUnchanged() throws {
        let world = try World()
        let notebook = world.notebook
        try notebook.hearth("jot", "first").requireSuccess()
        try world.sync().requireSuccess()
        let (phone, cloned) = try world.clone("phone")
        try cloned.requireSuccess()
        try notebook.hearth("jot", "second").requireSuccess()
        try world.sync().requireSuccess()
        let good = try notebook.git(in: world.carrier, "rev-parse", "hearth-encrypted").requireSuccess().stdout.trimmed
        let phoneBefore = try world.files(phone)
        let phoneHead = try notebook.git(in: phone, "rev-parse", "HEAD").requireSuccess().stdout.trimmed

        // The host flips one byte of a file and pushes that as a new commit.
        let host = try world.hostClone()
        // A pack the phone already imported is checked again when its bytes change, as is the
        // readme nothing reads; a truncated pack is refused for its size.
        for target in ["manifest", "key", "HEARTH-ENCRYPTED", "newest pack", "imported packs", "truncated packs"] {
            try notebook.git(in: host, "reset", "-q", "--hard", good).requireSuccess()
            let packs = try FileManager.default.contentsOfDirectory(atPath: host.appendingPathComponent("packs").path).sorted().map { "packs/" + $0 }
            // The pack of the laptop's last push: the one the phone has not imported yet.
            let log = try notebook.git(in: host, "log", "-1", "--name-only", "--format=", "--diff-filter=A", "--", "packs").requireSuccess().stdout
            let newest = try #require(log.split(separator: "\n").first.map(String.init))
            let paths: [String]
            switch target {
            case "newest pack": paths = [newest]
            case "imported packs": paths = packs.filter { $0 != newest }
            case "truncated packs": paths = packs
            default: paths = [target]
            }
            #expect(packs.count >= 2 && !paths.isEmpty)
            for path in paths {
                var bytes = try Data(contentsOf: host.appendingPathComponent(path))
                if target == "truncated packs" { bytes = bytes.prefix(bytes.count - 100) } else { bytes[bytes.count - 20] ^= 0x01 }
                try bytes.write(to: host.appendingPathComponent(path))
            }
            if target == "key" {
                // Also claim another key: the phone keeps its key, so it must say the file was
                // changed, not ask for a passphrase and call it wrong.
                var text = try String(contentsOf: host.appendingPathComponent("key"), encoding: .utf8)
                let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("key-id") })
                text = text.replacingOccurrences(of: String(line), with: "key-id " + String(repeating: "0", count: 16))
                try Data(text.utf8).write(to: host.appendingPathComponent("key"))
            }
            try notebook.git(in: host, "commit", "-q", "-am", "hearth-encrypted").requireSuccess()
            try notebook.git(in: host, "push", "-q", "-f", "origin", "hearth-encrypted").requireSuccess()
            let refused = try world.sync(phone, environment: World.env)
            #expect(refused.status == 1, "\(target): \(refused)")
            #expect(!refused.stderr.contains("wrong passphrase"), "\(target): \(refused)")
            #expect(refused.stderr.contains("unchanged"), "\(target): \(refused)")
            #expect(try world.files(phone) == phoneBefore)
            #expect(try notebook.git(in: phone, "rev-parse", "HEAD").requireSuccess().stdout.trimmed == phoneHead)
        }
        // Repaired, the next sync works.
        try notebook.git(in: world.carrier, "update-ref", "refs/heads/hearth-encrypted", good).requireSuccess()
        try world.sync(phone).requireSuccess()
        #expect(try notebook.text("days/2026/2026-11-22.md") == (try String(contentsOf: phone.appendingPathComponent("days/2026/2026-11-22.md"), encoding: .utf8)))

        // The host serves an older state than the phone has seen: refused.
        let older = try notebook.git(in: world.carrier, "rev-parse", "hearth-encrypted~1").requireSuccess().stdout.trimmed
        try notebook.git(in: world.carrier, "update-ref", "refs/heads/hearth-encrypted", older).requireSuccess()
        let rolledBack = try world.sync(phone)
        #expect(rolledBack.status == 1, "\(rolledBack)")
        #expect(rolledBack.stderr.contains("older"), "\(rolledBack)")
        try notebook.git(in: world.carrier, "update-ref", "refs/heads/hearth-encrypted", good).requireSuccess()
        try world.sync(phone).requireSuccess()

        // Another notebook's carrier put in its place: refused.
        let other = try TemporaryNotebook(initialized: true)
        let otherCarrier = other.base.appendingPathComponent("carrier.git")
        try other.git(in: other.base, "init", "-q", "--bare", otherCarrier.path).requireSuccess()
        try other.hearth(["remote", "add", "vault", otherCarrier.path, "--encrypt"], environment: World.env).requireSuccess()
        try other.hearth(["sync"]).requireSuccess()
        let foreign = try other.git(in: otherCarrier, "rev-parse", "hearth-encrypted").requireSuccess().stdout.trimmed
        try notebook.git(in: world.carrier, "fetch", "-q", otherCarrier.path, "+hearth-encrypted:refs/heads/hearth-encrypted").requireSuccess()
        #expect(try notebook.git(in: world.carrier, "rev-parse", "hearth-encrypted").requireSuccess().stdout.trimmed == foreign)
        let swapped = try world.sync(phone, environment: World.env)
        #expect(swapped.status == 1, "\(swapped)")
        #expect(try world.files(phone) == (try world.files(notebook.root)))
    }

    /// A plain remote and an encrypted one on the same notebook: each sync goes where it is told,
    /// and a plain clone and an encrypted clone hold the same notebook.
    @Test func aPlainAndAnEncryptedRemoteCoexist() throws {
        let world = try World()
        let notebook = world.notebook
        let plain = notebook.base.appendingPathComponent("plain.git")
        try notebook.git(in: notebook.base, "init", "-q", "--bare", plain.path).requireSuccess()
        try notebook.hearth("remote", "add", "origin", plain.path).requireSuccess()
        try notebook.hearth("jot", "both remotes get this").requireSuccess()
        try notebook.hearth("sync", "origin").requireSuccess()
        try notebook.hearth("sync", "vault").requireSuccess()
        let listing = try notebook.hearth("remote", "-v").requireSuccess().stdout
        #expect(listing.contains("origin\t\(plain.path)\n") && listing.contains("vault\t\(world.carrier.path)\t(encrypted)"), "\(listing)")
        let (secret, cloned) = try world.clone("secret")
        try cloned.requireSuccess()
        let open = notebook.base.appendingPathComponent("open")
        try notebook.hearth(["clone", plain.path, open.path, "--device", "open"], in: notebook.base).requireSuccess()
        #expect(try world.files(secret) == (try world.files(open)))
        // The plain remote holds the text; the encrypted one does not.
        #expect(try notebook.git(in: plain, "show", "main:days/2026/2026-11-22.md").requireSuccess().stdout.contains("both remotes get this"))
        #expect(try world.carrierObjects().range(of: Data("both remotes get this".utf8)) == nil)
    }

    @Test func passphraseChangeRekeyAndForgottenKeys() throws {
        let world = try World()
        let notebook = world.notebook
        try notebook.hearth("jot", "before the change").requireSuccess()
        try world.sync().requireSuccess()
        let (phone, cloned) = try world.clone("phone")
        try cloned.requireSuccess()

        // A new passphrase: the phone keeps syncing with the key it has; a new clone needs it.
        try notebook.hearth(["remote", "passphrase", "vault"], environment: ["HEARTH_NEW_PASSPHRASE": "a new one entirely"]).requireSuccess()
        try notebook.hearth(["jot", "from the phone"], in: phone).requireSuccess()
        try world.sync(phone).requireSuccess()
        let (_, old) = try world.clone("old-passphrase")
        #expect(old.status == 1 && old.stderr.contains("wrong passphrase"), "\(old)")
        let (tablet, renewed) = try world.clone("tablet", passphrase: "a new one entirely")
        try renewed.requireSuccess()

        // A key file others can read is listed as unusable, saying why, not as "no key".
        let keyFile = phone.appendingPathComponent(".git/hearth/keys/origin.key")
        #expect(chmod(keyFile.path, 0o644) == 0)
        let unsafe = try notebook.hearth(["remote", "-v"], in: phone).requireSuccess().stdout
        #expect(unsafe.contains("(encrypted; the key on this device cannot be used: key file \(keyFile.path)") && unsafe.contains("mode 644"), "\(unsafe)")
        let unsafeJSON = try notebook.hearth(["remote", "list", "--json"], in: phone).requireSuccess().stdout
        let unsafeRow = try #require(try JSONSerialization.jsonObject(with: Data(unsafeJSON.utf8)) as? [[String: Any]]).first
        #expect(unsafeRow?["key_on_this_device"] as? Bool == false && (unsafeRow?["key_problem"] as? String)?.contains("mode 644") == true, "\(unsafeJSON)")
        #expect(chmod(keyFile.path, 0o600) == 0)
        #expect(try notebook.hearth(["remote", "-v"], in: phone).requireSuccess().stdout.contains("(encrypted)\n"))

        // Forgetting the key: the next sync needs the passphrase again.
        try notebook.hearth(["remote", "forget-key", "origin"], in: phone).requireSuccess()
        let forgotten = try notebook.hearth(["remote", "-v"], in: phone).requireSuccess().stdout
        #expect(forgotten.contains("(encrypted; no key on this device)"), "\(forgotten)")
        let asks = try world.sync(phone)
        #expect(asks.status == 1 && asks.stderr.contains("HEARTH_PASSPHRASE"), "\(asks)")
        try world.sync(phone, environment: ["HEARTH_PASSPHRASE": "a new one entirely"]).requireSuccess()

        // A new key after losing the tablet: it opens nothing pushed since, other devices ask once.
        let rekey = try notebook.hearth(["remote", "rekey", "vault"], environment: ["HEARTH_NEW_PASSPHRASE": "third time"])
        try rekey.requireSuccess()
        #expect(rekey.stdout.contains("new key"), "\(rekey)")
        try notebook.hearth("jot", "after the rekey").requireSuccess()
        try world.sync().requireSuccess()
        let lost = try world.sync(tablet)
        #expect(lost.status == 1, "\(lost)")
        let lostWithOld = try world.sync(tablet, environment: ["HEARTH_PASSPHRASE": "a new one entirely"])
        #expect(lostWithOld.status == 1 && lostWithOld.stderr.contains("wrong passphrase"), "\(lostWithOld)")
        #expect(!(try String(contentsOf: tablet.appendingPathComponent("days/2026/2026-11-22.md"), encoding: .utf8)).contains("after the rekey"))
        try world.sync(phone, environment: ["HEARTH_PASSPHRASE": "third time"]).requireSuccess()
        #expect(try world.files(phone) == (try world.files(notebook.root)))

        // Two new keys while the phone is away: the manifests between were sealed with a key it
        // never had; the newest passphrase still brings it up to date.
        try notebook.hearth(["remote", "rekey", "vault"], environment: ["HEARTH_NEW_PASSPHRASE": "fourth"]).requireSuccess()
        try notebook.hearth("jot", "between the two new keys").requireSuccess()
        try world.sync().requireSuccess()
        try notebook.hearth(["remote", "rekey", "vault"], environment: ["HEARTH_NEW_PASSPHRASE": "fifth"]).requireSuccess()
        try world.sync(phone, environment: ["HEARTH_PASSPHRASE": "fifth"]).requireSuccess()
        #expect(try world.files(phone) == (try world.files(notebook.root)))
        // An older state is still refused afterwards, even with the passphrase that opened it.
        let older = try notebook.git(in: world.carrier, "rev-parse", "hearth-encrypted~1").requireSuccess().stdout.trimmed
        try notebook.git(in: world.carrier, "update-ref", "refs/heads/hearth-encrypted", older).requireSuccess()
        let rolledBack = try world.sync(phone, environment: ["HEARTH_PASSPHRASE": "fourth"])
        #expect(rolledBack.status == 1 && rolledBack.stderr.contains("older"), "\(rolledBack)")
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
