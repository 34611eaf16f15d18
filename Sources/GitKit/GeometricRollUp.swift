/// Which packs a geometric roll-up rewrites, as git's `repack --geometric=<factor>` decides:
/// sorted by object count, the big packs that already form a progression (each holding at least
/// `factor` times the objects of the next smaller one) stay; every smaller pack, and the loose
/// objects, go into one new pack; and any pack the new one would not be `factor` times smaller
/// than is rolled in too, so the progression holds afterwards.
///
/// A repository of `n` objects then never has more than about log2(n) such packs, and each object
/// is rewritten about log2(n) times over its life: the cost of one roll-up depends on the small
/// packs and the loose objects, not on the whole history.
package struct GeometricRollUp: Equatable {
    /// How many of the packs, smallest first, to roll up.
    package var packs: Int
    /// Objects the new pack will hold: those of the rolled packs plus the loose ones.
    package var objects: Int

    /// The roll-up for packs of `counts` objects (in any order) and `loose` loose objects.
    /// `packs` counts from the smallest: sort the packs the same way (ascending, stable) to apply it.
    package init(counts: [Int], loose: Int, factor: Int) {
        let sorted = counts.sorted()
        let factor = max(factor, 2)
        // From the top: the largest packs that already form a progression.
        var top = sorted.count - 1
        while top > 0, sorted[top] >= factor * sorted[top - 1] { top -= 1 }
        // `top` is the smallest pack of that progression; when a pair broke it, that pack is
        // rolled with everything below it.
        var split = top > 0 ? top + 1 : 0
        var total = loose + sorted[..<split].reduce(0, +)
        while split < sorted.count, sorted[split] < factor * total {
            total += sorted[split]
            split += 1
        }
        packs = split
        objects = total
    }

    /// Whether the roll-up changes anything: two packs or more to combine, or loose objects.
    package func isWorthDoing(loose: Int) -> Bool {
        packs >= 2 || loose > 0
    }
}
