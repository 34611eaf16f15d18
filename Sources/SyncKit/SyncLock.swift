import Foundation
import NoteKit

/// The per-notebook sync lock, `.git/hearth-sync.lock`.
///
/// It is an advisory `flock` on the file rather than the file's existence: the kernel drops the
/// lock when its holder dies, however it dies, so a lock left by a killed `hearth sync` can never
/// block the next one. The file also records the holder's pid and start time, so the one that
/// has to wait can say who it is waiting for.
public final class SyncLock {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        // Closing the descriptor releases the flock. The file stays: deleting it would let a
        // process that opened it just before see a lock nobody else checks.
        ftruncate(descriptor, 0)
        close(descriptor)
    }

    /// How the record of a lock taken for a maintenance begins, and the holder it is named as.
    static let maintenanceHolder = "hearth maintenance"

    /// Takes the lock at `path`, waiting up to `wait` seconds for another holder to finish.
    /// `forMaintenance` records the holder as a maintenance (`hearth maintenance`), so that one
    /// who has to wait is told that it ends by itself.
    ///
    /// - Throws: ``SyncError/locked(path:holder:)`` when another process still holds it.
    public static func acquire(at path: String, wait: TimeInterval, forMaintenance: Bool = false) throws(SyncError) -> SyncLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SyncError.io(path: path, operation: "open the sync lock", reason: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(wait)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            // A signal landing during the call says nothing about the lock: ask again.
            if errno == EINTR { continue }
            guard errno == EWOULDBLOCK, Date() < deadline else {
                let holder = holderDescription(descriptor)
                close(descriptor)
                throw SyncError.locked(path: path, holder: holder)
            }
            usleep(50_000)
        }
        let record = (forMaintenance ? maintenanceHolder + " " : "") + "pid \(getpid()) since \(ISOTimestamp.utc(Date()))\n"
        ftruncate(descriptor, 0)
        _ = record.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return SyncLock(path: path, descriptor: descriptor)
    }

    /// What the current holder wrote into the file ("pid 123 since ...", after
    /// ``maintenanceHolder`` for a maintenance), for the message.
    private static func holderDescription(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 128)
        var count = pread(descriptor, &buffer, buffer.count, 0)
        // A holder that has just taken the lock writes its record a moment later: wait for it
        // briefly rather than say less than we could.
        for _ in 0..<20 where count <= 0 {
            usleep(5_000)
            count = pread(descriptor, &buffer, buffer.count, 0)
        }
        guard count > 0 else { return "another hearth sync" }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix(maintenanceHolder + " ") {
            return maintenanceHolder + " (" + text.dropFirst(maintenanceHolder.count + 1) + ")"
        }
        return text.isEmpty ? "another hearth sync" : "hearth sync (\(text))"
    }
}
