import Foundation
import GitKit
import NoteKit

/// A commit that added or removed a matching line, as `hearth grep --history` reports it.
public struct LineEvent: Sendable, Hashable {
    /// The commit's full id; nil for a change in the working tree not yet committed.
    public var commit: String?
    /// The commit's day in the time zone it was made in; nil when not yet committed.
    public var date: LocalDate?
    /// The commit's moment; nil when not yet committed.
    public var time: Date?
    /// The device that made the change (from hearth's commit message, else the author).
    public var device: String?

    /// Creates an event.
    public init(commit: String?, date: LocalDate?, time: Date?, device: String?) {
        self.commit = commit
        self.date = date
        self.time = time
        self.device = device
    }

    /// The event of a commit, dated by its committer, as `hearth log` dates it.
    init(_ commit: Commit) {
        let signature = commit.committer
        let zone = TimeZone(secondsFromGMT: signature.timeZoneOffsetMinutes * 60) ?? .gmt
        self.init(commit: commit.id.description, date: LocalDate.today(in: zone, now: signature.date), time: signature.date,
                  device: CommitLabel.device(of: commit))
    }

    /// Whether this is a change not yet committed.
    public var isUncommitted: Bool { commit == nil }
}
