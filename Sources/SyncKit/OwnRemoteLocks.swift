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
/// lock it cannot prove dead. A push records, under `.git/hearth/remote-locks/`, each lock it is
/// about to take, before anything of it exists (``FolderRefLock``: the lock's path, the remote,
/// the name of its twin, the commit it will hold) and who takes it (``ProcessIdentity``), and
/// removes the record once the lock and its twin are gone. The twin is a second name of the
/// lock file, unique to that push, kept until the branch has moved: a lock at the recorded path
/// that is the same file as the recorded twin (same device and inode, both there) is this
/// push's, with no moment in which a lock exists that no record names.
///
/// A record the next sync finds (it holds the notebook's sync lock, so no sync from here is
/// running) names a lock that is removed only when it is that push's (the twin's file, or, where
/// the file system has no hard links and the lock no twin, still the file recorded once written:
/// same device, inode, both times, size and contents; the status change time cannot be set back
/// by hand) and the process that took it is proven gone (``ProcessIdentity``). A lock that fails
/// any of these stays, and the sync refuses it as before, naming it. A twin left without its
/// lock (a push killed before linking it, or after the branch moved) is removed once its taker
/// is proven gone; git never reads it (its name ends in `.lock`, and starts with no dot, so
/// `git refs verify` leaves it alone too).
///
/// A record is dropped only when it can prove nothing any more: its lock is gone from a remote
/// that is there (its folder and `refs/` readable, the lock's path not found) and its twin with
/// it, or the file there is another one on the same device. A remote that is not mounted or not
/// reachable keeps its records. A lock without a twin found on another device number (a USB
/// stick plugged in again, or mounted elsewhere by the system) is not proven: inode numbers there
/// can be made up at mount time (FAT), so nothing tells it from another file; the record is kept,
/// in case the stick comes back under the recorded number, and the lock refused by name.
///
/// Only where the file system has no hard links does a kill between the lock's creation and its
/// record (one small file created, written and renamed) leave a lock without a record: that one
/// is refused as any foreign lock is.
struct OwnRemoteLocks {
    /// The folder holding the records.
    let folder: String

    init(_ repository: Repository) {
        folder = repository.gitDirectory.appending(path: "hearth/remote-locks").path(percentEncoded: false)
    }

    /// The record file of `lock`: named after its twin, unique to the push that takes it, so
    /// that a push failing to take a lock never touches another push's record of the same path.
    private func recordPath(_ lock: FolderRefLock) -> String {
        folder + "/" + FNV1a.hex(Array(lock.twin.utf8), digits: 16)
    }

    /// Records that `holder` takes or holds `lock`, atomically (temp file and rename): a record
    /// is either whole or absent. Stat data is written when the lock has it.
    func record(_ lock: FolderRefLock, by holder: ProcessIdentity = .current) {
        var fields = ["path \(lock.path)", "remote \(lock.gitDirectory)", "value \(lock.value)", "twin \(lock.twin)"]
        if !lock.isTwinned, let stat = lock.stat {
            fields += ["device \(stat.device)", "inode \(stat.inode)", "ctime \(stat.ctime.seconds).\(stat.ctime.nanoseconds)",
                       "mtime \(stat.mtime.seconds).\(stat.mtime.nanoseconds)", "size \(stat.size)"]
        }
        fields += ["pid \(holder.pid)", "start \(holder.start ?? "")", "boot \(holder.boot ?? "")",
                   "host \(holder.host)", "machine \(holder.machine ?? "")", "namespaces \(holder.namespaces ?? "-")"]
        // Best effort: without a record the lock, if left behind, is refused and named, as before.
        try? Data((fields.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: recordPath(lock)), options: .atomic)
    }

    /// Removes the record of `lock`: it was renamed into the branch or removed, its twin too.
    func release(_ lock: FolderRefLock) {
        unlink(recordPath(lock))
    }

    /// Makes the pushes that `network` serves record the folder locks they take before taking
    /// them, and reach ``SyncCheckpoint/holdingRemoteLock`` while holding one (the kill tests stop
    /// there). Who this process is (a few `/proc` reads) is learnt at the first lock: a sync
    /// through ssh or https, or with nothing to push, never needs it.
    func install(into network: inout NetworkOptions, checkpoint: (@Sendable (SyncCheckpoint) -> Void)?) {
        network.folderLockTaking = { lock in
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            record(lock, by: .current)
        }
        network.folderLockTaken = { lock in
            // No twin (no hard links there): the lock can be named only now that it exists.
            if !lock.isTwinned { record(lock, by: .current) }
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
            guard let path = fields["path"], let remote = fields["remote"], let value = fields["value"],
                  let pid = fields["pid"].flatMap(Int32.init), let host = fields["host"] else {
                // A temporary file of a write that was killed, or a damaged record: it proves nothing.
                unlink(record)
                continue
            }
            func field(_ key: String) -> String? { fields[key].flatMap { $0.isEmpty ? nil : $0 } }
            let holder = ProcessIdentity(pid: pid, start: field("start"), boot: field("boot"), host: host,
                                         machine: field("machine"), namespaces: fields["namespaces"].flatMap { $0 == "-" ? nil : $0 })
            let outcome: Outcome
            // Stat data only for a lock taken without its twin; a record of an earlier version
            // has stat data and no twin.
            if let recorded = Self.recordedStat(fields) {
                outcome = Self.recover(path, recorded: recorded, value: value, remote: remote, holder: holder)
            } else if let twin = field("twin") {
                outcome = Self.recover(path, twin: twin, remote: remote, holder: holder)
            } else {
                outcome = .dropRecord
            }
            switch outcome {
            case .keep: continue
            case .dropRecord: unlink(record)
            case .removed:
                removed.append(path)
                unlink(record)
            }
        }
        return removed.sorted()
    }

