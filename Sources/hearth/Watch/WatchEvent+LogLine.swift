import Foundation
import SyncKit

extension WatchEvent {
    /// The event's line in `watch`'s log: SyncKit's ``WatchEvent/summary``, with a failed sync's
    /// error told as `hearth sync` tells it and the commands that help named.
    var logLine: String {
        switch self {
        case .failed(let error, let trigger, let retryIn):
            return "sync (\(trigger.rawValue)) failed: \(Self.failure(error)); retrying in \(Self.seconds(retryIn))"
        case .notebookGone:
            return summary + "; start hearth watch in its new place"
        case .synced(let report, _) where !report.newConflicts.isEmpty:
            // The summary counts the new conflicts (after the commit's subject, which could say
            // anything): say where to see them.
            let count = report.newConflicts.count
            let phrase = "\(count) new \(count == 1 ? "conflict" : "conflicts")"
            guard let range = summary.range(of: phrase, options: .backwards) else { return summary }
            return summary.replacingCharacters(in: range, with: phrase + " (see hearth conflicts)")
        default:
            return summary
        }
    }

    /// A failed sync in the log: as `hearth sync` words it, except where `sync`'s advice is about
    /// what to do by hand now (a lock to remove, a repository to give the notebook), which the
    /// watcher's own retries make moot; the log has always told those plainly.
    private static func failure(_ error: SyncError) -> String {
        switch error {
        case .remoteLocked, .noRepository, .insideNotebook: return error.description
        default: return error.message
        }
    }
}
