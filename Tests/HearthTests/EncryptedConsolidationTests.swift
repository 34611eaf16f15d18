import Foundation
import TestSupport
import Testing

/// The carrier's consolidation, for real: the push that finds 50 packs in the manifest
/// (`EncryptedRemote.consolidationLimit`, as git's `gc --auto` repacks beyond 50 packs) replaces
/// them with one pack in the commit it appends, and no device notices: not one that fetched the
/// state before and syncs after, not a new clone; the carrier's older commits stay whole.
@Suite struct EncryptedConsolidationTests {
    /// The commit the carrier's `revision` names.
    private func commit(_ world: EncryptedRemoteTests.World, _ revision: String) throws -> String {
        try world.notebook.git(in: world.carrier, "rev-parse", revision).requireSuccess().stdout
    }

    /// The packs named in the carrier's tree at `revision`.
    private func packs(_ world: EncryptedRemoteTests.World, at revision: String) throws -> [String] {
        let listing = try world.notebook.git(in: world.carrier, "ls-tree", "--name-only", revision, "packs/").requireSuccess()
        return listing.stdout.split(separator: "\n").map(String.init)
    }

    @Test func fiftyPacksBecomeOneAndEveryDeviceStillSyncs() throws {
        let world = try EncryptedRemoteTests.World()
        let notebook = world.notebook
        let note = "notes/pushes.md"
        var text = "---\ntitle: Pushes\n---\n"
        var lines: [String] = []
        /// Appends a line and pushes it: one carrier commit, one pack.
        func push() throws {
            lines.append("push \(lines.count + 1) of the laptop")
            text += lines.last! + "\n"
            try notebook.write(note, text)
            try world.sync().requireSuccess()
        }
        try push()
        for _ in 1..<49 { try push() }
        #expect(try packs(world, at: "hearth-encrypted").count == 49)
        // The phone holds the state before consolidation and writes on it meanwhile.
        let (phone, cloned) = try world.clone("phone")
        try cloned.requireSuccess()
        try notebook.hearth(["jot", "phone line before the consolidation"], in: phone).requireSuccess()
        try push()
        let before = try commit(world, "hearth-encrypted").trimmingCharacters(in: .newlines)
        let older = try packs(world, at: before)
        #expect(older.count == 50)
        try push()

        let after = try packs(world, at: "hearth-encrypted")
        #expect(after.count == 1, "the carrier's tip holds \(after)")
        #expect(Set(after).isDisjoint(with: older), "the consolidated pack is a new one")
        // Appended, not rewritten: the old tip is the new one's parent, its packs all still there.
        #expect(try commit(world, "hearth-encrypted^") == before + "\n")
        #expect(try packs(world, at: before) == older)
        try notebook.git(in: world.carrier, "fsck", "--strict", "--no-progress").requireSuccess()

        let phoneSync = try world.sync(phone)
        #expect(phoneSync.status == 0, "\(phoneSync)")
        let (desk, third) = try world.clone("desk")
        try third.requireSuccess()
        try world.sync().requireSuccess()
        for folder in [phone, desk] {
            let pushes = try String(contentsOf: folder.appending(path: note), encoding: .utf8)
            #expect(lines.allSatisfy { pushes.contains($0 + "\n") }, "\(folder.lastPathComponent) lacks lines:\n\(pushes)")
        }
        try world.sync(desk).requireSuccess()
        let heads = try [notebook.root, phone, desk].map { try notebook.git(in: $0, "rev-parse", "HEAD").requireSuccess().stdout }
        #expect(Set(heads).count == 1, "the devices differ after the consolidation")
        let day = try notebook.text(SyncCommandTests.path)
        #expect(day.contains("phone line before the consolidation"), "\(day)")
    }
}
