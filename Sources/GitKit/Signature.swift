import Foundation

/// Who made a commit and when (`git_signature`).
public struct Signature: Sendable, Hashable {
    /// The person's name.
    public var name: String
    /// The person's email address.
    public var email: String
    /// The moment of the action; git stores whole seconds.
    public var date: Date
    /// The offset from UTC, in minutes, that the timestamp was recorded in.
    public var timeZoneOffsetMinutes: Int

    /// Creates a signature; the time zone offset defaults to the current zone's at `date`.
    public init(name: String, email: String, date: Date = Date(), timeZoneOffsetMinutes: Int? = nil) {
        self.name = name
        self.email = email
        self.date = date
        self.timeZoneOffsetMinutes = timeZoneOffsetMinutes ?? TimeZone.current.secondsFromGMT(for: date) / 60
    }
}
