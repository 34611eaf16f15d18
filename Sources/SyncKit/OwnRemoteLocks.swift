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
/// has just taken and written (``FolderRefLock``: path, remote, device and inode, status change
/// and modification times, size, contents) and who took it (``ProcessIdentity``), and removes
/// the record once the lock is gone. A record the next sync finds (it holds the notebook's sync
/// lock, so no sync from here is running) names a lock that is removed only when all of this
/// holds: the file at that path is still the one recorded (same device, inode, both times, size
/// and contents: not a lock another device took since; the status change time cannot be set
/// back by hand), and the process that took it is proven gone (``ProcessIdentity``). A lock
/// that fails any of these stays, and the sync refuses it as before, naming it.
///
/// A record is dropped only when it can prove nothing any more: its lock is gone from a remote
/// that is there (its folder and `refs/` readable, the lock's path not found), or the file there
/// is another one on the same device. A remote that is not mounted or not reachable keeps its
/// records. A lock found on another device number (a USB stick plugged in again, or mounted
/// elsewhere by the system) is not proven: inode numbers there can be made up at mount time
/// (FAT), so nothing tells it from another file; the record is kept, in case the stick comes
/// back under the recorded number, and the lock refused by name.
///
/// A kill between the lock's creation and its record (the record's own write: one small file
/// created, written and renamed; who this process is was read before the lock was taken) leaves
/// a lock without a record: that one is refused as any foreign lock is.
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
            "path \(lock.path)", "remote \(lock.gitDirectory)", "device \(lock.stat.device)", "inode \(lock.stat.inode)",
            "ctime \(lock.stat.ctime.seconds).\(lock.stat.ctime.nanoseconds)",
            "mtime \(lock.stat.mtime.seconds).\(lock.stat.mtime.nanoseconds)", "size \(lock.stat.size)",
            "value \(lock.value)", "pid \(holder.pid)", "start \(holder.start ?? "")", "boot \(holder.boot ?? "")",
            "host \(holder.host)", "machine \(holder.machine ?? "")", "namespaces \(holder.namespaces ?? "-")",
        ]
        // Best effort: without a record the lock, if left behind, is refused and named, as before.
        try? Data((fields.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: recordPath(lock.path)), options: .atomic)
    }

    /// Removes the record of `lock`: it was renamed into the branch or removed.
    func release(_ lock: FolderRefLock) {
        unlink(recordPath(lock.path))
    }

    /// Makes the pushes that `network` serves record the folder locks they take, and reach
    /// ``SyncCheckpoint/holdingRemoteLock`` while holding one (the kill tests stop there).
    /// Who this process is, and the records' folder, are made ready here, before any lock is
    /// taken, so that only the record's write lies between a lock and its record.
    func install(into network: inout NetworkOptions, checkpoint: (@Sendable (SyncCheckpoint) -> Void)?) {
        let holder = ProcessIdentity.current
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        network.folderLockTaken = { lock in
            record(lock, by: holder)
            checkpoint?(.holdingRemoteLock)
        }
        network.folderLockReleased = { lock in release(lock) }
    }

    /// Removes the locks that records prove left by this device's dead syncs and returns their
    /// paths; drops the records that can prove nothing any more (see the type's description).
    /// Call while holding the notebook's sync lock.
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
            guard let path = fields["path"], let remote = fields["remote"], let recorded = Self.recordedStat(fields),
                  let value = fields["value"], let pid = fields["pid"].flatMap(Int32.init), let host = fields["host"] else {
                // A temporary file of a write that was killed, or a damaged record: it proves nothing.
                unlink(record)
                continue
            }
            func field(_ key: String) -> String? { fields[key].flatMap { $0.isEmpty ? nil : $0 } }
            let holder = ProcessIdentity(pid: pid, start: field("start"), boot: field("boot"), host: host,
                                         machine: field("machine"), namespaces: fields["namespaces"].flatMap { $0 == "-" ? nil : $0 })
            var info = stat()
            guard lstat(path, &info) == 0 else {
                // Gone, as far as a remote that is there can tell (renamed into the branch or
                // removed by hand); anything else (not mounted, unreachable) proves nothing.
                if errno == ENOENT, Self.isFolder(remote), Self.isFolder(remote + "/refs") { unlink(record) }
                continue
            }
            let now = FileStat(info)
            // Another device number: mounted again, maybe; nothing tells this file from another.
            guard now.device == recorded.device else { continue }
            guard Self.same(now, recorded, ctime: true), FileManager.default.contents(atPath: path) == Data((value + "\n").utf8) else {
                // Another file now (a lock another device took since), or rewritten: not this device's.
                unlink(record)
                continue
            }
            // Still held by a running process (never a sync of this notebook's: this one holds
            // the sync lock), or one that cannot be proven gone: both stay.
            guard !holder.mayBeRunning else { continue }
            if Self.remove(path, ifStill: recorded, holding: value) { removed.append(path) }
            unlink(record)
        }
        return removed.sorted()
    }

    /// Removes the lock at `path` if it is still the file recorded. Moved aside first, under a
    /// name of its own in the same folder (ending in `.lock`, so git reads no reference from it),
    /// and checked there: a lock another device took at `path` between the check and the move
    /// is put back with link(2), which never replaces one taken since, and kept.
    private static func remove(_ path: String, ifStill recorded: FileStat, holding value: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        let aside = folder + "/.hearth-removing-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).lock"
        guard rename(path, aside) == 0 else { return false }
        // The move changed the file's status change time, so that is not compared here: the
        // same device and inode (a file in use keeps its inode) with the same times and bytes.
        if let moved = FileStat.of(aside), moved.device == recorded.device, same(moved, recorded, ctime: false),
           FileManager.default.contents(atPath: aside) == Data((value + "\n").utf8) {
            return unlink(aside) == 0
        }
        // Put back; if yet another lock is at `path` by now, the moved one stays aside, whole.
        if link(aside, path) == 0 { unlink(aside) }
        return false
    }

    /// Whether `now` has the inode, modification time, size and (with `ctime`) status change
    /// time recorded.
    private static func same(_ now: FileStat, _ recorded: FileStat, ctime: Bool) -> Bool {
        now.inode == recorded.inode && now.mtime == recorded.mtime && now.size == recorded.size
            && (!ctime || now.ctime == recorded.ctime)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The device, inode, times and size a record holds (owner fields unused).
    private static func recordedStat(_ fields: [String: String]) -> FileStat? {
        func time(_ key: String) -> (seconds: Int64, nanoseconds: UInt32)? {
            guard let parts = fields[key]?.split(separator: "."), parts.count == 2,
                  let seconds = Int64(parts[0]), let nanoseconds = UInt32(parts[1]) else { return nil }
            return (seconds, nanoseconds)
        }
        guard let device = fields["device"].flatMap(UInt64.init), let inode = fields["inode"].flatMap(UInt64.init),
              let size = fields["size"].flatMap(UInt64.init), let ctime = time("ctime"), let mtime = time("mtime") else { return nil }
        return FileStat(ctime: ctime, mtime: mtime, device: device, inode: inode, uid: 0, gid: 0, size: size)
    }
}
