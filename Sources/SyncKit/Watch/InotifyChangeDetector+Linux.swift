#if os(Linux)
import Foundation
import Glibc
import NoteKit

/// Notices changes through Linux inotify: one watch per folder under the notebook (not `.git`),
/// added as folders appear. The kernel queues the events, so waiting costs nothing and changes
/// made during a sync are reported when the watcher next waits. Watches never open or lock the
/// files themselves.
public final class InotifyChangeDetector: ChangeDetector {
    private let root: String
    private let descriptor: Int32
    private let wakeSignal: WakeSignal
    /// Watch descriptor -> the folder it watches, relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]
    /// Why a folder created while watching could not be watched (see ``ChangeDetector/failure``).
    public private(set) var failure: String?

    private static let mask: UInt32 = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM
        | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK)

    /// Starts watching every folder under `root`.
    ///
    /// - Throws: ``SyncError/io(path:operation:reason:)`` when inotify is unavailable or its
    ///   watch limit (`fs.inotify.max_user_watches`) is too low for the notebook's folders; the
    ///   caller then polls instead.
    public init(root: URL) throws(SyncError) {
        var path = root.path(percentEncoded: false)
        // A folder URL's path ends in "/": the folders named in messages must not read "nb//notes".
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.root = path
        self.wakeSignal = try WakeSignal()
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else {
            throw SyncError.io(path: self.root, operation: "watch with inotify", reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        for folder in TreeFingerprint.folders(under: self.root) {
            if let failure = add(folder) {
                close(descriptor)
                throw SyncError.io(path: folder.isEmpty ? self.root : self.root + "/" + folder, operation: "watch with inotify", reason: failure)
            }
        }
    }

    deinit {
        close(descriptor)
    }

    public var name: String { "inotify" }

    public func waitForChanges(until deadline: Date) -> Bool {
        while true {
            if readEvents() { return true }
            switch wakeSignal.wait(for: descriptor, until: deadline) {
            case .readable: continue
            case .woken, .timedOut: return false
            }
        }
    }

    public func wake() {
        wakeSignal.wake()
    }

    /// Adds a watch on `folder` (relative); the reason when the kernel refuses it. A folder
    /// that vanished meanwhile is no failure.
    private func add(_ folder: String) -> String? {
        let path = folder.isEmpty ? root : root + "/" + folder
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        if watch < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            if errno == ENOSPC { return Self.limitReached }
            return String(cString: strerror(errno))
        }
        folders[watch] = folder
        return nil
    }

    /// Adds a watch on a folder that appeared while watching; a refusal is kept in ``failure``.
    private func addWhileWatching(_ folder: String) {
        guard let reason = add(folder), failure == nil else { return }
        failure = SyncError.io(path: root + "/" + folder, operation: "watch with inotify", reason: reason).description
    }

    /// ENOSPC from `inotify_add_watch`: the per-user watch limit, with where it is set (and, in
    /// a user namespace with a lower limit of its own, that one too).
    static var limitReached: String {
        let read = { (file: String) in
            (try? String(contentsOfFile: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let system = read("/proc/sys/fs/inotify/max_user_watches")
        var limit = "/proc/sys/fs/inotify/max_user_watches is \(system ?? "unknown")"
        if let namespace = read("/proc/sys/user/max_inotify_watches"), namespace != system {
            limit += ", and /proc/sys/user/max_inotify_watches \(namespace) in this user namespace"
        }
        return "the inotify watch limit is reached (\(limit); raise it with sysctl fs.inotify.max_user_watches=N)"
    }

    /// Reads every queued event; whether any of them is a change under the notebook.
    private func readEvents() -> Bool {
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return changed }
            var offset = 0
            // struct inotify_event: wd (int32), mask, cookie, len (uint32), then len bytes of name.
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let name = String(decoding: buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                if handle(watch: watch, mask: mask, name: name) { changed = true }
            }
        }
    }

    /// Keeps the watches in step with the folders and says whether the event is a change.
    private func handle(watch: Int32, mask: UInt32, name: String) -> Bool {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were dropped: folders created meanwhile may be unwatched. Adding a watch
            // twice is harmless (the kernel returns the same descriptor).
            for folder in TreeFingerprint.folders(under: root) { addWhileWatching(folder) }
            return true
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[watch] = nil
            return false
        }
        guard let folder = folders[watch] else { return false }
        // The repository itself (and a nested one's) is not the notebook's content.
        if name == ".git" { return false }
        // A file an editor keeps beside the note (vim's swap file, rewritten as you type) is never
        // synced, so its churn is no change. Folders still count: new ones need watches.
        if mask & UInt32(IN_ISDIR) == 0, EditorArtefact.isArtefact(path: folder.isEmpty ? name : folder + "/" + name) { return false }
        if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            let created = folder.isEmpty ? name : folder + "/" + name
            addWhileWatching(created)
            for inner in TreeFingerprint.folders(under: root + "/" + created).dropFirst() { addWhileWatching(created + "/" + inner) }
        }
        return true
    }
}
#endif
