import SyncKit

/// The one-screen summary `hearth sync` prints.
enum SyncSummary {
    static func render(_ report: SyncReport) -> String {
        var lines: [String] = []
        if let snapshot = report.snapshot {
            lines.append("Committed \(snapshot)")
        }
        guard let remote = report.remote else {
            lines.append("No remote configured: changes are committed here only. Add one with hearth remote add origin URL.")
            lines += SyncMaintenanceFollowUp.lines(report.maintenance)
            return lines.joined(separator: "\n") + "\n" + conflictLine(report)
        }
        // The remote's branch, which a local branch tracking another name (dev2 -> main) differs from.
        let branch = report.remoteBranch ?? report.branch
        switch report.outcome {
        case .localOnly, .upToDate:
            lines.append("Up to date with \(remote)/\(branch).")
        case .pushed:
            lines.append("Sent \(plural(report.sent, "commit")) to \(remote)/\(branch).")
        case .fastForwarded:
            lines.append("Received \(plural(report.received, "commit")) from \(remote)/\(branch): \(plural(report.receivedPaths.count, "file")) updated.")
        case .merged:
            lines.append("Received \(plural(report.received, "commit")) (\(plural(report.receivedPaths.count, "file")) updated), merged \(plural(report.mergedPaths.count, "entry", "entries")), sent \(plural(report.sent, "commit")) to \(remote)/\(branch).")
        }
        // One screen: the first few merged entries, then a count (--json has them all).
        for path in report.mergedPaths.prefix(10) { lines.append("  merged   \(path)") }
        if report.mergedPaths.count > 10 { lines.append("  ... and \(report.mergedPaths.count - 10) more merged (hearth sync --json lists them)") }
        for conflict in report.newConflicts {
            let field = conflict.field.map { " \($0)" } ?? ""
            lines.append("  conflict \(conflict.path)\(field) (\(conflict.kind); kept \(conflict.kept)) [\(conflict.id)]")
        }
        for path in report.keptLocal {
            lines.append("  kept     \(path): changed on disk during the sync, or could not be written (read-only, disk full); left as it was, the next sync brings it up to date")
        }
        if report.pushAttempts > 1 { lines.append(retryLine(report)) }
        lines += SyncMaintenanceFollowUp.lines(report.maintenance)
        return lines.joined(separator: "\n") + "\n" + conflictLine(report)
    }

    /// Why the push needed more than one attempt: another device's push held the remote's
    /// branch locked, or the remote moved between the fetch and the push, or both.
    static func retryLine(_ report: SyncReport) -> String {
        let moved = report.pushAttempts - 1 - report.lockWaits
        let reason = switch (report.lockWaits > 0, moved > 0) {
        case (true, false): "The remote was busy (locked by another device's push)"
        case (true, true): "The remote was busy (locked by another device's push) and moved during the sync"
        default: "The remote moved during the sync"
        }
        return "\(reason); pushed on attempt \(report.pushAttempts)."
    }

    private static func conflictLine(_ report: SyncReport) -> String {
        guard report.openConflicts > 0 else { return "" }
        return "\(plural(report.openConflicts, "open conflict")): see hearth conflicts, settle with hearth resolve.\n"
    }

    static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
    }
}
