extension Notebook {
    /// Searches every entry (in parallel) for `query`, in path order. Files that cannot be read
    /// are reported in the result and never stop the search.
    public func grep(_ query: GrepQuery, paths: [String]? = nil) -> GrepScan {
        let paths = paths ?? entryPaths()
        let results: [GrepFileResult] = ParallelMap.map(paths) { path in
            do throws(NotebookError) {
                let bytes = try FileSystem.read(absolutePath(path))
                return bytes.withUnsafeBufferPointer { query.search($0, path: path) }
            } catch {
                return .unreadable(Diagnostic(path: path, line: 0, message: error.description))
            }
        }
        var scan = GrepScan()
        for (path, result) in zip(paths, results) { scan.add(result, path: path) }
        return scan
    }
}
