import Foundation
internal import GitKit

/// A folder remote held for its maintenance: a lock of its own (``ownLockName``) and every
/// branch's lock file (`refs/heads/main.lock`),
/// the lock a push there takes to move the branch (hearth's, libgit2's and git's alike). While it
/// is held no push can move a branch; a push that comes meanwhile finds the lock, waits for it
/// (it is renewed every second, so it never looks left behind) and then fetches and pushes again.
///
/// A marker in the notebook (``InterruptedWrite``) names the locks, so that a maintenance killed
/// while holding them leaves nothing that blocks the remote: the notebook's next sync removes
/// them. Take it only while holding the notebook's sync lock, as that recovery assumes.
///
/// Each lock file says who holds it (``holderPrefix``, then the pid and host): git and libgit2
/// only ask whether a ref's lock file exists, but a push that waits for it reads the record to
/// tell a running maintenance from a push stopped mid-way, and the recovery above removes only a
/// lock holding this process's record. A lock file that is no longer the one taken here (the
/// user removed it and another push took the branch) is neither renewed nor removed.
final class RemoteMaintenanceLock {
    /// The marker's name in `.git/hearth/writing/`.
    static let markerName = "remote-maintenance"
    /// How every maintenance lock's record begins: `hearth maintenance (pid 123 on host)`.
    static let holderPrefix = SyncLock.maintenanceHolder

    /// The lock files taken, each with its open descriptor (the renewal touches the file taken,
    /// never whatever may later sit at its path).
    private let files: [(path: String, descriptor: Int32)]
    private let marker: InterruptedWrite
    private let notebook: Repository
    private let renewal: Renewal

    private init(files: [(path: String, descriptor: Int32)], marker: InterruptedWrite, notebook: Repository) {
        self.files = files
        self.marker = marker
        self.notebook = notebook
        renewal = Renewal(descriptors: files.map(\.descriptor), paths: [marker.path(notebook)])
    }

    deinit {
        renewal.stop()
        for file in files {
            if Self.isSameFile(file.descriptor, file.path) { unlink(file.path) }
            close(file.descriptor)
        }
        marker.end(notebook)
    }

    /// This process's record, as written into each lock file.
    static var record: String {
        var name = [UInt8](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }, as: UTF8.self) : "this host"
        return "\(holderPrefix) (pid \(getpid()) on \(host))"
    }

    /// Whether `path` is still the file open as `descriptor` (same device and inode).
    private static func isSameFile(_ descriptor: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// The lock of the remote's own, taken before its branches': two maintainers never run
    /// there at once, even in a remote that has no branch yet.
    static let ownLockName = "hearth-maintenance.lock"

    /// Why the remote could not be locked; nothing was taken.
    enum Refusal: Error {
        /// A lock is there already: a push or another device's maintenance is under way.
        case busy
        /// A lock file could not be made for another reason (permissions, a read-only or
        /// missing folder): `reason` as the system says it.
        case failed(path: String, reason: String)
    }

    /// Locks `remote` (its own lock, ``ownLockName``, then every branch's).
    static func acquire(_ remote: Repository, markingIn notebook: Repository) -> Result<RemoteMaintenanceLock, Refusal> {
        let branches = ((try? remote.branches()) ?? []).map(\.fullName)
        let files = [remote.gitDirectory.appending(path: ownLockName).path(percentEncoded: false)]
            + branches.map { remote.gitDirectory.appending(path: $0 + ".lock").path(percentEncoded: false) }
        let record = Self.record
        let marker = InterruptedWrite(name: markerName, locks: files, value: record, window: InterruptedWrite.window)
        marker.begin(notebook)
        var taken: [(path: String, descriptor: Int32)] = []
        for file in files {
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let error = errno
                for file in taken {
                    unlink(file.path)
                    close(file.descriptor)
                }
                marker.end(notebook)
                return .failure(error == EEXIST ? .busy : .failed(path: file, reason: String(cString: strerror(error))))
            }
            let line = record + "\n"
            _ = line.withCString { write(descriptor, $0, strlen($0)) }
            taken.append((file, descriptor))
        }
        return .success(RemoteMaintenanceLock(files: taken, marker: marker, notebook: notebook))
    }

    /// Touches the lock files and the marker every second until stopped: a push waiting for the
    /// lock sees it renewed (not left behind), and the marker stays as new as the locks it names.
    private final class Renewal: @unchecked Sendable {
        private let condition = NSCondition()
        private var stopped = false
        private var finished = false

        init(descriptors: [Int32], paths: [String]) {
            Thread.detachNewThread { [self] in
                condition.lock()
                while !stopped {
                    if !condition.wait(until: Date().addingTimeInterval(1)) {
                        for descriptor in descriptors { futimens(descriptor, nil) }
                        for path in paths { utimes(path, nil) }
                    }
                }
                finished = true
                condition.broadcast()
                condition.unlock()
            }
        }

        /// Stops the renewals and waits for the thread to end, so no lock is touched after this.
        func stop() {
            condition.lock()
            stopped = true
            condition.broadcast()
            while !finished { condition.wait() }
            condition.unlock()
        }
    }
}
