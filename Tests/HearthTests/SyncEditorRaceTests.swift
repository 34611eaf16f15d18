import Foundation
import TestSupport
import Testing

/// An editor process saves today's entry again and again (its whole buffer, each save one line
/// longer, in place or by renaming a new file over it) while `hearth sync` runs on that device
/// and the other device keeps changing the same entry. No save is ever lost: every line of the
/// editor's last save reaches both devices.
@Suite struct SyncEditorRaceTests {
    /// A vim-like editor in sh: it never reloads, so each save writes its own buffer, and it
    /// records how many saves it made.
    static let editor = """
        i=0; buffer=$(cat "$1")
        while [ ! -e "$2" ]; do
            i=$((i+1)); buffer="$buffer
        editor save $i"
            if [ $((i % 2)) = 0 ]; then printf '%s\\n' "$buffer" > "$1"
            else printf '%s\\n' "$buffer" > "$1.swp" && mv "$1.swp" "$1"; fi
            echo $i > "$3"
        done
        """

    /// One run in `make test`; `make test-stress` sets `HEARTH_STRESS_EDITOR_RUNS`.
    static let runs = Int(ProcessInfo.processInfo.environment["HEARTH_STRESS_EDITOR_RUNS"] ?? "") ?? 1

    @Test(arguments: 0..<runs)
    func anEditorSavingDuringSyncsNeverLosesASave(run: Int) throws {
        let devices = try SyncCommandTests.TwoDevices()
        let laptop = devices.notebook
        let entry = laptop.url(SyncCommandTests.path).path
        let stop = laptop.base.appendingPathComponent("stop").path
        let count = laptop.base.appendingPathComponent("saves").path
        let editor = try ChildProcess("/bin/sh", ["-c", Self.editor, "editor", entry, stop, count],
                                      environment: laptop.environment(), directory: laptop.root.path)
        defer {
            _ = FileManager.default.createFile(atPath: stop, contents: nil)
            editor.wait()
        }

        var kept = 0
        for round in 0..<8 {
            // The desk changes the same entry, so every laptop sync merges it and rewrites the file.
            let deskEntry = devices.desk.appendingPathComponent(SyncCommandTests.path)
            let text = try String(contentsOf: deskEntry, encoding: .utf8)
            try Data((text + "desk round \(round)\n").utf8).write(to: deskEntry)
            try devices.desk("sync", "--quiet").requireSuccess()
            let sync = try laptop.hearth("sync", "--json")
            #expect(sync.status == 0, "laptop sync \(round) while the editor saves: \(sync)")
            let report = try JSONSerialization.jsonObject(with: sync.stdoutData) as? [String: Any]
            kept += (report?["kept_local"] as? [String])?.count ?? 0
        }
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        editor.wait()
        let saves = Int((try String(contentsOfFile: count, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(saves > 8, "the editor saved only \(saves) times")

        // After the editor closes: the last save goes out and comes back merged.
        try laptop.hearth("sync", "--quiet").requireSuccess()
        try devices.desk("sync", "--quiet").requireSuccess()
        try laptop.hearth("sync", "--quiet").requireSuccess()
        let lines = (1...saves).map { "editor save \($0)\n" }
        for (device, text) in [("laptop", try laptop.text(SyncCommandTests.path)), ("desk", try devices.deskText(SyncCommandTests.path))] {
            let missing = lines.filter { !text.contains($0) }
            #expect(missing.isEmpty, "\(device) lost \(missing.count) of \(saves) saves (first: \(missing.first ?? ""))")
        }
        #expect(try laptop.text(SyncCommandTests.path) == devices.deskText(SyncCommandTests.path))
        // Not asserted (it depends on timing), but shown when the test is run by hand.
        let summary = "editor race \(run): \(saves) saves during 8 syncs, \(kept) landed mid-sync and were kept, "
            + "\(lines.count - lines.filter { (try? laptop.text(SyncCommandTests.path).contains($0)) == true }.count) lost"
        print(summary)
        StressReport.append(summary)
    }
}
