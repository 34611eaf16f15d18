import Foundation

extension Repository {
    /// Maintains the repository as git's `gc --auto` and `repack --geometric` would, without
    /// ever losing an object another process may still reference.
    ///
    /// Always first: leftovers of dead processes (see `removeLeftovers(now:)`) go.
    /// - Not `full`: a geometric roll-up. The small packs that break a factor-`geometricFactor`
    ///   progression and every loose object go into one new pack (deltas on); the big packs are not
    ///   read, so the cost follows what is new, not the history. Then the rolled packs go and the
    ///   loose objects the new pack holds. Unreachable objects are packed like the rest (finding
    ///   them needs the whole history): only a full repack drops them. When the roll-up leaves more
    ///   than `packLimit` packs, or packs that outgrow the biggest (`fullRepackShare`), a full
    ///   repack follows, unless `fullIfDue` is false (a sync's own roll-up, which must stay cheap:
    ///   ``maintenanceNeeds(policy:)`` then still says it is due, for a later run).
    /// - `full`: first the reflog entries older than `reflogExpiry` are dropped (as `git gc`
    ///   does; see `expireReflogs(before:)`), then one pack of every object reachable from the references, their reflogs, HEAD and
    ///   the index; the unreachable objects younger than `pruneGrace` (by their youngest copy's
    ///   time) in a cruft pack with git's per-object `.mtimes`; older ones dropped; then the old
    ///   packs and every loose object that is in a new pack or expired. Then the commit graph is
    ///   written again (see `writeCommitGraph()`), so history walks read parents and times from it
    ///   (in a bare repository, a folder remote, removed instead: only fetches walk it, from the tips).
    ///
    /// Every new pack is written in a quarantine folder, verified, published (fsync'd), verified
    /// again, and only then are old packs or loose objects removed; a kill at any point leaves
    /// every object that was reachable in a complete pack or loose file. Kept packs (`.keep`,
    /// `.promisor`) are never touched. The caller must hold the lock that keeps other writers
    /// of this repository's packs out (the sync lock, or a folder remote's lock).
    ///
    /// - Parameters:
    ///   - full: whether to repack everything and prune, rather than roll up what is small.
    ///   - policy: the thresholds and the pruning grace period.
    ///   - now: the time ages are measured from.
    ///   - fullIfDue: whether a roll-up that leaves a full repack due runs it now.
    ///   - checkpoint: called with each ``MaintenanceCheckpoint``'s raw value as it is reached.
    /// - Throws: `GitError` naming the step, pack or object that failed (a full disk among them);
    ///   old packs are only removed after the new ones are verified, so every object is still there.
    @discardableResult
    public func maintain(full: Bool, policy: MaintenancePolicy = .standard, now: Date = Date(), fullIfDue: Bool = true,
                         checkpoint: ((String) -> Void)? = nil) throws(GitError) -> MaintenanceOutcome {
        let leftovers = removeLeftovers(now: now)
        checkpoint?(MaintenanceCheckpoint.afterLeftovers.rawValue)
        var outcome: MaintenanceOutcome
        if full {
            outcome = try fullRun(policy: policy, now: now, checkpoint: checkpoint)
        } else {
            outcome = try rollUp(policy: policy, checkpoint: checkpoint)
            if fullIfDue, try fullRepackDue(policy: policy) {
                let rolled = outcome
                outcome = try fullRun(policy: policy, now: now, checkpoint: checkpoint)
                outcome.packsBefore = rolled.packsBefore
                outcome.bytesBefore = rolled.bytesBefore
                outcome.looseObjectsPacked += rolled.looseObjectsPacked
                outcome.looseObjectsRemoved += rolled.looseObjectsRemoved
                outcome.packsReplaced += rolled.packsReplaced
            }
        }
        if outcome.work == .full && isBare {
            // A folder remote's history is only walked from its tips, by the fetches of the
            // devices (libgit2's local transport, in each fetching process): there the graph
            // saves nothing, while each fetch would hash the whole file to load it, a cost that
            // grows with the history. So a bare repository gets none, and loses the old one.
            try? removeCommitGraph(in: gitDirectory.appending(path: "objects").path(percentEncoded: false))
        } else if outcome.work == .full {
            // The graph only makes walks faster: commits it lacks are read as before, and a graph
            // that could not be written (a lock left by a killed run, a full disk) costs nothing
            // but that speed, so it never fails the maintenance that already succeeded.
            outcome.commitGraphWritten = (try? writeCommitGraph()) != nil
        }
        outcome.leftoversRemoved = leftovers
        checkpoint?(MaintenanceCheckpoint.done.rawValue)
        return outcome
    }

    /// A full run: the old reflog entries expire first, so what only they kept can be pruned.
    private func fullRun(policy: MaintenancePolicy, now: Date, checkpoint: ((String) -> Void)?) throws(GitError) -> MaintenanceOutcome {
        let expired = try expireReflogs(before: now.addingTimeInterval(-policy.reflogExpiry))
        checkpoint?(MaintenanceCheckpoint.reflogsExpired.rawValue)
        var outcome = try repackFully(policy: policy, now: now, checkpoint: checkpoint)
        outcome.reflogEntriesExpired = expired
        return outcome
    }

    /// Whether, after a roll-up, a full repack is due: more than `packLimit` packs, or packs
    /// that outgrow the biggest (`fullRepackShare`).
    private func fullRepackDue(policy: MaintenancePolicy) throws(GitError) -> Bool {
        let objects = gitDirectory.appending(path: "objects").path(percentEncoded: false)
        let packs = try PackFile.list(in: objects + "/pack")
        return packs.filter({ !$0.isKept }).count > policy.packLimit
            || PackFile.outgrowBiggest(packs, looseBytes: LooseObject.bytes(in: objects), policy: policy)
    }
}
