/// Whether the notebook's repository needs maintenance, from a look at its object folders.
public enum MaintenanceUrgency: String, Sendable, Codable {
    /// No threshold is crossed.
    case notNeeded = "not-needed"
    /// Due, and small enough to run inside a sync.
    case cheap
    /// Due, and too big to make a sync wait for it: run it after the sync, in the background.
    case costly
}
