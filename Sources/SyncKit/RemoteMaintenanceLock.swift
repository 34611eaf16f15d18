import Foundation
internal import GitKit

/// A folder remote held for its maintenance: every branch's lock file (`refs/heads/main.lock`),
/// the lock a push there takes to move the branch (hearth's, libgit2's and git's alike). While it
/// is held no push can move a branch; a push that comes meanwhile finds the lock, waits for it
/// (it is renewed every second, so it never looks left behind) and then fetches and pushes again.
///
/// A marker in the notebook (``InterruptedWrite``) names the locks, so that a maintenance killed
/// while holding them leaves nothing that blocks the remote: the notebook's next sync removes
/// them. Take it only while holding the notebook's sync lock, as that recovery assumes.
final class RemoteMaintenanceLock {
    /// The marker's name in `.git/hearth/writing/`.
    static let markerName = "remote-maintenance"

    private let files: [String]
    private let marker: InterruptedWrite
    private let notebook: Repository
    private let renewal: Renewal

    private init(files: [String], marker: InterruptedWrite, notebook: Repository) {
        self.files = files
        self.marker = marker
        self.notebook = notebook
        renewal = Renewal(paths: files + [marker.path(notebook)])
    }

    deinit {
        renewal.stop()
        for file in files { unlink(file) }
        marker.end(notebook)
    }

    /// Locks every branch of `remote`; nil, having taken nothing, when one is locked already (a
    /// push or another device's maintenance is under way there).
    static func acquire(_ remote: Repository, markingIn notebook: Repository) -> RemoteMaintenanceLock? {
        let branches = ((try? remote.branches()) ?? []).map(\.fullName)
        let files = branches.map { remote.gitDirectory.appending(path: $0 + ".lock").path(percentEncoded: false) }
        let marker = InterruptedWrite(name: markerName, locks: files, value: nil, window: InterruptedWrite.window)
        marker.begin(notebook)
        var taken: [String] = []
        for file in files {
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                for file in taken { unlink(file) }
                marker.end(notebook)
                return nil
            }
            close(descriptor)
            taken.append(file)
        }
        return RemoteMaintenanceLock(files: taken, marker: marker, notebook: notebook)
    }

    /// Touches the lock files and the marker every second until stopped: a push waiting for the
    /// lock sees it renewed (not left behind), and the marker stays as new as the locks it names.
    private final class Renewal: @unchecked Sendable {
        private let condition = NSCondition()
        private var stopped = false
        private var finished = false

        init(paths: [String]) {
            Thread.detachNewThread { [self] in
                condition.lock()
                while !stopped {
                    if !condition.wait(until: Date().addingTimeInterval(1)) {
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
