/// What became of one repository's maintenance when a sync looked at it (see ``MaintenanceStep``).
public enum MaintenanceAction: String, Sendable, Codable, Hashable {
    /// No threshold is crossed: nothing to do.
    case notNeeded = "not-needed"
    /// Done, small enough to do within the sync, under its lock.
    case done
    /// Due, but too big to make the sync wait for it: left for ``Syncer/maintainDue(stopRequested:)``, which a
    /// program runs once the sync has returned (in the background, or when idle).
    case deferred
    /// The program that ran the sync started a background run to do what was deferred.
    case started
    /// A folder remote's branches were locked (another device pushing there or maintaining it):
    /// left for a later sync.
    case busy
    /// Maintenance failed; the sync itself succeeded and nothing was lost (``MaintenanceStep/error``).
    case failed
    /// Maintenance within syncs is turned off (`hearth.maintenance.auto` is false).
    case off
}
