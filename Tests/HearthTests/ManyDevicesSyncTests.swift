import Foundation
import TestSupport
import Testing

/// Three devices that sync to one folder remote at the same moment, round after round, as a
/// household's laptop, desktop and phone do when a timer fires on each: every sync succeeds
/// (a lock another device holds on the remote is waited out, not reported), every device ends on
/// the same commit, and every line any device added is there.
///
/// Rounds: `HEARTH_STRESS_DEVICE_ROUNDS` (30 in `make test`, more in `make test-stress`).
@Suite struct ManyDevicesSyncTests {
    static let rounds = Int(ProcessInfo.processInfo.environment["HEARTH_STRESS_DEVICE_ROUNDS"] ?? "") ?? 30
    static let day = "days/2026/2026-11-22.md"

    /// One device's clone and the name it syncs as.
    struct Device {
        let name: String
        let root: URL
    }

    @Test func threeDevicesSyncingAtOnceNeverFailAndConverge() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        let remote = notebook.base.appendingPathComponent("remote.git")
        try notebook.git("init", "-q", "--bare", "--initial-branch=main", remote.path).requireSuccess()
        try notebook.hearth("today", "--no-edit").requireSuccess()
        try notebook.hearth("remote", "add", "origin", remote.path).requireSuccess()
        try notebook.hearth("sync", "--quiet").requireSuccess()
        var devices = [Device(name: "laptop", root: notebook.root)]
        for name in ["desk", "phone"] {
            let root = notebook.base.appendingPathComponent(name)
            try notebook.hearth("clone", remote.path, root.path, "--device", name, in: notebook.base).requireSuccess()
            devices.append(Device(name: name, root: root))
        }
        var failures: [String] = []
        var lostPushes: [String] = []
        for round in 0..<Self.rounds {
            for device in devices {
                try notebook.hearth(["done", "ship", "\(device.name) round \(round)"], in: device.root).requireSuccess()
            }
            let results = try syncTogether(devices, notebook)
            let remoteHead = try notebook.git(in: remote, "rev-parse", "main").stdout
            for (device, result) in zip(devices, results) {
                if result.status != 0 { failures.append("round \(round) \(device.name): \(result.stderr)") }
                // A sync that succeeded left its commit on the remote: no other device's push
                // replaced it there (a device may be lost right after a sync that said "sent").
                let head = try notebook.git(in: device.root, "rev-parse", "HEAD").stdout
                let kept = try notebook.git(in: remote, "merge-base", "--is-ancestor",
                                            head.trimmingCharacters(in: .whitespacesAndNewlines), remoteHead.trimmingCharacters(in: .whitespacesAndNewlines))
                if result.status == 0, kept.status != 0 { lostPushes.append("round \(round) \(device.name)") }
            }
        }
        StressReport.append("three devices: \(Self.rounds * devices.count) simultaneous syncs, \(failures.count) failed, \(lostPushes.count) pushes replaced on the remote")
        #expect(failures.isEmpty, "\(failures.count) of \(Self.rounds * devices.count) syncs failed:\n\(failures.joined(separator: "\n"))")
        #expect(lostPushes.isEmpty, "the remote lost what these syncs sent: \(lostPushes)")
        // Settle: each device syncs once more, one after another, twice round.
        for device in devices + devices {
            try notebook.hearth(["sync", "--quiet"], in: device.root).requireSuccess()
        }
        let remoteHead = try notebook.git(in: remote, "rev-parse", "main").stdout
        let expected = try TemporaryNotebook.files(under: notebook.root)
        for device in devices {
            #expect(try notebook.git(in: device.root, "rev-parse", "HEAD").stdout == remoteHead, "\(device.name) did not converge")
            #expect(try notebook.git(in: device.root, "status", "--porcelain").stdout.isEmpty, "\(device.name) has uncommitted changes")
            let files = try TemporaryNotebook.files(under: device.root)
            #expect(files == expected, "\(device.name)'s files differ from laptop's")
            let text = String(decoding: Data(files[Self.day] ?? []), as: UTF8.self)
            for round in 0..<Self.rounds {
                for author in devices where !text.contains("- ship: \(author.name) round \(round)\n") {
                    Issue.record("\(device.name) lacks \(author.name)'s line of round \(round)")
                }
            }
        }
        #expect(try notebook.git(in: remote, "fsck", "--strict", "--no-progress").status == 0)
        #expect(!FileManager.default.fileExists(atPath: remote.appendingPathComponent("refs/heads/main.lock").path))
    }

    @Test func aLockLeftOnTheRemoteIsNamedWithItsAgeAndRemovedOnlyIfNoDeviceSyncs() throws {
        let devices = try SyncCommandTests.TwoDevices()
        let lock = devices.remote.appendingPathComponent("refs/heads/main.lock")
        try Data().write(to: lock)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-600)], ofItemAtPath: lock.path)
        try devices.notebook.hearth("done", "ship", "behind a stale lock").requireSuccess()
        let refused = try devices.notebook.hearth("sync")
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("its branch is locked by \(lock.path), unchanged for 10 min")
                && refused.stderr.contains("remove that file only if no other device is syncing with 'origin' right now"), "\(refused)")
        #expect(FileManager.default.fileExists(atPath: lock.path), "hearth never removes another writer's lock")
        // No sync of this device's recorded taking it, so nothing proves it left behind.
        #expect(!refused.stderr.contains("hearth: removed"), "\(refused)")
        try FileManager.default.removeItem(at: lock)
        try devices.notebook.hearth("sync", "--quiet").requireSuccess()
        #expect(try devices.notebook.git(in: devices.remote, "show", "main:" + Self.day).stdout.contains("behind a stale lock"))
    }

    /// Starts `hearth sync` in every device at the same moment (one thread each, released
    /// together) and returns their results in the devices' order.
    private func syncTogether(_ devices: [Device], _ notebook: TemporaryNotebook) throws -> [ProcessResult] {
        let binary = try #require(HearthBinary.url)
        let environment = notebook.environment()
        let results = ResultBox(count: devices.count)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (index, device) in devices.enumerated() {
            done.enter()
            Thread {
                start.wait()
                results.set(index, Result {
                    try ProcessRunner.run(binary, ["sync", "--quiet"], in: device.root, environment: environment)
                })
                done.leave()
            }.start()
        }
        for _ in devices { start.signal() }
        done.wait()
        return try results.values.map { try $0.get() }
    }
}
