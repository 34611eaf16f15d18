import Foundation
import GitKit
import SyncKit
import TestSupport
import Testing

/// A plain `git clone` of a remote whose HEAD names a branch it lacks checks out nothing and sits
/// on that unborn branch; a sync there must join the notebook's branch, not push a second one.
@Suite struct EmptyCloneTests {
    @Test func aSyncInAnEmptyCloneOnAnUnbornMasterJoinsMain() throws {
        try SyncWorld.with(devices: ["laptop"], files: ["days/2026/2026-11-22.md": "---\nkind: day\n---\nfrom laptop\n"]) { world in
            try GitCLI(directory: world.remote, home: world.home)("symbolic-ref", "HEAD", "refs/heads/master")
            try GitCLI(directory: world.base, home: world.home)("clone", "-q", world.remote.path(percentEncoded: false), "desk")
            #expect(try FileManager.default.contentsOfDirectory(atPath: world.root("desk").path) == [".git"])
            _ = try world.sync("desk")
            #expect(world.read("desk", "days/2026/2026-11-22.md") == "---\nkind: day\n---\nfrom laptop\n")
            #expect(world.read("desk", "hearth.yaml") != nil)
            let branches = try GitCLI(directory: world.remote, home: world.home)("branch", "--format=%(refname:short)")
            #expect(branches == "main")
        }
    }
}
