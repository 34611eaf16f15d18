import NoteKit

/// A past gratitude or learned item brought back by the review.
public struct EchoItem: Hashable, Sendable {
    /// The day it was written.
    public let date: LocalDate
    /// `grateful` or `learned`.
    public let section: String
    /// The item.
    public let text: String
}
