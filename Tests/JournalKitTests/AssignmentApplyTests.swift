import Foundation
import JournalKit
import NoteKit
import Testing

/// `EntryFactory.apply`: a near miss of a known key is refused unless new keys are allowed.
@Suite("EntryFactory.apply")
struct AssignmentApplyTests {
    let day = "---\nkind: day\ndate: 2026-11-22\nenergy: 3\nBedtime: \"23:00\"\n---\nbody\n"

    @Test(arguments: [("Mood", "mood"), ("enrgy", "energy"), ("tag", "tags"), ("bedtime", "Bedtime"), ("Energy", "energy")])
    func aNearMissIsRefusedAndNothingIsSet(key: String, meant: String) throws {
        var note = try Note(parsing: day, path: "days/2026/2026-11-22.md")
        #expect(throws: JournalError.nearMissKey(key: key, suggestion: meant)) {
            try EntryFactory.apply([("sleep_h", "7"), (key, "4")], to: &note, newKeys: false)
        }
    }

    @Test func withNewKeysTheKeyIsAddedAsTyped() throws {
        var note = try Note(parsing: day, path: "days/2026/2026-11-22.md")
        try EntryFactory.apply([("Mood", "4")], to: &note, newKeys: true)
        #expect(note.text == day.replacingOccurrences(of: "---\nbody", with: "Mood: 4\n---\nbody"))
    }

    @Test func keysTheEntryHasAndTheUsersOwnKeysAreSet() throws {
        var note = try Note(parsing: day, path: "days/2026/2026-11-22.md")
        // `Bedtime` is in the entry exactly; `walk_h` and `commute_h` are close to nothing.
        try EntryFactory.apply([("Bedtime", "23:30"), ("walk_h", "1"), ("commute_h", "0.5")], to: &note, newKeys: false)
        #expect(note["Bedtime"]?.string == "23:30")
        #expect(note["walk_h"]?.double == 1)
        #expect(note["commute_h"]?.double == 0.5)
    }

    @Test func aNoteIsHeldToTheKeysEveryEntryShares() throws {
        var note = try Note(parsing: "---\ntitle: Ideas\n---\n", path: "notes/ideas.md")
        #expect(throws: JournalError.nearMissKey(key: "Tags", suggestion: "tags")) {
            try EntryFactory.apply([("Tags", "[x]")], to: &note, newKeys: false)
        }
        try EntryFactory.apply([("mood", "9")], to: &note, newKeys: false)
        #expect(note["mood"]?.int == 9)
    }
}
