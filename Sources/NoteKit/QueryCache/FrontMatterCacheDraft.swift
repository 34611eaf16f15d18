import Foundation

/// The next query cache, begun before a scan reads anything: its temporary file's creation time
/// is when the scan began, on the file system's own clock, which git's racy rule compares file
/// times with. Committing renames it over the cache at once, so a reader sees the old cache
/// or the new one, never part of one, and concurrent writers each publish a whole file.
/// HistoryKit's rename index is written the same way (it has no use for the start time).
package struct FrontMatterCacheDraft {
    let path: String
    let descriptor: Int32
    /// The creation time of the temporary file.
    let startedAt: Int64

    /// Creates the temporary file in `folder` (creating `folder` itself, never its parent); nil
    /// when that cannot be done, as in a read-only `.git`: the scan then runs without writing.
    package static func begin(folder: String, name: String) -> FrontMatterCacheDraft? {
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { return nil }
        let prefix = name + ".tmp-"
        removeAbandoned(in: folder, prefix: prefix)
        let path = folder + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard let stamp = FileStamp.of(descriptor: descriptor) else {
            close(descriptor)
            unlink(path)
            return nil
        }
        return FrontMatterCacheDraft(path: path, descriptor: descriptor, startedAt: min(stamp.mtime, stamp.ctime))
    }

    /// Removes temporary files a killed process left, once they are an hour old: a live writer's
    /// file is seconds old, even for a notebook of 100,000 entries.
    private static func removeAbandoned(in folder: String, prefix: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let hourAgo = (Int64(time(nil)) - 3600) * 1_000_000_000
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name.hasPrefix(prefix), let stamp = FileStamp.of(folder + "/" + name), stamp.mtime < hourAgo else { continue }
            unlink(folder + "/" + name)
        }
    }

    /// Writes `bytes` and renames the file to `destination`; false (and nothing left behind)
    /// when any step fails: a cache that cannot be written is only a slower next scan.
    @discardableResult
    package func commit(_ bytes: [UInt8], to destination: String) -> Bool {
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard complete, closed, rename(path, destination) == 0 else {
            unlink(path)
            return false
        }
        return true
    }

    /// Removes the temporary file: the cache on disk already says everything.
    package func abandon() {
        close(descriptor)
        unlink(path)
    }
}
