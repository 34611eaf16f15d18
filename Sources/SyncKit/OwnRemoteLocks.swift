import Foundation
internal import GitKit
import NoteKit

/// Branch locks that this notebook's syncs take in folder remotes, recorded while held, so that
/// one left by a sync killed mid-push is proven this device's and removed by the next sync.
///
/// A folder remote (a path, a USB stick, a shared folder) is written by the pushing process
/// itself: a push killed between taking `refs/heads/main.lock` and renaming it into the branch
/// leaves the lock, and every device's push there fails until it is removed. No device can tell
/// such a lock from a live push of another device by looking at it, and hearth never removes a
/// lock it cannot prove dead. A push records, under `.git/hearth/remote-locks/`, each lock it
/// has just taken and written (``FolderRefLock``: path, device and inode, modification time,
/// size, contents) and who took it (``ProcessIdentity``), and removes the record once the lock is
/// gone. A record the next sync finds (it holds the notebook's sync lock, so no sync from here
/// is running) names a lock that is removed only when all of this holds: the file at that path
/// is still the one recorded (same device, inode, time, size and contents: not a lock another
/// device took since), and the process that took it is proven gone (``ProcessIdentity``). A
/// lock that fails any of these stays, and the sync refuses it as before, naming it.
///
/// A kill between the lock's creation and its record (a few microseconds: one write of 41
/// bytes) leaves a lock without a record: that one is refused as any foreign lock is.
struct OwnRemoteLocks {
    /// The folder holding the records.
    let folder: String

    init(_ repository: Repository) {
        folder = repository.gitDirectory.appending(path: "hearth/remote-locks").path(percentEncoded: false)
    }

    /// The record file of the lock at `path`.
    private func recordPath(_ path: String) -> String {
        folder + "/" + FNV1a.hex(Array(path.utf8), digits: 16)
    }

    /// Records that `holder` holds `lock`, atomically (temp file and rename): a record is either
    /// whole or absent.
    func record(_ lock: FolderRefLock, by holder: ProcessIdentity = .current) {
        let fields = [
            "path \(lock.path)", "device \(lock.stat.device)", "inode \(lock.stat.inode)",
            "mtime \(lock.stat.mtime.seconds).\(lock.stat.mtime.nanoseconds)", "size \(lock.stat.size)",
            "value \(lock.value)", "pid \(holder.pid)", "start \(holder.start ?? "")", "boot \(holder.boot ?? "")",
            "host \(holder.host)",
        ]
        // Best effort: without a record the lock, if left behind, is refused and named, as before.
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data((fields.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: recordPath(lock.path)), options: .atomic)
    }

    /// Removes the record of `lock`: it was renamed into the branch or removed.
    func release(_ lock: FolderRefLock) {
        unlink(recordPath(lock.path))
    }

    /// Makes the pushes that `network` serves record the folder locks they take, and reach
    /// ``SyncCheckpoint/holdingRemoteLock`` while holding one (the kill tests stop there).
    func install(into network: inout NetworkOptions, checkpoint: (@Sendable (SyncCheckpoint) -> Void)?) {
        network.folderLockTaken = { lock in
            record(lock)
            checkpoint?(.holdingRemoteLock)
        }
        network.folderLockReleased = { lock in release(lock) }
    }

    /// Removes the locks that records prove left by this device's dead syncs and returns their
    /// paths; drops every record whose lock is gone or is no longer the file recorded. Call while
    /// holding the notebook's sync lock.
    func recover() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names {
            let record = folder + "/" + name
            guard let text = try? String(contentsOfFile: record, encoding: .utf8) else { continue }
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let space = line.firstIndex(of: " ") else { continue }
                fields[String(line[..<space])] = String(line[line.index(after: space)...])
            }
            guard let path = fields["path"], let recorded = Self.stat(fields), let value = fields["value"],
                  let pid = fields["pid"].flatMap(Int32.init), let host = fields["host"] else {
                // A temporary file of a write that was killed, or a damaged record: it proves nothing.
                unlink(record)
                continue
            }
            let holder = ProcessIdentity(pid: pid, start: fields["start"].flatMap { $0.isEmpty ? nil : $0 },
                                         boot: fields["boot"].flatMap { $0.isEmpty ? nil : $0 }, host: host)
            guard let now = FileStat.of(path), now.device == recorded.device, now.inode == recorded.inode,
                  now.mtime == recorded.mtime, now.size == recorded.size,
                  FileManager.default.contents(atPath: path) == Data((value + "\n").utf8) else {
                // Gone, or another file now (a lock another device took since): not this device's.
                unlink(record)
                continue
            }
            // Still held by a running process (never a sync of this notebook's: this one holds
            // the sync lock), or one that cannot be proven gone: both stay.
            guard !holder.mayBeRunning else { continue }
            // Between the check above and this unlink only a process that removed this lock by
            // hand and took a new one at once could be hurt: git's own clean-up has that window too.
            if unlink(path) == 0 { removed.append(path) }
            unlink(record)
        }
        return removed.sorted()
    }

    /// The device, inode, modification time and size a record holds.
    private static func stat(_ fields: [String: String]) -> (device: UInt64, inode: UInt64, mtime: (seconds: Int64, nanoseconds: UInt32), size: UInt64)? {
        guard let device = fields["device"].flatMap(UInt64.init), let inode = fields["inode"].flatMap(UInt64.init),
              let size = fields["size"].flatMap(UInt64.init), let time = fields["mtime"]?.split(separator: "."), time.count == 2,
              let seconds = Int64(time[0]), let nanoseconds = UInt32(time[1]) else { return nil }
        return (device, inode, (seconds, nanoseconds), size)
    }
}
