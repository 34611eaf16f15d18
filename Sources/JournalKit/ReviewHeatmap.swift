import NoteKit

/// One numeric day field over the window, a square per day: the calendar heatmap. Days without
/// an entry are absent (drawn empty), days logged without the field have a nil value; neither
/// is ever zero.
public struct ReviewHeatmap: Sendable {
    /// The field drawn (`energy`, `work_h`, ...).
    public let field: String
    /// The range the colours span: the field's scale when journal.md gives it one, else the
    /// smallest and largest value recorded (nil when none was).
    public let scale: ClosedRange<Double>?
    /// Every logged day of the window, in date order, with the field's value.
    public let days: [(date: LocalDate, value: Double?)]
}
