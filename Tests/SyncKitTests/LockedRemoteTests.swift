import Foundation
import SyncKit
import Testing

/// A push killed while writing into a folder remote leaves the remote's branch locked; the
/// sync says so at once instead of retrying five times.
@Suite("Locked remote")
struct LockedRemoteTests {
    @Test("a lock in the remote stops the sync with a message naming it, after one push")
    func remoteBranchLocked() throws {
        try SyncWorld.with(devices: ["laptop"]) { world in
            let lock = world.remote.appending(path: "refs/heads/main.lock")
            try Data().write(to: lock)
            try world.write("laptop", "notes/a.md", "a\n")
            var pushes = 0
            do {
                try world.sync("laptop") { if $0 == .beforePush { pushes += 1 } }
                Issue.record("the sync went through a locked remote")
            } catch let error as SyncError {
                #expect("\(error)".contains("main.lock"), "\(error)")
                guard case .remoteLocked = error else { Issue.record("unexpected error: \(error)"); return }
            }
            #expect(pushes == 1)
            try FileManager.default.removeItem(at: lock)
            let report = try world.sync("laptop")
            #expect(report.outcome == .pushed)
        }
    }
}
