import Foundation
import TestSupport

/// A small notebook's history, one commit a day at noon UTC from 2026-11-18: an entry edited
/// on two devices, renamed and edited again, and a day entry deleted and written anew.
struct HistoryStory {
    static let ideas = "notes/ideas.md"
    static let plans = "notes/plans.md"
    static let day = "days/2026/2026-11-18.md"

    static let first = "---\ntitle: Ideas\nenergy: 3\n---\nfirst thought\n"
    static let second = "---\ntitle: Ideas\nenergy: 4\n---\nfirst thought\nsecond thought\n"
    static let fourth = "---\ntitle: Ideas\nenergy: 2\n---\nsecond thought\nthird thought\n"
    static let dayFirst = "---\nkind: day\ndate: 2026-11-18\n---\n\n## Log\n- 09:00 walk\n"
    static let dayAgain = "---\nkind: day\ndate: 2026-11-18\n---\n\n## Log\n- 10:00 swim\n"

    /// 11-18, laptop: `ideas` and the day added.
    let added: String
    /// 11-19, desk: `ideas` edited (energy 3 -> 4, a line added).
    let edited: String
    /// 11-20, laptop: `ideas` renamed to `plans`, unchanged.
    let renamed: String
    /// 11-21, laptop: `plans` edited (energy 4 -> 2, a line removed, one added).
    let reworded: String
    /// 11-22, desk: the day deleted.
    let deleted: String
    /// 11-23, desk: the day written again, with other content.
    let recreated: String

    /// The commits, newest first, as a log lists them.
    var newestFirst: [String] { [recreated, deleted, reworded, renamed, edited, added] }

    /// The moment an ISO 8601 time with its offset names.
    static func date(_ time: String) throws -> Date {
        try Date(time, strategy: .iso8601)
    }

    /// Noon UTC on 2026-11-`day`.
    static func noon(_ day: Int) -> String { "2026-11-\(day)T12:00:00+00:00" }

    /// Writes the story into `repository`.
    static func tell(in repository: Sandbox) throws -> HistoryStory {
        try repository.write(ideas, first)
        try repository.write(day, dayFirst)
        let added = try repository.commit("laptop: add \(ideas)", at: noon(18))
        try repository.write(ideas, second)
        let edited = try repository.commit("desk: edit \(ideas)", at: noon(19))
        try repository.git("mv", ideas, plans)
        let renamed = try repository.commit("laptop: rename \(ideas) -> \(plans)", at: noon(20))
        try repository.write(plans, fourth)
        let reworded = try repository.commit("laptop: edit \(plans)", at: noon(21))
        try repository.remove(day)
        let deleted = try repository.commit("desk: delete \(day)", at: noon(22))
        try repository.write(day, dayAgain)
        let recreated = try repository.commit("desk: add \(day)", at: noon(23))
        return HistoryStory(added: added, edited: edited, renamed: renamed, reworded: reworded,
                            deleted: deleted, recreated: recreated)
    }
}
