import ArgumentParser
import NoteKit

/// The entry filters `list` (and later `export`) share.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only entries of this kind (repeatable).", completion: KindCompletion.kind)
    var kind: [String] = []

    @Option(help: "Only entries carrying this tag (repeatable: all must be present).")
    var tag: [String] = []

    @Option(help: "Only entries dated on or after this day (YYYY-MM-DD, 2 weeks ago, last week...).")
    var since: String?

    @Option(help: "Only entries dated on or before this day (YYYY-MM-DD, yesterday, last week...).")
    var until: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("A field test such as 'energy<=2' (repeatable).", valueName: "EXPR"))
    var conditions: [String] = []

    func validate() throws {
        try DateArgument.validate(since, from: "--since", as: .since)
        try DateArgument.validate(until, from: "--until", as: .until)
    }

    /// The query these options describe.
    func query() throws -> Query {
        let today = try DateArgument.today()
        let first = try since.map { try DateArgument.day($0, from: "--since", as: .since, today: today) }
        let last = try until.map { try DateArgument.day($0, from: "--until", as: .until, today: today) }
        var parsed: [QueryCondition] = []
        for condition in conditions { parsed.append(try QueryCondition(parsing: condition)) }
        return Query(kinds: Set(kind.map(NoteKind.init(rawValue:))), tags: tag,
                     since: first, until: last, conditions: parsed)
    }
}
