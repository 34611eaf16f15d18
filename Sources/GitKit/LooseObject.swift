import Foundation

/// One loose object file, `objects/xx/<38 hex digits>`, as maintenance sees it.
struct LooseObject: Equatable {
    /// The object's name.
    var id: ObjectID
    /// The file's path.
    var path: String
    /// The file's modification time, in seconds since 1970: when it was written, or last
    /// freshened (git and libgit2 touch the file when they write an object that exists).
    var modified: Int64

    /// The bytes of `objectsFolder`'s loose object files: about what they take in a pack without
    /// deltas (each is compressed on its own), so a roll-up leaves that many bytes beside the big
    /// pack. One `stat` per object.
    static func bytes(in objectsFolder: String) -> Int64 {
        census(in: objectsFolder, sizing: true).bytes
    }

    /// How many loose objects `objectsFolder` holds (from the fan-out folders' listings alone)
    /// and, with `sizing`, their files' bytes (one `stat` each; 0 without), in one walk. An
    /// object whose file is gone by the time it is sized (another process pruned it) is counted
    /// but not sized.
    static func census(in objectsFolder: String, sizing: Bool) -> (count: Int, bytes: Int64) {
        var count = 0
        var bytes: Int64 = 0
        walk(objectsFolder) { _, path in
            count += 1
            if sizing, let stat = FileStat.of(path) { bytes += Int64(stat.size) }
        }
        return (count, bytes)
    }

    /// Calls `body` with the name and path of every file under `objectsFolder` named by 38 hex
    /// digits in a folder named by two: the one walk of the fan-out folders that counting,
    /// sizing and listing share. Temporary files (`tmp_obj_*`, libgit2's) have other names.
    ///
    /// Only the fan-out folders that `objectsFolder`'s listing shows are opened: a roll-up removes
    /// those it empties, so most of the 256 are usually missing, and trying each one cost a
    /// failed `open` apiece (about 2.5 ms of system time per walk, two to four walks per sync).
    /// An object written into a folder created after the listing is counted by the next look,
    /// as one written after its folder was read always was.
    private static func walk(_ objectsFolder: String, _ body: (ObjectID, String) -> Void) {
        for fanout in existingFanouts(in: objectsFolder) {
            let folder = objectsFolder + "/" + fanout
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where name.utf8.count == 38 {
                guard let id = ObjectID(hex: fanout + name) else { continue }
                body(id, folder + "/" + name)
            }
        }
    }

    /// The fan-out folders (`00` to `ff`, lowercase as git and libgit2 name them) that
    /// `objectsFolder` holds now, in order; none when it cannot be listed.
    static func existingFanouts(in objectsFolder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: objectsFolder)) ?? []
        return names.filter { name in
            name.utf8.count == 2 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        }.sorted()
    }

    /// The loose objects under `objectsFolder`, each with its file's modification time (one
    /// `stat` each); a file gone before it is stat'ed (another process pruned it) is left out.
    static func list(in objectsFolder: String) -> [LooseObject] {
        var objects: [LooseObject] = []
        walk(objectsFolder) { id, path in
            guard let stat = FileStat.of(path) else { return }
            objects.append(LooseObject(id: id, path: path, modified: stat.mtime.seconds))
        }
        return objects
    }
}
