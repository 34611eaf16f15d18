import Foundation

/// Notices changes by comparing `TreeFingerprint`s every few seconds: portable (no inotify,
/// kqueue or FSEvents needed) and cheap enough for a notebook (see the watch benchmark).
public final class PollingChangeDetector: ChangeDetector {
    private let root: String
    private let every: TimeInterval
    private let wakeSignal: WakeSignal
    private var last: TreeFingerprint
    private var nextLook: Date
    /// How many times it has looked (for the tests: a look that found nothing is a real "no change").
    private(set) var looks = 0

    /// Starts watching the tree at `root`, looking every `every` seconds.
    public init(root: URL, every: TimeInterval) throws(SyncError) {
        self.root = root.path(percentEncoded: false)
        self.every = every
        self.wakeSignal = try WakeSignal()
        self.last = TreeFingerprint.of(self.root)
        self.nextLook = Date().addingTimeInterval(every)
    }

    public var name: String { "polling every \(WatchEvent.seconds(every))" }

    public func waitForChanges(until deadline: Date) -> Bool {
        while true {
            if Date() >= nextLook {
                nextLook = Date().addingTimeInterval(every)
                let now = TreeFingerprint.of(root)
                looks += 1
                if now != last {
                    last = now
                    return true
                }
            }
            guard Date() < deadline else { return false }
            if wakeSignal.wait(for: nil, until: min(deadline, nextLook)) == .woken { return false }
        }
    }

    public func wake() {
        wakeSignal.wake()
    }
}
