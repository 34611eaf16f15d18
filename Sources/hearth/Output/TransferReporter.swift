import Foundation
import GitKit

/// Fetch and push progress on stderr: only on a terminal, only once a transfer has lasted about a
/// second (quick syncs stay quiet), one line redrawn in place.
final class TransferReporter {
    private let start = Date()
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drew = false

    /// A reporter; `quiet` or a non-terminal stderr turns it off.
    init(quiet: Bool) {
        enabled = !quiet && Terminal.standardError.isTerminal
    }

    /// The callback for `NetworkOptions.progress`.
    func report(_ progress: TransferProgress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drew = true
        let objects = progress.totalObjects > 0 ? "\(progress.receivedObjects)/\(progress.totalObjects) objects" : "\(progress.receivedObjects) objects"
        let size = ByteCountFormatter.string(fromByteCount: Int64(progress.receivedBytes), countStyle: .file)
        Terminal.standardError.write("\r\u{1B}[2Ktransferring \(objects), \(size)")
    }

    /// Ends the progress line, if one was drawn.
    func finish() {
        if drew { Terminal.standardError.write("\r\u{1B}[2K") }
    }
}
