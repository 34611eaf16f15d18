import Foundation

/// Something that notices changes to files under a notebook without ever opening them, so
/// watching never holds up an editor that is saving.
public protocol ChangeDetector: AnyObject {
    /// What kind of detector this is, for the start line ("inotify", "polling every 1 s").
    var name: String { get }

    /// Blocks until a change is seen (true), `deadline` passes, or ``wake()`` is called (false).
    /// Changes made while nobody was waiting are reported by the next call.
    func waitForChanges(until deadline: Date) -> Bool

    /// Ends a running ``waitForChanges(until:)`` early. Safe from any thread.
    func wake()

    /// Why the detector can no longer see every change (inotify refused to watch a new folder),
    /// nil while it can. The watcher then switches to polling.
    var failure: String? { get }
}

extension ChangeDetector {
    public var failure: String? { nil }
}
