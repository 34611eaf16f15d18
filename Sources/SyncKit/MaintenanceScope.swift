/// How much `Syncer.maintain(_:)` does.
public enum MaintenanceScope: String, Sendable, Codable, CaseIterable {
    /// Only what the thresholds call for, and nothing when none is crossed: what `hearth sync`
    /// and `hearth watch` run by themselves.
    case auto
    /// Everything: one pack of every object, loose objects packed and pruned.
    case full
}
