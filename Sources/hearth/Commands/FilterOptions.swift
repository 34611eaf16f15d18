import ArgumentParser
import NoteKit

/// The entry filters `list` (and later `export`) share.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only entries of this kind (repeatable).", completion: KindCompletion.kind)
    var kind: [String] = []

    @Option(help: "Only entries carrying this tag, in tags: or as #tag in the body (repeatable: all must be present).")
    var tag: [String] = []

    @Option(help: "Only entries dated on or after this day (YYYY-MM-DD, 2 weeks ago, last week...).")
    var since: String?

    @Option(help: "Only entries dated on or before this day (YYYY-MM-DD, yesterday, last week...).")
    var until: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("A field test such as 'energy<=2' (repeatable).", valueName: "EXPR"))
    var conditions: [String] = []

    func validate() throws {
        try DateArgument.validateWindow(since: since, until: until)
    }

    /// The query these options describe.
    func query() throws -> Query {
        let today = try DateArgument.today()
        let window = try DateArgument.window(since: since, until: until, today: today)
        var parsed: [QueryCondition] = []
        for condition in conditions {
            parsed.append(try DateArgument.resolvingPhrase(in: try QueryCondition(parsing: condition), today: today))
        }
        // `--tag '#work'` means the tag work, as it is written in a body.
        let tags = tag.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        if let empty = tag.first(where: { $0.isEmpty || $0 == "#" }) {
            throw CommandFailure.usage("--tag '\(empty)' names no tag; give one, such as --tag work")
        }
        return Query(kinds: Set(kind.map(NoteKind.init(rawValue:))), tags: tags,
                     since: window.since, until: window.until, conditions: parsed)
    }
}
