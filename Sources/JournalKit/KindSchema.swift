import NoteKit

/// The keys journal.md defines for one kind of entry and their types. Keys it does not name are
/// the user's own and always allowed.
public struct KindSchema: Sendable {
    /// The kind described.
    public let kind: NoteKind
    /// Known keys and their types.
    public let fields: [String: FieldType]

    /// The schema for `kind`; kinds without one (notes, user kinds) only know `date` and `tags`.
    public static func forKind(_ kind: NoteKind) -> KindSchema {
        switch kind {
        case .day: return day
        case .experiment: return experiment
        case .week: return week
        default: return KindSchema(kind: kind, fields: common)
        }
    }

    /// Whether journal.md defines this kind's keys (day, experiment, week) rather than only the
    /// few every entry shares; `hearth check` holds only these kinds' keys to their spelling.
    public var definesKeys: Bool { fields.count > KindSchema.common.count }

    /// The key of this kind, or of `entryKeys` (the entry's own), that `key` is most likely a
    /// mistake for: the same but for case, or a small typo (`Mood` or `enrgy` for a day's
    /// `mood` and `energy`). Nil when `key` is one of them or close to none: keys journal.md
    /// does not name are the user's own.
    public func nearMiss(of key: String, entryKeys: some Collection<String> = [String]()) -> String? {
        if fields[key] != nil || entryKeys.contains(key) { return nil }
        if entryKeys.isEmpty {
            return KindSchema.nearMisses.answer(kind: kind, key: key) { NameSuggestion.nearest(to: key, among: fields.keys) }
        }
        return NameSuggestion.nearest(to: key, among: Array(fields.keys) + entryKeys)
    }

    private static let nearMisses = NearMissMemo()

    private static let common: [String: FieldType] = [
        "date": .date,
        "tags": .list(.text),
        "title": .text,
        "kind": .text,
    ]

    private static let hours: FieldType = .number(0...24)

    /// `kind: day`, the daily check-in.
    public static let day = KindSchema(kind: .day, fields: common.merging([
        "mood": .integer(1...5), "energy": .integer(1...5),
        "exhaustion": .integer(0...4), "cynicism": .integer(0...4), "efficacy": .integer(0...4),
        "work_h": hours, "deep_h": hours, "meet_h": hours, "health_h": hours, "family_h": hours,
        "friends_h": hours, "hobby_h": hours, "sleep_h": hours,
        "sleep_q": .integer(1...5), "sick": .boolean, "flare": .integer(0...4),
        "fever_c": .number(30...45), "glucose_mgdl": .list(.number(10...1000)),
        "symptoms": .list(.text),
    ]) { $1 })

    /// The usual failure modes an experiment predicts or meets; any other text is accepted too
    /// (a mode of one's own), and `check` suggests these for it.
    public static let failureModes = ["bug", "data", "instability", "no-effect", "underpowered", "infra", "eval", "scope", "other"]

    /// `kind: experiment`, written before launch and closed with an outcome.
    public static let experiment = KindSchema(kind: .experiment, fields: common.merging([
        "hypothesis": .text, "predicted_failure": .suggested(failureModes), "p_success": .number(0...1),
        "status": .text, "outcome": .choice(["success", "partial", "failure", "inconclusive", "abandoned"]),
        "actual_failure": .suggested(failureModes), "timebox_h": .number(0...100_000), "spent_h": .number(0...100_000),
        "budget_gpu_h": .number(0...10_000_000), "gpu_h": .number(0...10_000_000),
    ]) { $1 })

    /// `kind: week`, the weekly review.
    public static let week = KindSchema(kind: .week, fields: common.merging([
        "week": .isoWeek, "who5": .list(.integer(0...5), count: 5), "work_target_h": .number(0...168),
    ]) { $1 })
}
