import NoteKit

/// The three-way merge of one front-matter value, by meaning rather than bytes, recursing into
/// maps and merging lists as ordered sets (merge.md's front-matter table).
struct FieldMerger {
    /// The merged file's path, for conflict records.
    var path: String
    /// The first side.
    var firstSide: MergeSide
    /// The second side, whose value wins a scalar conflict (the caller orders it newer).
    var secondSide: MergeSide
    /// The conflicts found so far.
    private(set) var conflicts: [MergeConflict] = []

    /// Creates a merger for one file.
    init(path: String, firstSide: MergeSide, secondSide: MergeSide) {
        self.path = path
        self.firstSide = firstSide
        self.secondSide = secondSide
    }

    /// The merged value of `field`; nil means absent (deleted, or never there).
    mutating func merge(base: YAMLValue?, first: YAMLValue?, second: YAMLValue?, field: String) -> YAMLValue? {
        if FieldMerger.same(first, second) || FieldMerger.same(first, base) { return second }
        if FieldMerger.same(second, base) { return first }
        // Both sides changed the value, to different things.
        guard let first else {
            if let second, !FieldMerger.isEmpty(second) { recordDeletion(field: field, deleter: .first, kept: second) }
            return second
        }
        guard let second else {
            if !FieldMerger.isEmpty(first) { recordDeletion(field: field, deleter: .second, kept: first) }
            return first
        }
        // Two lists or two maps merge item by item even when one side emptied its own: an
        // emptied list removed items, which is a change to merge, not "not recorded".
        switch (first, second) {
        case (.list(let firstItems), .list(let secondItems)):
            return .list(FieldMerger.mergeList(base: FieldMerger.items(of: base), first: firstItems, second: secondItems))
        case (.map(let firstPairs), .map(let secondPairs)):
            var basePairs: [YAMLPair] = []
            if case .map(let pairs)? = base { basePairs = pairs }
            return .map(mergeMap(base: basePairs, first: firstPairs, second: secondPairs, field: field))
        default:
            // "Not recorded" against a real value is no disagreement.
            if FieldMerger.isEmpty(first) { return second }
            if FieldMerger.isEmpty(second) { return first }
            conflicts.append(MergeConflict(
                path: path, kind: .field, field: field,
                first: ConflictSide(device: firstSide.device, time: firstSide.time, value: YAMLWriter.render(first)),
                second: ConflictSide(device: secondSide.device, time: secondSide.time, value: YAMLWriter.render(second)),
                kept: secondSide.device))
            return second
        }
    }

    private enum Which { case first, second }

    /// One side deleted the key the other changed: the change is kept and the deletion recorded.
    private mutating func recordDeletion(field: String, deleter: Which, kept: YAMLValue) {
        let value = YAMLWriter.render(kept)
        let deleted = { (side: MergeSide) in ConflictSide(device: side.device, time: side.time, value: "", deleted: true) }
        let changed = { (side: MergeSide) in ConflictSide(device: side.device, time: side.time, value: value) }
        conflicts.append(MergeConflict(
            path: path, kind: .field, field: field,
            first: deleter == .first ? deleted(firstSide) : changed(firstSide),
            second: deleter == .second ? deleted(secondSide) : changed(secondSide),
            kept: deleter == .first ? secondSide.device : firstSide.device))
    }

    /// Per key: base order, then keys new in first, then keys new in second.
    private mutating func mergeMap(base: [YAMLPair], first: [YAMLPair], second: [YAMLPair], field: String) -> [YAMLPair] {
        var keys: [String] = []
        for pair in base + first + second where !keys.contains(pair.key) { keys.append(pair.key) }
        func value(_ pairs: [YAMLPair], _ key: String) -> YAMLValue? { pairs.first { $0.key == key }?.value }
        var merged: [YAMLPair] = []
        for key in keys {
            if let value = merge(base: value(base, key), first: value(first, key), second: value(second, key),
                                 field: field + "." + key) {
                merged.append(YAMLPair(key: key, value: value))
            }
        }
        return merged
    }

    /// A list merged as an ordered sequence (``OrderedMerge``): base items neither side removed,
    /// each side's additions where that side put them (at one place, first's then second's).
    ///
    /// Items compare by value and repeat (WHO-5 answers do), so a list does not collapse, while
    /// an item both sides added appears once.
    static func mergeList(base: [YAMLValue], first: [YAMLValue], second: [YAMLValue]) -> [YAMLValue] {
        OrderedMerge.merge(base: base, first: first, second: second, by: \.jsonObject)
    }

    /// A base value's items for a list merge: a scalar counts as a one-item list.
    private static func items(of value: YAMLValue?) -> [YAMLValue] {
        switch value {
        case .list(let items)?: return items
        case .scalar(let scalar)? where !isEmpty(.scalar(scalar)): return [.scalar(scalar)]
        default: return []
        }
    }

    /// Equal by meaning (quoting and spacing aside); absent is equal only to absent.
    static func same(_ a: YAMLValue?, _ b: YAMLValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return a.jsonObject == b.jsonObject
        default: return false
        }
    }

    /// "Not recorded": null, an empty string, an empty list or map.
    static func isEmpty(_ value: YAMLValue) -> Bool {
        switch value {
        case .scalar(let scalar): return scalar.isNull || scalar.text.isEmpty
        case .list(let items): return items.isEmpty
        case .map(let pairs): return pairs.isEmpty
        }
    }
}
