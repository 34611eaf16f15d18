import Foundation
import TestSupport
import Testing

/// Encrypted remotes over the network, as through a folder (``EncryptedRemoteTests``): a real
/// sshd and a real https git server keep the carrier; `remote add --encrypt`, `clone` and `sync`
/// go through them; devices converge, the host holds only ciphertext, and two devices pushing at
/// once is an ordinary rejected push that the loser cures by fetching, merging and pushing again.
// The limit guards against a hang, it does not time the tests: the test process runs two tests
// at a time on two cores, and a test waiting for its turn behind minutes-long ones (kill stress,
// disk full) has its clock running; 1 and 2 minutes were exceeded that way under load.
@Suite(.timeLimit(.minutes(10)))
struct EncryptedNetworkTests {
    static let day = "days/2026/2026-11-22.md"

    @Test(arguments: HostileNetworkNotebook.Transport.allCases)
    func threeDevicesConvergeAndTheHostHoldsOnlyCiphertext(transport: HostileNetworkNotebook.Transport) throws {
        let served = try EncryptedNetworkRemote(transport)
        let notebook = served.notebook
        let listing = try served.hearth(["remote", "-v"]).requireSuccess().stdout
        #expect(listing.contains("vault\t\(served.url)\t(encrypted)"), "\(listing)")
        try notebook.hearth("jot", "kettle-lantern-harbour on the laptop").requireSuccess()
        try notebook.hearth("set", "today", "energy=4").requireSuccess()
        try notebook.write("notes/quiet-orchard-plans.md", "---\nkind: note\nmarzipan_key: 7\n---\nthe whistling-otter paragraph\n")
        let first = try served.sync()
        #expect(first.stdout.contains("Sent"), "\(first)")

        let phone = try served.clone("phone-of-quilla")
        #expect(try served.files(phone) == (try served.files(notebook.root)))
        // Appends on both before either syncs: the second sync merges.
        try notebook.hearth(["jot", "velvet-compass from the phone"], in: phone).requireSuccess()
        try notebook.hearth("jot", "amber-thimble on the laptop").requireSuccess()
        try served.sync(phone)
        try served.sync()
        try served.sync(phone)
        let desk = try served.clone("desk")
        let text = try notebook.text(Self.day)
        for line in ["kettle-lantern-harbour", "velvet-compass", "amber-thimble"] { #expect(text.contains(line), "\(text)") }
        for folder in [phone, desk] {
            #expect(try served.files(folder) == (try served.files(notebook.root)))
            #expect(try served.head(folder) == (try served.head(notebook.root)))
        }
        #expect(try notebook.git("log", "-1", "--format=%P").requireSuccess().stdout.split(separator: " ").count == 2,
                "the laptop's sync merged the phone's commit")

        // The host's repository says nothing a reader could use.
        let messages = try notebook.git("log", "--format=%B").requireSuccess().stdout
        let words = ["kettle-lantern-harbour", "velvet-compass", "amber-thimble", "whistling-otter", "quiet-orchard", "2026-11-22",
                     "marzipan_key", "energy", "phone-of-quilla", "laptop", "desk", "hearth sync", "days/", "hearth.yaml", served.passphrase]
        let objects = try served.carrierObjects()
        #expect(objects.count > 1_000)
        for word in words { #expect(objects.range(of: Data(word.utf8)) == nil, "the carrier holds '\(word)'") }
        for line in messages.split(separator: "\n") where line.count > 12 {
            #expect(objects.range(of: Data(line.utf8)) == nil, "the carrier holds the commit message line '\(line)'")
        }
        let carrierLog = try notebook.git(in: served.carrier, "log", "--format=%an %ae %at %s", "hearth-encrypted").requireSuccess().stdout
        #expect(Set(carrierLog.split(separator: "\n")) == ["hearth hearth 0 hearth-encrypted"], "\(carrierLog)")
        for output in served.outputs {
            #expect(!output.stdout.contains(served.passphrase) && !output.stderr.contains(served.passphrase), "\(output)")
        }
    }

    @Test(arguments: HostileNetworkNotebook.Transport.allCases)
    func twoDevicesPushingAtOnceLoseNothing(transport: HostileNetworkNotebook.Transport) throws {
        let served = try EncryptedNetworkRemote(transport)
        let notebook = served.notebook
        try notebook.hearth("jot", "before the race").requireSuccess()
        try served.sync()
        let phone = try served.clone("phone")
        try notebook.hearth("jot", "laptop racing").requireSuccess()
        try notebook.hearth(["jot", "phone racing"], in: phone).requireSuccess()

        // The laptop's push reaches the host and waits there; the phone pushes meanwhile.
        try served.holdFirstPush()
        let binary = try #require(HearthBinary.url)
        let laptopResult = ResultBox(count: 1)
        let laptopDone = DispatchGroup()
        let environment = notebook.environment(served.environment)
        let root = notebook.root
        DispatchQueue.global().async(group: laptopDone) {
            laptopResult.set(0, Result { try ProcessRunner.run(binary, ["sync"], in: root, environment: environment) })
        }
        defer { try? served.releaseHeldPush(); laptopDone.wait() }
        try served.waitUntilAPushIsHeld()
        let phoneSync = try served.sync(phone)
        #expect(phoneSync.stdout.contains("Sent"), "\(phoneSync)")
        try served.releaseHeldPush()
        laptopDone.wait()
        let laptop = try #require(laptopResult.values.first).get()
        #expect(laptop.status == 0, "\(laptop)")
        #expect(laptop.stdout.contains("The remote moved during the sync; pushed on attempt 2."), "\(laptop)")

        // Both built on the same carrier commit; the phone's landed; the laptop's was refused,
        // and it pushed again on top of the phone's.
        let pushes = try served.pushesSeen()
        try #require(pushes.count == 3, "\(pushes)")
        #expect(pushes[0].old == pushes[1].old)
        #expect(pushes[2].old == pushes[1].new)
        let updates = try served.carrierUpdates()
        #expect(updates.suffix(2).map(\.new) == [pushes[1].new, pushes[2].new], "\(updates)")
        #expect(!updates.contains { $0.new == pushes[0].new }, "the laptop's first push landed: \(updates)")
        // No push ever replaced the carrier's branch: each update is a fast-forward.
        for update in updates where update.old != String(repeating: "0", count: 40) {
            #expect(try served.carrierIsAncestor(update.old, of: update.new), "\(update)")
        }

        try served.sync(phone)
        for line in ["before the race", "laptop racing", "phone racing"] {
            #expect(try notebook.text(Self.day).contains(line))
        }
        #expect(try served.files(phone) == (try served.files(notebook.root)))
        #expect(try served.head(phone) == (try served.head(notebook.root)))
        let fsck = try notebook.git("fsck", "--strict", "--no-progress")
        #expect(fsck.status == 0 && !fsck.stderr.contains("error"), "\(fsck)")
        #expect(try notebook.git("status", "--porcelain").requireSuccess().stdout.isEmpty)
    }
}