    /// What became of one record's lock.
    private enum Outcome {
        /// Nothing proven yet (a live or unknown taker, a remote not there): the record stays.
        case keep
        /// The record can prove nothing any more (its lock gone, or another file).
        case dropRecord
        /// The lock was this device's dead sync's and is removed.
        case removed
    }

    /// The record of a lock taken with a twin: the lock at `path` is the taker's exactly when it
    /// is the twin's file (both there, same device and inode).
    private static func recover(_ path: String, twin: String, remote: String, holder: ProcessIdentity) -> Outcome {
        let twinFile = FileStat.of(twin)
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard goneFromAReachableRemote(remote) else { return .keep }
            return removeTwin(twin, of: holder) ? .dropRecord : .keep
        }
        let lock = FileStat(info)
        guard let twinFile, twinFile.device == lock.device, twinFile.inode == lock.inode else {
            // Another file: a lock another device took. The twin, if any, was never linked, or
            // is another name of the branch the push moved; removing it changes no reference.
            return removeTwin(twin, of: holder) ? .dropRecord : .keep
        }
        // Still held by a running process (never a sync of this notebook's: this one holds the
        // sync lock), or one that cannot be proven gone: both stay.
        guard !holder.mayBeRunning else { return .keep }
        let removal = remove(path) { moved, _ in
            // Checked again after the move: still the twin's file, the twin still there.
            guard let now = FileStat.of(twin) else { return false }
            return moved.device == now.device && moved.inode == now.inode
        }
        switch removal {
        case .failed: return .keep
        case .removed: return removeTwin(twin, of: holder) ? .removed : .keep
        case .notTheTakers: return removeTwin(twin, of: holder) ? .dropRecord : .keep
        }
    }

    /// Removes `twin` (a name only the recorded push used, so nobody else's file) unless its taker
    /// may be running; whether it is gone.
    private static func removeTwin(_ twin: String, of holder: ProcessIdentity) -> Bool {
        var info = stat()
        guard lstat(twin, &info) == 0 else { return errno == ENOENT }
        guard !holder.mayBeRunning else { return false }
        return unlink(twin) == 0
    }

    /// The record of a lock taken without a twin (no hard links there), identified by the stat
    /// data and contents it had once written.
    private static func recover(_ path: String, recorded: FileStat, value: String, remote: String,
                                holder: ProcessIdentity) -> Outcome {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard goneFromAReachableRemote(remote) else { return .keep }
            return .dropRecord
        }
        let now = FileStat(info)
        // Another device number: mounted again, maybe; nothing tells this file from another.
        guard now.device == recorded.device else { return .keep }
        guard same(now, recorded, ctime: true), FileManager.default.contents(atPath: path) == Data((value + "\n").utf8) else {
            // Another file now (a lock another device took since), or rewritten: not this device's.
            return .dropRecord
        }
        guard !holder.mayBeRunning else { return .keep }
        let removal = remove(path) { moved, aside in
            // The move changed the status change time, so that is not compared here: the same
            // device and inode (a file in use keeps its inode) with the same times and bytes.
            moved.device == recorded.device && same(moved, recorded, ctime: false)
                && FileManager.default.contents(atPath: aside) == Data((value + "\n").utf8)
        }
        switch removal {
        case .failed: return .keep
        case .removed: return .removed
        case .notTheTakers: return .dropRecord
        }
    }

    /// What ``remove(_:isStill:)`` did.
    private enum Removal {
        /// The lock was the taker's and is gone.
        case removed
        /// Another file was there (put back, or gone by itself): not the taker's.
        case notTheTakers
        /// It could not be moved (a read-only or failing remote): nothing is known yet.
        case failed
    }

    /// Removes the lock at `path` if it is still the taker's. Moved aside first, under a name of
    /// its own in the same folder (`main.hearth-removing-….lock`: ends in `.lock`, starts with
    /// no dot, so git neither reads it as a reference nor reports it), and checked there
    /// (`isStill`, given the moved file's stat data and path): a lock another device took at
    /// `path` between the check and the move is put back with link(2), which never replaces one
    /// taken since, and kept.
    private static func remove(_ path: String, isStill: (_ moved: FileStat, _ aside: String) -> Bool) -> Removal {
        let aside = String(path.dropLast(".lock".count)) + ".hearth-removing-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).lock"
        guard rename(path, aside) == 0 else { return errno == ENOENT ? .notTheTakers : .failed }
        if let moved = FileStat.of(aside), isStill(moved, aside) {
            return unlink(aside) == 0 ? .removed : .failed
        }
        // Put back; if yet another lock is at `path` by now, the moved one stays aside, whole.
        if link(aside, path) == 0 { unlink(aside) }
        return .notTheTakers
    }

    /// Whether `now` has the inode, modification time, size and (with `ctime`) status change
    /// time recorded.
    private static func same(_ now: FileStat, _ recorded: FileStat, ctime: Bool) -> Bool {
        now.inode == recorded.inode && now.mtime == recorded.mtime && now.size == recorded.size
            && (!ctime || now.ctime == recorded.ctime)
    }

    /// After a failed `lstat` of a lock in `remote` (`errno` set): whether the lock is gone, as
    /// far as a remote that is there can tell (renamed into the branch or removed by hand);
    /// anything else (not mounted, unreachable) proves nothing.
    private static func goneFromAReachableRemote(_ remote: String) -> Bool {
        errno == ENOENT && isFolder(remote) && isFolder(remote + "/refs")
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
