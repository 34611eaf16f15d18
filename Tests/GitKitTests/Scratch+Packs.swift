import Foundation
import TestSupport

/// Repositories of many packs made by the git CLI, for the repack and maintenance tests.
extension Scratch {
    /// A repository at the scratch root with `count` commits made by the git CLI, each packed in
    /// a pack of its own.
    func commitsInPacksOfTheirOwn(_ count: Int, from start: Int = 0, initialize: Bool = true) throws {
        if initialize { try git("init", "-q", "-b", "main") }
        for round in start..<start + count {
            try write("entry-\(round).md", "round \(round)\n")
            try git.commitAll("round \(round)")
            try git("-c", "gc.auto=0", "repack", "-d", "-q")
        }
    }

    /// Writes `contents` as a blob with `git hash-object -w` from a file outside the work tree.
    func hashObject(_ contents: String) throws -> String {
        let file = base.appending(path: "blob-\(UUID().uuidString)")
        try Data(contents.utf8).write(to: file)
        return try git("hash-object", "-w", file.path(percentEncoded: false))
    }

    /// The `objects/XX` fan-out folders that are empty.
    func emptyFanouts() throws -> [String] {
        let objects = root.appending(path: ".git/objects").path(percentEncoded: false)
        return try FileManager.default.contentsOfDirectory(atPath: objects).filter { name in
            name.utf8.count == 2 && (try? FileManager.default.contentsOfDirectory(atPath: objects + "/" + name))?.isEmpty == true
        }
    }

    /// The names (`pack-<sha1>`) of the `.pack` files in `folder`.
    static func packNames(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
            .filter { $0.hasSuffix(".pack") }.map { String($0.dropLast(".pack".count)) }
    }
}
