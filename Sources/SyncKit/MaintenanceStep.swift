/// What happened to one repository's maintenance around a sync: the notebook's own, or a folder
/// remote's.
public struct MaintenanceStep: Sendable, Codable, Hashable {
    /// The remote's name for a folder remote; nil for the notebook's own repository.
    public var remote: String?
    /// What became of it.
    public var action: MaintenanceAction
    /// What the maintenance did, when it ran (``MaintenanceAction/done``).
    public var report: MaintenanceReport?
    /// Why it failed (``MaintenanceAction/failed``).
    public var error: String?

    /// Creates a step from its parts.
    public init(remote: String? = nil, action: MaintenanceAction, report: MaintenanceReport? = nil, error: String? = nil) {
        self.remote = remote
        self.action = action
        self.report = report
        self.error = error
    }
}

extension MaintenanceStep {
    /// What the step was about: "the notebook" or "folder remote origin".
    public var target: String {
        remote.map { "folder remote \($0)" } ?? "the notebook"
    }

    /// One phrase for a log or a summary: "the notebook: 12 packs -> 1 (812 objects)".
    public var summary: String {
        switch action {
        case .notNeeded: return "\(target): nothing due"
        case .done:
            guard let report else { return "\(target): done" }
            let objects = report.objectsWritten == 1 ? "1 object" : "\(report.objectsWritten) objects"
            let packs = report.packsBefore == 1 ? "1 pack" : "\(report.packsBefore) packs"
            return "\(target): \(packs) -> \(report.packsAfter) (\(objects))"
        case .deferred: return "\(target): due, too big to do within the sync"
        case .started: return "\(target): due, running in the background"
        case .busy: return "\(target): due, but a push or another maintenance holds it; left for a later sync"
        case .failed: return "\(target): failed: \(error ?? "unknown error")"
        case .off: return "\(target): maintenance within syncs is off"
        }
    }
}
