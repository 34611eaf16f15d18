import ArgumentParser
import Foundation
import SyncKit

/// `hearth maintenance [--full | --auto] [--json] [--wait SECONDS]`.
struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Pack the notebook's git objects and prune what is no longer needed.",
        discussion: """
            Every sync that receives something leaves a small pack in .git/objects/pack, and \
            every local commit leaves loose objects; a repository of many packs makes every sync \
            slower. By default this command rolls up the small packs and the loose objects into \
            one new pack, leaving the big packs as they are (a geometric repack, as git's repack \
            --geometric=2), then removes the packs it replaced and the loose objects now packed. \
            With --full it writes every reachable object into one pack and drops unreachable \
            objects older than two weeks; younger ones are kept in a separate pack until they \
            are. Old packs and loose objects go only after the new pack is written and checked. \
            It takes the notebook's sync lock, so it never runs while a sync does: if another \
            sync or maintenance is running it waits, then fails without changing anything. With \
            --auto it runs only when more than 50 packs or about 6,700 loose objects have \
            gathered (the notebook's hearth.maintenance.packLimit and hearth.maintenance.looseLimit \
            settings change these thresholds), prints nothing when there is nothing to do (with \
            --json, the report that says so), and gives up quietly when the notebook is busy: for \
            a script or a scheduler of your own. The folder remote is not touched here; the run a \
            sync starts in the background by itself maintains it too.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Repack every object into one pack and drop unreachable objects older than two weeks.")
    var full = false

    @Flag(help: "Only when due (hearth.maintenance.* settings); print nothing when not, and give up quietly when a sync is running.")
    var auto = false

    @Flag(help: "Print what was done as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Seconds to wait for a sync in this notebook to finish.", valueName: "SECONDS"))
    var wait: Double = 10

    @Option(help: .hidden) var afterSync: String? // what a sync starts in the background, with its remote: AfterSyncMaintenance

    func validate() throws {
        if full && auto { throw ValidationError("choose one of --full and --auto") }
    }

    func run() throws {
        let notebook = try global.notebook()
        if let afterSync { return try AfterSyncMaintenance.run(root: notebook.root, remote: afterSync) }
        var options = SyncOptions(lockWait: auto ? 0 : wait)
        options.checkpoint = SyncCheckpointHook.fromEnvironment()
        let result = Result { () throws(SyncError) in
            try Syncer(root: notebook.root, options: options).maintain(full ? .full : auto ? .auto : .rollUp)
        }
        if auto, case .failure(.locked) = result {
            // A sync or another maintenance is at work; the next background run will catch up.
            return
        }
        let report = try result.get()
        if auto && report.work == .nothing && !json { return }
        if json {
            try JSONOutput.write(report)
        } else {
            Terminal.standardOutput.write(Self.summary(report) + "\n")
        }
    }

    /// What was done, in a line or two:
    /// `rolled up 3 packs and 250 loose objects into a pack of 812 objects: 37 packs (4.1 MB) -> 35 packs (4.0 MB)`.
    static func summary(_ report: MaintenanceReport) -> String {
        let packs = "\(count(report.packsBefore, "pack")) (\(size(report.bytesBefore)))"
            + " -> \(count(report.packsAfter, "pack")) (\(size(report.bytesAfter)))"
        var lines: [String]
        switch report.work {
        case .nothing:
            lines = [report.packsBefore <= 1
                ? "Nothing to pack: \(report.packsBefore == 0 ? "the repository holds no packed or loose objects" : "already 1 pack and no loose objects")."
                : "Nothing to roll up: the packs already grow geometrically and there are no loose objects (\(packs))."]
        case .rollUp:
            var parts: [String] = []
            if report.packsReplaced > 0 { parts.append(count(report.packsReplaced, "pack")) }
            if report.looseObjectsPacked > 0 { parts.append(count(report.looseObjectsPacked, "loose object")) }
            lines = ["rolled up \(parts.joined(separator: " and ")) into a pack of \(count(report.objectsWritten, "object")): \(packs)"]
        case .full where report.packsBefore == 1 && report.packsAfter == 1:
            // One pack already: it was rewritten (with any loose objects); no pack went.
            lines = ["packed \(count(report.objectsWritten, "object")): already 1 pack (\(size(report.bytesBefore)) -> \(size(report.bytesAfter)))"]
        case .full:
            lines = ["packed \(count(report.objectsWritten, "object")): \(packs)"]
        }
        var details: [String] = []
        if report.looseObjectsRemoved > 0 { details.append("removed \(count(report.looseObjectsRemoved, "loose object"))") }
        if report.unreachableObjectsPruned > 0 {
            details.append("dropped \(count(report.unreachableObjectsPruned, "unreachable object")) older than two weeks")
        }
        if report.unreachableObjectsKept > 0 {
            details.append("kept \(count(report.unreachableObjectsKept, "unreachable object")) until two weeks old")
        }
        if report.reflogEntriesExpired > 0 {
            details.append("expired \(count(report.reflogEntriesExpired, "reflog entry", plural: "reflog entries")) older than 90 days")
        }
        if report.leftoversRemoved > 0 { details.append("removed \(count(report.leftoversRemoved, "leftover")) of interrupted runs") }
        if !details.isEmpty { lines.append(details.joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }

    private static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(plural ?? noun + "s")"
    }

    /// Decimal units, one digit after the point, as `du --si` and the issue's tables give sizes.
    private static func size(_ bytes: Int64) -> String {
        let units = ["kB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) bytes" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 999.95, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}
