/// What a sync (or ``Syncer/maintainDue(stopRequested:)``) did about maintenance: the notebook's repository and
/// the folder remote it syncs with. Network remotes are left to their servers, which run their
/// own gc.
public struct SyncMaintenance: Sendable, Codable, Hashable {
    /// The notebook's own repository.
    public var notebook: MaintenanceStep
    /// The folder remote (a path or `file://`) pushed to; nil when there was none to look at.
    public var folderRemote: MaintenanceStep?

    /// Creates a record from its parts; nothing needed by default.
    public init(notebook: MaintenanceStep = MaintenanceStep(action: .notNeeded), folderRemote: MaintenanceStep? = nil) {
        self.notebook = notebook
        self.folderRemote = folderRemote
    }

    /// The notebook's step, then the folder remote's.
    public var steps: [MaintenanceStep] {
        [notebook] + (folderRemote.map { [$0] } ?? [])
    }

    /// Whether some maintenance was due but too big for the sync: ``Syncer/maintainDue(stopRequested:)`` does it.
    public var isDeferred: Bool {
        steps.contains { $0.action == .deferred }
    }

    /// Marks what was deferred as started in the background.
    public mutating func markStarted() {
        if notebook.action == .deferred { notebook.action = .started }
        if folderRemote?.action == .deferred { folderRemote?.action = .started }
    }
}
