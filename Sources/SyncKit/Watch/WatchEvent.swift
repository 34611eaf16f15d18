import Foundation

/// What the watcher reports, one event per thing that happened; ``summary`` is the log line's text.
public enum WatchEvent: Sendable {
    /// Watching began (the root, how changes are detected, the options).
    case started(root: String, detector: String, options: WatchOptions)
    /// A sync ran.
    case synced(SyncReport, trigger: WatchTrigger)
    /// Maintenance a sync deferred ran in idle time (``Syncer/maintainDue(stopRequested:)``).
    case maintained(SyncMaintenance)
    /// Files changed but nothing is left to commit: the sync's own writes (`lastSyncWrote`, when
    /// the last sync wrote files here and nothing was looked at since), or files git ignores, or a
    /// save that put back what was there.
    case nothingToCommit(lastSyncWrote: Bool)
    /// Another sync holds the notebook's lock: this round was skipped. Reported once; the watcher
    /// tries again after 1, 2, 4 ... s (up to ``WatchOptions/maxRetryDelay``) until ``resumed``.
    case skipped(holder: String, retryIn: TimeInterval)
    /// The other sync that made the watcher skip has ended: syncing goes on.
    case resumed
    /// Inotify cannot watch the notebook (the reason, naming the folder); changes are looked for
    /// by `detector` (polling) instead.
    case pollingInstead(reason: String, detector: String)
    /// The notebook's folder was moved or deleted while watching: the watcher ends (exit 1),
    /// since following it would sync a folder the user no longer calls by that name.
    case notebookGone(root: String)
    /// A sync failed; the next try is in `retryIn` seconds.
    case failed(SyncError, trigger: WatchTrigger, retryIn: TimeInterval)
    /// A stop was asked for while a sync runs: it finishes first.
    case stopping
    /// Watching ended.
    case stopped
    /// The process grew past its limit (``WatchOptions/restartAfterGrowth``) and starts afresh.
    case restarting(residentBytes: Int)

    /// Whether the event says something happened: a sync that changed nothing does not, except
    /// the first, which tells where the notebook stands.
    public var isNoteworthy: Bool {
        switch self {
        case .synced(_, .start):
            return true
        case .synced(let report, _):
            return report.snapshot != nil || !(report.outcome == .upToDate || report.outcome == .localOnly)
                || !report.newConflicts.isEmpty || !report.keptLocal.isEmpty
                || report.maintenance.steps.contains { [.done, .busy, .failed].contains($0.action) }
        case .nothingToCommit: return false
        case .maintained(let maintenance):
            return maintenance.steps.contains { $0.action != .notNeeded }
        case .started, .skipped, .resumed, .pollingInstead, .notebookGone, .failed, .stopping, .stopped, .restarting: return true
        }
    }

    /// Whether the event is a failure (for stderr and colour).
    public var isFailure: Bool {
        switch self {
        case .failed, .skipped, .notebookGone: return true
        case .maintained(let maintenance): return maintenance.steps.contains { $0.action == .failed }
        default: return false
        }
    }

    /// The event as one line of text, without the timestamp or a newline.
    public var summary: String {
        switch self {
        case .started(let root, let detector, let options):
            return "watching \(root) (\(detector); sync \(Self.seconds(options.quiet)) after changes settle, "
                + "and every \(Self.seconds(options.interval)))"
        case .synced(let report, let trigger):
            return "sync (\(trigger.rawValue)): " + Self.describe(report)
        case .maintained(let maintenance):
            let steps = maintenance.steps.filter { $0.action != .notNeeded }
            return "maintenance: " + (steps.isEmpty ? "nothing due any more" : steps.map(\.summary).joined(separator: "; "))
        case .nothingToCommit(let lastSyncWrote):
            return "files changed, nothing left to commit" + (lastSyncWrote ? " (the last sync wrote them)" : "")
        case .skipped(let holder, let retryIn):
            return "skipped: another sync is running in this notebook (\(holder)); trying again in \(Self.seconds(retryIn)), "
                + "then less and less often until it ends"
        case .resumed:
            return "the other sync has ended; syncing again"
        case .pollingInstead(let reason, let detector):
            return "\(reason); \(detector) instead"
        case .notebookGone(let root):
            return "the notebook at \(root) was moved or deleted"
        case .failed(let error, let trigger, let retryIn):
            return "sync (\(trigger.rawValue)) failed: \(error.description); retrying in \(Self.seconds(retryIn))"
        case .stopping:
            return "stopping after the sync under way"
        case .stopped:
            return "stopped"
        case .restarting(let bytes):
            return "restarting to give back memory (\(bytes / 1_048_576) MB resident; libgit2 1.5 leaks a little per sync)"
        }
    }

    /// "2 s", "0.5 s", "50 ms", "1 min 30 s".
    package static func seconds(_ value: TimeInterval) -> String {
        if value >= 60 {
            let whole = Int(value.rounded())
            return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s"
        }
        if value < 1 && value > 0 && (value * 10).rounded() != value * 10 { return "\(Int((value * 1000).rounded())) ms" }
        if value == value.rounded() { return "\(Int(value)) s" }
        return "\((value * 10).rounded() / 10) s"
    }

    private static func describe(_ report: SyncReport) -> String {
        var parts: [String] = []
        if let snapshot = report.snapshot { parts.append("committed \"\(snapshot)\"") }
        let target = report.remote.map { "\($0)/\(report.remoteBranch ?? report.branch)" }
        switch (report.outcome, target) {
        case (_, nil):
            parts.append(report.snapshot == nil ? "nothing to commit (no remote configured)" : "no remote configured, committed here only")
        case (.localOnly, let target?), (.upToDate, let target?):
            parts.append("up to date with \(target)")
        case (.pushed, let target?):
            parts.append("sent \(plural(report.sent, "commit")) to \(target)")
        case (.fastForwarded, let target?):
            parts.append("received \(plural(report.received, "commit")) from \(target)\(updated(report))")
        case (.merged, let target?):
            parts.append("received \(plural(report.received, "commit")) from \(target)\(updated(report)), "
                + "merged \(plural(report.mergedPaths.count, "entry", "entries")), sent \(plural(report.sent, "commit"))")
        }
        if !report.newConflicts.isEmpty {
            parts.append(plural(report.newConflicts.count, "new conflict"))
        }
        if !report.keptLocal.isEmpty {
            parts.append("\(plural(report.keptLocal.count, "file")) saved during the sync, kept for the next one")
        }
        for step in report.maintenance.steps where [.done, .busy, .failed].contains(step.action) {
            parts.append("maintenance: " + step.summary)
        }
        return parts.joined(separator: "; ")
    }

    /// " (3 files updated)", or nothing when what was received changed no file here.
    private static func updated(_ report: SyncReport) -> String {
        report.receivedPaths.isEmpty ? "" : " (\(plural(report.receivedPaths.count, "file")) updated)"
    }

    private static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : pluralForm ?? singular + "s")"
    }
}
