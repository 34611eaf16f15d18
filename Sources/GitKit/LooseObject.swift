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

    /// How many loose objects `objectsFolder` holds, from the fan-out folders' listings alone
    /// (no file is opened or stat'ed).
    static func count(in objectsFolder: String) -> Int {
        fanouts.reduce(0) { total, fanout in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: objectsFolder + "/" + fanout)) ?? []
            return total + names.filter { $0.utf8.count == 38 && ObjectID(hex: fanout + $0) != nil }.count
        }
    }

    /// The bytes of `objectsFolder`'s loose object files: about what they take in a pack without
    /// deltas (each is compressed on its own), so a roll-up leaves that many bytes beside the big
    /// pack. One `stat` per object.
    static func bytes(in objectsFolder: String) -> Int64 {
        fanouts.reduce(0) { total, fanout in
            let folder = objectsFolder + "/" + fanout
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.reduce(total) { sum, name in
                guard name.utf8.count == 38, ObjectID(hex: fanout + name) != nil,
                      let stat = FileStat.of(folder + "/" + name) else { return sum }
                return sum + Int64(stat.size)
            }
        }
    }

    /// The 256 fan-out folder names, "00" to "ff".
    static let fanouts: [String] = {
        let digits = Array("0123456789abcdef")
        return digits.flatMap { high in digits.map { String([high, $0]) } }
    }()

    /// The loose objects under `objectsFolder`: every file named by 38 hex digits in a folder
    /// named by two. Temporary files (`tmp_obj_*`, libgit2's) have other names and are left out.
    static func list(in objectsFolder: String) -> [LooseObject] {
        var objects: [LooseObject] = []
        for fanout in fanouts {
            let folder = objectsFolder + "/" + fanout
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where name.utf8.count == 38 {
                guard let id = ObjectID(hex: fanout + name) else { continue }
                let path = folder + "/" + name
                guard let stat = FileStat.of(path) else { continue }
                objects.append(LooseObject(id: id, path: path, modified: stat.mtime.seconds))
            }
        }
        return objects
    }
}
