import Foundation
import GitKit
import TestSupport
import Testing

/// The loose-object census that every sync runs (`maintenanceNeeds`) and the roll-up's listing:
/// they open only the fan-out folders `objects/` lists, and count what git counts.
struct LooseObjectCensusTests {
    /// Folders that are not git's fan-out folders (`zz`, `g0`) are never counted, even
    /// when they hold files named like objects; the count matches `git count-objects` whether
    /// the real fan-out folders are many or all gone after a roll-up; a folder created after a
    /// roll-up removed it is found again.
    @Test func theCensusCountsWhatGitCountsInTheFanOutFoldersThatExist() throws {
        try Scratch.with { scratch in
            let git = scratch.git
            try git("init", "-q", "-b", "main")
            let repository = try Repository.open(at: scratch.root)
            for index in 0..<40 { try scratch.write("notes/\(index).md", "note \(index)\n") }
            try git("add", "-A")
            let objects = scratch.root.appending(path: ".git/objects").path(percentEncoded: false)
            let decoy = String(repeating: "a", count: 38)
            for folder in ["zz", "g0"] {
                try FileManager.default.createDirectory(atPath: objects + "/" + folder, withIntermediateDirectories: true)
                try Data("not an object".utf8).write(to: URL(fileURLWithPath: objects + "/" + folder + "/" + decoy))
            }
            let counted = try git.countObjects()["count"]
            #expect(counted == 40)
            #expect(try repository.maintenanceNeeds().looseObjects == counted)

            let outcome = try repository.maintain(full: false)
            #expect(outcome.looseObjectsRemoved == 40)
            #expect(try repository.maintenanceNeeds().looseObjects == 0)
            let fanouts = try FileManager.default.contentsOfDirectory(atPath: objects)
                .filter { $0.utf8.count == 2 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() }
            #expect(fanouts.isEmpty, "the roll-up removes the fan-out folders it empties: \(fanouts)")

            try scratch.write("notes/new.md", "written after the roll-up\n")
            try git("add", "-A")
            #expect(try repository.maintenanceNeeds().looseObjects == 1)
            #expect(try git.countObjects()["count"] == 1)
            #expect(FileManager.default.fileExists(atPath: objects + "/zz/" + decoy), "a folder that is not git's stays untouched")
            try git.expectFsckClean()
        }
    }
}
