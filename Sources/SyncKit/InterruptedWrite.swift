import Foundation
internal import GitKit

/// Lock files a killed sync left behind, and only those.
///
/// Git takes a lock file for every write (`index.lock`, `refs/heads/main.lock`, a fetch's
/// `refs/remotes/origin/main.lock`) and renames it
/// into place when done; a process killed in between leaves the lock, and every later write
/// fails. Git never removes another process's lock, because it cannot tell a dead writer from a
/// slow one (a `git commit` holds `index.lock` while its editor is open). Hearth can, for its own
/// writes: before a step that takes locks, the sync writes a marker under `.git/hearth/writing/`
/// naming them, and removes it when the step returns. A marker that the next sync finds (it holds
/// the notebook's sync lock, so no sync from here is running) belongs to a sync that died in
/// that step. Of the locks it names, the ones created from just before the marker was written up
/// to `window` seconds later, and holding nothing or the value being written, are that sync's:
/// they are removed. A lock another program took later is left alone.
struct InterruptedWrite {
    /// The marker of a step that writes the notebook's own index or branch.
    static let local = "local"
    /// The marker of a push into a folder remote.
    static let push = "push"
    /// The marker of a fetch: `FETCH_HEAD` and the remote's tracking refs.
    static let fetch = "fetch"

    /// The marker's file name: one step kind at a time (``local``, ``push``).
    var name: String
    /// Absolute paths of the lock files the step may take.
    var locks: [String]
    /// Folders in which the step may take lock files of names not known beforehand (a fetch's
    /// tracking refs, `refs/remotes/origin/...`).
    var folders: [String] = []
    /// What a lock may hold when its writer died after writing it (a ref's new commit); nil when
    /// any content counts.
    var value: String?
    /// How long after the marker a lock can have been created by the step; nil for no limit.
    var window: TimeInterval?

    /// How long after its marker was written (or renewed) a lock counts as the marked step's:
    /// each step is one libgit2 call that takes its lock at once, or a push that renews its
    /// marker as objects go out. Short, so a git command the user starts after a killed sync
    /// keeps its lock.
    static let window: TimeInterval = 10

    /// Where the markers live.
    static func folder(_ repository: Repository) -> URL {
        repository.gitDirectory.appending(path: "hearth/writing", directoryHint: .isDirectory)
    }

    /// Runs `body` with the marker in place.
    func around<T, E: Error>(_ repository: Repository, _ body: () throws(E) -> T) throws(E) -> T {
        begin(repository)
        defer { end(repository) }
        return try body()
    }

    /// Puts the marker in place, for a step that ends elsewhere (a push on its own thread).
    func begin(_ repository: Repository) {
        let marker = Self.folder(repository).appending(path: name)
        var text = locks.map { "lock \($0)\n" }.joined() + folders.map { "folder \($0)\n" }.joined()
        if let value { text += "value \(value)\n" }
        if let window { text += "window \(Int(window.rounded(.up)))\n" }
        // Best effort: without the marker a lock left by a kill needs removing by hand, as with git.
        try? FileManager.default.createDirectory(at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: marker)
    }

    /// The marker file's path.
    func path(_ repository: Repository) -> String {
        Self.folder(repository).appending(path: name).path(percentEncoded: false)
    }

    /// Moves the marker's time to now: the step is still running (a push sending objects).
    static func renew(at path: String) {
        utimes(path, nil)
    }

    /// Removes the marker: the step returned, however it went.
    func end(_ repository: Repository) {
        unlink(path(repository))
    }

    /// Removes the locks that a sync killed inside a marked step left; returns their paths. Call
    /// while holding the notebook's sync lock.
    @discardableResult
    static func recover(_ repository: Repository) -> [String] {
        let folder = folder(repository).path(percentEncoded: false)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var removed: [String] = []
        for name in names {
            let marker = folder + "/" + name
            defer { unlink(marker) }
            guard let started = modificationTime(marker),
                  let text = try? String(contentsOfFile: marker, encoding: .utf8) else { continue }
            var locks: [String] = []
            var value: String?
            var window: TimeInterval?
            for line in text.split(separator: "\n") {
                guard let space = line.firstIndex(of: " ") else { continue }
                let field = String(line[line.index(after: space)...])
                switch line[..<space] {
                case "lock": locks.append(field)
                case "folder": locks += lockFiles(under: field)
                case "value": value = field
                case "window": window = TimeInterval(field)
                default: break
                }
            }
            for lock in locks {
                // Timestamps on some file systems are coarse: allow two seconds before the marker.
                guard let created = modificationTime(lock), created >= started - 2,
                      window.map({ created <= started + $0 }) ?? true,
                      let contents = FileManager.default.contents(atPath: lock) else { continue }
                if let value {
                    let held = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    guard held.isEmpty || held == value else { continue }
                }
                if unlink(lock) == 0 { removed.append(lock) }
            }
        }
        return removed
    }

    /// The `*.lock` files anywhere under `folder`, as absolute paths.
    static func lockFiles(under folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let name = walker.nextObject() as? String {
            if name.hasSuffix(".lock") { found.append(folder + "/" + name) }
        }
        return found
    }

    private static func modificationTime(_ path: String) -> TimeInterval? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let modified = FileStat(info).mtime
        return TimeInterval(modified.seconds) + TimeInterval(modified.nanoseconds) / 1e9
    }
}
