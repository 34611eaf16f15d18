import Foundation
import TestSupport
import Testing

/// Every `--json` in one layout (README, "Commands"): one compact document, a list one element a
/// line between `[` and `]`, a single result on one line; the keys scripts read keep their names
/// and types. The built binary on two devices with a recorded conflict, so every list has rows.
@Suite struct JSONOutputTests {
    typealias TwoDevices = SyncCommandTests.TwoDevices

    /// Laptop and desk set the same field apart; the desk's sync records the conflict.
    private func devicesWithAConflict() throws -> (TwoDevices, sync: ProcessResult) {
        let devices = try TwoDevices()
        try devices.notebook.hearth("set", "today", "energy=1").requireSuccess()
        try devices.notebook.hearth("sync").requireSuccess()
        try devices.desk("set", "today", "energy=5").requireSuccess()
        return (devices, try devices.desk("sync", "--json").requireSuccess())
    }

    /// The document, after checking its layout: each line of a list parses on its own.
    private func document(_ result: ProcessResult, _ command: String) throws -> Any {
        let text = result.stdout
        let parsed = try JSONSerialization.jsonObject(with: result.stdoutData, options: [.fragmentsAllowed])
        #expect(text.hasSuffix("\n"), "\(command): \(text)")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        if let rows = parsed as? [Any] {
            guard !rows.isEmpty else {
                #expect(text == "[]\n", "\(command): \(text)")
                return parsed
            }
            #expect(lines.first == "[" && lines.last == "]", "\(command): \(text)")
            lines = lines.dropFirst().dropLast()
            #expect(lines.count == rows.count, "\(command): \(text)")
            for (index, line) in lines.enumerated() {
                let row = index == lines.count - 1 ? line : line.dropLast()  // the separating comma
                #expect(try JSONSerialization.jsonObject(with: Data(row.utf8)) is [String: Any], "\(command): \(line)")
            }
        } else {
            #expect(lines.count == 1, "\(command): \(text)")
        }
        return parsed
    }

    @Test func everyJSONOutputIsOneCompactDocumentAListOneElementALine() throws {
        let (devices, sync) = try devicesWithAConflict()
        try devices.desk("new", "experiment", "--title", "Warmup", "--no-edit").requireSuccess()
        let commands: [[String]] = [
            ["list", "--json"], ["experiments", "--json"], ["check", "--json"], ["grep", "Done", "--json"],
            ["grep", "--history", "Done", "--json"], ["log", "--json"], ["log", "-p", "--json"],
            ["diff", "--json"], ["status", "--json"], ["conflicts", "--json"], ["remote", "--json"],
            ["show", "today", "--json"], ["review", "--json"], ["tags", "--json"],
        ]
        _ = try document(sync, "sync --json")
        for command in commands {
            let result = try devices.notebook.hearth(command, in: devices.desk)
            #expect(result.status == 0, "\(command): \(result)")
            let parsed = try document(result, command.joined(separator: " "))
            if ["list", "conflicts", "log", "remote", "experiments"].contains(command[0]) {
                #expect((parsed as? [Any])?.isEmpty == false, "\(command) has rows to check: \(result)")
            }
        }
    }

    /// The keys of `sync`, `status` and `conflicts` as the pretty, sorted encoder wrote them:
    /// snake_case names, the same JSON types, nil values left out.
    @Test func syncStatusAndConflictsKeepTheirKeysAndTypes() throws {
        let (devices, sync) = try devicesWithAConflict()
        let report = try #require(try JSONSerialization.jsonObject(with: sync.stdoutData) as? [String: Any])
        #expect(Set(report.keys) == ["remote", "branch", "snapshot", "outcome", "sent", "received", "received_paths",
                                    "merged_paths", "new_conflicts", "open_conflicts", "kept_local", "push_attempts",
                                    "head", "lock_waits", "maintenance", "remote_branch"], "\(sync)")
        #expect(report["remote_branch"] as? String == "main", "the branch the push went to on the remote: \(sync)")
        #expect(report["outcome"] as? String == "merged" && report["open_conflicts"] as? Int == 1, "\(sync)")
        #expect(report["merged_paths"] as? [String] == [SyncCommandTests.path], "\(sync)")
        let conflict = try #require((report["new_conflicts"] as? [[String: Any]])?.first, "\(sync)")
        #expect(Set(conflict.keys) == ["id", "path", "kind", "field", "kept", "sides", "record_path"], "\(sync)")
        let side = try #require((conflict["sides"] as? [[String: Any]])?.first, "\(sync)")
        #expect(Set(side.keys) == ["device", "time", "value", "deleted"], "\(sync)")
        #expect(side["deleted"] as? Bool == false && (side["time"] as? String)?.hasSuffix("Z") == true, "\(sync)")

        let listed = try devices.desk("conflicts", "--json").requireSuccess()
        let conflicts = try #require(try JSONSerialization.jsonObject(with: listed.stdoutData) as? [[String: Any]])
        #expect(conflicts.first?["id"] as? String == conflict["id"] as? String, "\(listed)")

        let status = try devices.desk("status", "--json").requireSuccess()
        let state = try #require(try JSONSerialization.jsonObject(with: status.stdoutData) as? [String: Any])
        #expect(Set(state.keys) == ["branch", "remote", "ahead", "behind", "changes", "conflicts"], "\(status)")
        #expect(state["ahead"] as? Int == 0 && (state["conflicts"] as? [[String: Any]])?.count == 1, "\(status)")
    }
}
