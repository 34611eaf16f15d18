/// How much `Syncer.maintain(_:)` does.
public enum MaintenanceScope: String, Sendable, Codable, CaseIterable {
    /// Only what the thresholds call for, and nothing when none is crossed: what `hearth sync`
    /// and `hearth watch` run by themselves. A roll-up, or a full repack when the roll-up would
    /// leave too many packs.
    case auto
    /// A geometric roll-up of the small packs and loose objects now, whether due or not: what
    /// `hearth maintenance` does by default.
    case rollUp = "roll-up"
    /// Everything: one pack of every reachable object, loose objects packed and removed,
    /// unreachable objects past their grace period dropped.
    case full
}
