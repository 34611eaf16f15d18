import ArgumentParser
import Foundation
import SyncKit

/// `hearth maintenance [--json] [--wait SECONDS]`.
struct MaintenanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Pack the notebook's git objects into one pack.",
        discussion: """
            Every sync that receives something leaves a small pack in .git/objects/pack, and \
            a repository of many packs makes every sync slower. This command writes all of the repository's \
            objects into one new pack, checks it, and only then removes the packs it replaces; \
            loose objects are left as they are. It takes the notebook's sync lock, so it never \
            runs while a sync does: if another sync or maintenance is running it waits, then \
            fails without changing anything. It prints how many objects it packed and the packs \
            and their size before and after. The folder remote is not touched.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print what was done as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Seconds to wait for a sync in this notebook to finish.", valueName: "SECONDS"))
    var wait: Double = 10

    @Flag(help: .hidden) var afterSync = false // what a sync starts in the background: AfterSyncMaintenance

    func run() throws {
        let notebook = try global.notebook()
        if afterSync { return try AfterSyncMaintenance.run(root: notebook.root) }
        let report = try Syncer(root: notebook.root, options: SyncOptions(lockWait: wait)).maintain()
        if json {
            try JSONOutput.write(report)
        } else {
            Terminal.standardOutput.write(Self.summary(report) + "\n")
        }
    }

    /// One line: `packed 812 objects: 37 packs (4.1 MB) -> 1 pack (1.6 MB)`.
    static func summary(_ report: MaintenanceReport) -> String {
        guard report.objectsWritten > 0 else { return "Nothing to pack: the repository holds no objects." }
        let objects = report.objectsWritten == 1 ? "1 object" : "\(report.objectsWritten) objects"
        // One pack already: the repack rewrote it (and packed any loose objects); no packs went.
        if report.packsBefore == 1, report.packsAfter == 1 {
            return "packed \(objects): already 1 pack (\(size(report.bytesBefore)) -> \(size(report.bytesAfter)))"
        }
        return "packed \(objects): \(packs(report.packsBefore)) (\(size(report.bytesBefore)))"
            + " -> \(packs(report.packsAfter)) (\(size(report.bytesAfter)))"
    }

    private static func packs(_ count: Int) -> String {
        count == 1 ? "1 pack" : "\(count) packs"
    }

    /// Decimal units, one digit after the point, as `du --si` and the tables give sizes.
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
