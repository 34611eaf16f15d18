import Foundation
import SyncKit

/// Fetch and push progress on stderr: only on a terminal, only once a transfer has lasted about a
/// second (quick syncs stay quiet), one line redrawn in place.
final class TransferReporter {
    private let start = Date()
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drew = false

    /// Seconds a transfer must last before progress shows: 1, or `HEARTH_PROGRESS_AFTER` (the
    /// tests set 0 to see it on a small fetch).
    private let delay: TimeInterval

    /// A reporter; `quiet` or a non-terminal stderr turns it off.
    init(quiet: Bool) {
        enabled = !quiet && Diagnostics.isTerminal
        delay = ProcessInfo.processInfo.environment["HEARTH_PROGRESS_AFTER"].flatMap(TimeInterval.init) ?? 1
    }

    /// The callback for `SyncNetwork.progress`.
    func report(_ progress: SyncNetwork.Progress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) >= delay, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drew = true
        let objects = progress.totalObjects > 0 ? "\(progress.objects)/\(progress.totalObjects) objects" : "\(progress.objects) objects"
        let size = ByteCountFormatter.string(fromByteCount: Int64(progress.bytes), countStyle: .file)
        Diagnostics.text("\r\u{1B}[2Ktransferring \(objects), \(size)")
    }

    /// Ends the progress line, if one was drawn.
    func finish() {
        if drew { Diagnostics.text("\r\u{1B}[2K") }
    }
}
