import ArgumentParser
import NoteKit

/// `hearth tags [--kind K] [--since D] [--until D] [--where EXPR ...] [--json]`.
struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "List every tag with how many entries carry it and when it was last used.",
        discussion: """
            Tags are the values of tags: in the front-matter and #tag words in bodies, recognised as \
            Obsidian recognises them (not in code, links or headings' markers; #123 is no tag). \
            Most used first. The last use is the latest date of an entry carrying the tag; entries \
            without a date count but give no date. The filters choose the entries counted. Example:
              hearth tags --since 2026-01-01 --kind day
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filter: FilterOptions

    @Flag(help: "One JSON object per tag: tag, count, last_used.")
    var json = false

    func run() throws {
        let notebook = try global.notebook()
        // Front-matter and body tags come from the query cache: a warm run reads no entry.
        let scan = CachedScan.scan(notebook, try filter.query(), bodies: false)
        let usages = TagUsage.tally(scan.notes)
        if json {
            JSONOutput.write(rows: usages) { usage in
                .object([("tag", .string(usage.tag)), ("count", .int(usage.count)),
                         ("last_used", usage.lastUsed.map { .string($0.description) } ?? .null)])
            }
        } else {
            Terminal.standardOutput.write(table(usages))
        }
        try DiagnosticReport.reportUnreadable(scan.diagnostics)
    }

    /// `COUNT  TAG  LAST-USED`, counts right-aligned, tags padded to the columns the widest takes
    /// on a terminal (`日本` and `📚` take two each); `-` for no date.
    private func table(_ usages: [TagUsage]) -> String {
        let countWidth = usages.map { String($0.count).count }.max() ?? 0
        let tagWidth = usages.map { DisplayWidth.of($0.tag) }.max() ?? 0
        let terminal = Terminal.standardOutput
        return usages.map { usage in
            let count = String(repeating: " ", count: countWidth - String(usage.count).count) + String(usage.count)
            let tag = DisplayWidth.padded(usage.tag, to: tagWidth)
            return count + "  " + terminal.paint(tag, .bold) + "  " + terminal.paint(usage.lastUsed?.description ?? "-", .dim) + "\n"
        }.joined()
    }
}
