import NoteKit

/// The three-way merge of an ordered sequence that has no conflicts: a list's items or the
/// comment lines above a key. An element stays when both sides kept it, and what a side inserted
/// stays where that side put it, between the same base elements; two sides inserting at the same
/// place give the first side's elements, then the second's, each in its own order. An element
/// both sides inserted appears once, where the first side put it; one a side moved and the other
/// removed stays removed.
enum OrderedMerge {
    /// The merged sequence; elements are compared by `key`, and each one in the result is the
    /// element of the input it came from (a side's, or the base's when both kept it).
    static func merge<Element, Key: Hashable>(base: [Element], first: [Element], second: [Element],
                                              by key: (Element) -> Key) -> [Element] {
        let (baseKeys, firstKeys, secondKeys) = (base.map(key), first.map(key), second.map(key))
        // Most keys' comment lines changed on neither side or one: no diff needed.
        if firstKeys == baseKeys || firstKeys == secondKeys { return second }
        if secondKeys == baseKeys { return first }
        return merge(base: baseKeys, first: firstKeys, second: secondKeys).map { source in
            switch source {
            case .base(let index): return base[index]
            case .first(let index): return first[index]
            case .second(let index): return second[index]
            }
        }
    }

    /// Where one element of the merged sequence comes from.
    private enum Source {
        case base(Int)
        case first(Int)
        case second(Int)
    }

    private static func merge<Element: Hashable>(base: [Element], first: [Element], second: [Element]) -> [Source] {
        var ids: [Element: Int] = [:]
        func intern(_ elements: [Element]) -> [Int] {
            elements.map { element in
                if let id = ids[element] { return id }
                ids[element] = ids.count
                return ids.count - 1
            }
        }
        let baseIDs = intern(base)
        let firstEdit = Edit(base: baseIDs, side: intern(first))
        let secondEdit = Edit(base: baseIDs, side: intern(second))

        // A side that moved a base element inserts it elsewhere; when the other side removed it,
        // it stays removed ("minus what either removed"), rather than come back at its new place.
        func removed(by edit: Edit) -> [Int: Int] {
            var counts: [Int: Int] = [:]
            for id in baseIDs { counts[id, default: 0] += 1 }
            for id in edit.ids where counts[id] != nil { counts[id]! -= 1 }
            return counts.filter { $0.value > 0 }
        }
        var removedBySecond = removed(by: secondEdit)
        var removedByFirst = removed(by: firstEdit)
        func survives(_ id: Int, _ removedByOther: inout [Int: Int]) -> Bool {
            guard let count = removedByOther[id], count > 0 else { return true }
            removedByOther[id] = count - 1
            return false
        }
        // What the first side inserted absorbs the same element inserted by the second.
        var absorbing: [Int: Int] = [:]
        for index in firstEdit.inserted.joined() { absorbing[firstEdit.ids[index], default: 0] += 1 }
        var merged: [Source] = []
        for gap in 0...base.count {
            for index in firstEdit.inserted[gap] where survives(firstEdit.ids[index], &removedBySecond) {
                merged.append(.first(index))
            }
            for index in secondEdit.inserted[gap] {
                let id = secondEdit.ids[index]
                if let count = absorbing[id], count > 0 {
                    absorbing[id] = count - 1
                } else if survives(id, &removedByFirst) {
                    merged.append(.second(index))
                }
            }
            if gap < base.count, firstEdit.kept[gap], secondEdit.kept[gap] { merged.append(.base(gap)) }
        }
        return merged
    }

    /// One side against the base: which base elements it kept, and what it inserted before each
    /// base element (the last gap is after the end). An element that replaced base elements counts
    /// as inserted where the replaced ones began.
    private struct Edit {
        var ids: [Int]
        var kept: [Bool]
        var inserted: [[Int]]

        init(base: [Int], side: [Int]) {
            ids = side
            kept = Array(repeating: false, count: base.count)
            inserted = Array(repeating: [], count: base.count + 1)
            let matches = LineDiff.matches(base, side)
            var next = 0
            var gap = 0
            for index in side.indices {
                if next < matches.count, matches[next].1 == index {
                    kept[matches[next].0] = true
                    gap = matches[next].0 + 1
                    next += 1
                } else {
                    inserted[gap].append(index)
                }
            }
        }
    }
}
