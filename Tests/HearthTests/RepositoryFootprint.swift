import Foundation

/// What a repository's object store holds, read from its folders as `git count-objects -v` reads
/// them, and the disk usage of the whole git folder.
struct RepositoryFootprint: Equatable, CustomStringConvertible {
    /// Packs with their index.
    var packs: Int
    /// Loose objects in the fan-out folders.
    var looseObjects: Int
    /// Fan-out folders (`objects/ab`) left empty: each still takes a block, so 256 of them are
    /// a megabyte; git's `prune-packed` removes them.
    var emptyObjectFolders: Int
    /// Bytes on disk under the git folder (blocks, as `du` counts them).
    var bytes: Int

    var description: String {
        "\(packs) packs, \(looseObjects) loose, \(emptyObjectFolders) empty object folders, \(bytes / 1024) KiB"
    }

    /// The footprint of a work tree's `.git`, or of a bare repository at `gitFolder`.
    init(of repository: URL) throws {
        let dotGit = repository.appendingPathComponent(".git")
        var isFolder: ObjCBool = false
        let gitFolder = FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isFolder) && isFolder.boolValue ? dotGit : repository
        let objects = gitFolder.appendingPathComponent("objects")
        let packNames = Set((try? FileManager.default.contentsOfDirectory(atPath: objects.appendingPathComponent("pack").path)) ?? [])
        packs = packNames.filter { $0.hasSuffix(".pack") && packNames.contains(String($0.dropLast(5)) + ".idx") }.count
        looseObjects = 0
        emptyObjectFolders = 0
        for folder in try FileManager.default.contentsOfDirectory(atPath: objects.path) where folder.count == 2 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: objects.appendingPathComponent(folder).path)) ?? []
            looseObjects += names.filter { $0.count == 38 }.count
            if names.isEmpty { emptyObjectFolders += 1 }
        }
        bytes = try Self.diskUsage(gitFolder)
    }

    /// Bytes on disk under `folder`, each file counted by its blocks.
    static func diskUsage(_ folder: URL) throws -> Int {
        var total = 0
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path]) }
        total += Int(info.st_blocks) * 512
        for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            if lstat(folder.appendingPathComponent(name).path, &info) == 0 { total += Int(info.st_blocks) * 512 }
        }
        return total
    }
}
