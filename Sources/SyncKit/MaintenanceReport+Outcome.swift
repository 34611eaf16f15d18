internal import GitKit

extension MaintenanceReport {
    /// The report of what GitKit's maintenance did, run with `scope`.
    init(_ outcome: MaintenanceOutcome, scope: MaintenanceScope) {
        let work: Work = switch outcome.work {
        case .nothing: .nothing
        case .rollUp: .rollUp
        case .full: .full
        }
        self.init(scope: scope, work: work, packsBefore: outcome.packsBefore, packsAfter: outcome.packsAfter,
                  bytesBefore: outcome.bytesBefore, bytesAfter: outcome.bytesAfter, objectsWritten: outcome.objectsWritten,
                  packsReplaced: outcome.packsReplaced, looseObjectsPacked: outcome.looseObjectsPacked,
                  looseObjectsRemoved: outcome.looseObjectsRemoved, unreachableObjectsPruned: outcome.unreachableObjectsPruned,
                  unreachableObjectsKept: outcome.unreachableObjectsKept, leftoversRemoved: outcome.leftoversRemoved,
                  reflogEntriesExpired: outcome.reflogEntriesExpired)
    }
}
