import Foundation

/// A notebook with a long history, built with the git CLI (`git fast-import`, one process) in a
/// ``FixtureFolder``: the walk that `hearth log` and `hearth grep --history` make.
///
/// Commit `k` (dated day `k`) adds day `k`'s entry, appends a line to day `k - 1` and changes
/// `energy` in day `k - 7`, as a daily check-in with a late edit does. Every 25th commit merges a
/// second device's edit of day `k - 2`, and every 50th renames a note, so the walk meets merges
/// and renames too. The same `commits` always give the same commit ids.
public struct FixtureHistory: Sendable {
    /// The notebook's root folder (a git work tree, `main` checked out).
    public let root: URL
    /// The note renamed every 50th commit, under its last name: what a followed log traces back.
    public let renamedNote: String

    /// Builds the repository: `commits` commits along `main` (merges among them), plus the
    /// second device's commit that each merge brings in.
    public init(commits: Int) throws {
        root = try FixtureFolder.make("history-\(commits)")
        var stream = FastImportStream()
        var files: [String: String] = ["hearth.yaml": "version: 1\n"]
        var note = "notes/idea-0.md"
        files[note] = "---\nkind: note\ntitle: Idea\n---\n\nA gpu cluster for the seminar.\n"
        var mainMark = stream.commit(branch: "main", device: "laptop", day: 0, parents: [], changes: files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        for day in 1..<commits {
            var changes: [(String, String?)] = []
            func edit(_ path: String, _ change: (String) -> String) {
                guard let text = files[path] else { return }
                files[path] = change(text)
                changes.append((path, files[path]))
            }
            var parents = [mainMark]
            if day % 25 == 0 {
                // The other device edits an older day on a branch from main's tip; main merges it.
                var sideText = files[DayEntries.path(day - 2)] ?? ""
                sideText += "- 07:30 desk: read the gpu cluster notes again\n"
                let side = stream.commit(branch: "desk", device: "desk", day: day, parents: [mainMark],
                                         changes: [(DayEntries.path(day - 2), sideText)])
                files[DayEntries.path(day - 2)] = sideText
                changes.append((DayEntries.path(day - 2), sideText))
                parents.append(side)
            }
            files[DayEntries.path(day)] = DayEntries.text(day)
            changes.append((DayEntries.path(day), files[DayEntries.path(day)]))
            edit(DayEntries.path(day - 1)) { $0 + "- 23:\(10 + day % 50) late: \(day % 2 == 0 ? "gpu cluster" : "seminar") follow-up\n" }
            if day >= 7 { edit(DayEntries.path(day - 7)) { DayEntries.setting("energy", to: "\(1 + day % 5)", in: $0) } }
            if day % 50 == 0 {
                let renamed = "notes/idea-\(day).md"
                changes.append((note, nil))
                changes.append((renamed, files[note]))
                files[renamed] = files.removeValue(forKey: note)
                note = renamed
            }
            mainMark = stream.commit(branch: "main", device: "laptop", day: day, parents: parents, changes: changes)
        }
        renamedNote = note
        try FixtureHistory.git(["init", "-q", "-b", "main", root.path], in: nil)
        try FixtureHistory.git(["fast-import", "--quiet"], in: root, input: stream.data)
        try FixtureHistory.git(["checkout", "-q", "-f", "main"], in: root)
    }

    /// Runs git with no user or system configuration, so the fixture is the same on every machine.
    static func git(_ arguments: [String], in folder: URL?, input: Data? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (folder.map { ["-C", $0.path] } ?? []) + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        process.environment = environment
        let inputPipe = Pipe()
        if input != nil { process.standardInput = inputPipe }
        try process.run()
        if let input {
            // fast-import reads the whole stream before it exits, so writing it all first cannot deadlock.
            try inputPipe.fileHandleForWriting.write(contentsOf: input)
            try inputPipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }
}
