import Foundation
import SyncKit
import Testing

/// A notebook whose `origin` is a relative folder path (`../remote.git`, as `git remote add`
/// stores it) syncs with that folder beside its root, wherever the process stands: here the test
/// runner's working directory, where `../remote.git` names nothing.
struct SyncRelativeRemoteTests {
    @Test func aRelativeOriginIsReadFromTheNotebookRoot() throws {
        try SyncWorld.with(devices: ["laptop", "desk"], files: ["notes/a.md": "one\n"]) { world in
            #expect(!FileManager.default.currentDirectoryPath.hasPrefix(world.base.path(percentEncoded: false)))
            try world.git("laptop")("remote", "set-url", "origin", "../remote.git")
            try world.write("desk", "notes/b.md", "from the desk\n")
            try world.sync("desk")
            try world.write("laptop", "notes/c.md", "from the laptop\n")
            let report = try world.sync("laptop")
            #expect(report.remote == "origin" && report.received == 1 && report.sent >= 1, "\(report)")
            #expect(world.read("laptop", "notes/b.md") == "from the desk\n")
            try world.sync("desk")
            #expect(world.read("desk", "notes/c.md") == "from the laptop\n")
            #expect(try world.head("desk") == (try world.head("laptop")))
        }
    }
}
