extension RenameIndexGraph {
    /// The commits the tip reaches in the order libgit2 1.5's revision walk lists them from the
    /// tip alone (`GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME`, nothing hidden: what
    /// `Repository.log(from:)` and `commitIDs(from:)` return), as index positions, computed from
    /// the index's parents and times without reading a commit. Nil when the index is empty, or
    /// holds a time libgit2 may read otherwise from a commit graph (before 1970, or past the
    /// graph's 34 bits), when the caller must ask libgit2.
    ///
    /// libgit2 sorts every commit before it lists the first (`sort_in_topological_order` in
    /// `revwalk.c`): each commit's count of children, then a priority queue by commit time that
    /// takes a commit once its last child has been listed, the tip first. Ties between commits of
    /// the same second are settled by the queue's binary heap (`pqueue.c`), so the heap is
    /// reproduced exactly: the same insertions, the same sifts, the same comparisons.
    func walkOrder() -> [Int]? {
        guard count > 0 else { return nil }
        let graphLimit: Int64 = 1 << 34
        guard !dates.contains(where: { $0 < 0 || $0 >= graphLimit }) else { return nil }
        // With one commit pushed and none hidden, the walk's list is every commit the tip reaches
        // (all of the index), each parent counted once per child listing it (libgit2 starts each at 1).
        var inDegree = [Int32](repeating: 1, count: count)
        for slot in 0..<parents.count { inDegree[parents[slot]] += 1 }
        var heap = WalkHeap(dates: dates)
        heap.insert(count - 1)
        var order: [Int] = []
        order.reserveCapacity(count)
        while let next = heap.pop() {
            for slot in slots(of: next) {
                let parent = parents[slot]
                if inDegree[parent] == 0 { continue }
                inDegree[parent] -= 1
                if inDegree[parent] == 1 { heap.insert(parent) }
            }
            inDegree[next] = 0
            order.append(next)
        }
        // Every commit is the tip or a parent of one listed: all are listed, or the index lied.
        return order.count == count ? order : nil
    }

    /// libgit2's `git_pqueue` with `git_commit_list_time_cmp`: a binary min-heap in which the
    /// newer commit is the smaller.
    private struct WalkHeap {
        let dates: [Int64]
        var contents: [Int] = []

        init(dates: [Int64]) {
            self.dates = dates
        }

        /// `git_commit_list_time_cmp(a, b) > 0`: `a` is older than `b`.
        private func greater(_ a: Int, _ b: Int) -> Bool {
            dates[a] < dates[b]
        }

        /// `git_pqueue_insert`: appended, then `pqueue_up`.
        mutating func insert(_ item: Int) {
            contents.append(item)
            var element = contents.count - 1
            while element > 0 {
                let parentElement = (element - 1) >> 1
                let parent = contents[parentElement]
                if !greater(parent, item) { break }
                contents[element] = parent
                element = parentElement
            }
            contents[element] = item
        }

        /// `git_pqueue_pop`: the top, the last item moved there and `pqueue_down`.
        mutating func pop() -> Int? {
            guard let top = contents.first else { return nil }
            let last = contents.removeLast()
            guard !contents.isEmpty else { return top }
            var element = 0
            while true {
                var kidElement = 2 * element + 1
                guard kidElement < contents.count else { break }
                var kid = contents[kidElement]
                if kidElement + 1 < contents.count, greater(kid, contents[kidElement + 1]) {
                    kidElement += 1
                    kid = contents[kidElement]
                }
                if !greater(last, kid) { break }
                contents[element] = kid
                element = kidElement
            }
            contents[element] = last
            return top
        }
    }
}
