internal import GitKit

extension MaintenanceReport {
    /// The report of a repack's outcome.
    init(_ outcome: RepackOutcome) {
        self.init(packsBefore: outcome.packsBefore, packsAfter: outcome.packsAfter, bytesBefore: outcome.bytesBefore,
                  bytesAfter: outcome.bytesAfter, objectsWritten: outcome.objectsWritten)
    }
}
