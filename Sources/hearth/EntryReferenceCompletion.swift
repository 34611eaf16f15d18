import ArgumentParser
import Foundation
import NoteKit
import SyncKit

/// Shell completion for an entry reference (`hearth show <TAB>`): `today`, `yesterday` and the
/// names of the notebook's entries (`2026-11-22`, `2026-W47`, a note's file name), each of which
/// `Notebook.resolve` accepts from any folder of the notebook.
enum EntryReferenceCompletion {
    /// The completion the REF arguments use.
    static let kind = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix) }

    /// The candidates starting with `prefix`, for the notebook the command line works on (`-C DIR`
    /// as the command itself would apply it). Nothing on any error: a completion must never fail loudly.
    static func candidates(words: [String], prefix: String) -> [String] {
        let (directory, named) = workingDirectory(words: words)
        guard let notebook = notebook(in: directory, named: named) else { return [] }
        let paths = notebook.entryPaths()
        var counts: [String: Int] = [:]
        for path in paths { counts[NotebookLayout.stem(of: path), default: 0] += 1 }
        var names = ["today", "yesterday"]
        var seen = Set(names)
        let atRoot = directory.standardizedFileURL.path == notebook.root.standardizedFileURL.path
        for path in paths {
            let name = NotebookLayout.stem(of: path)
            // A name two entries share is ambiguous; the path (relative to where the command runs) is not.
            let candidate = counts[name] == 1 ? name : (atRoot ? path : nil)
            if let candidate, candidate.hasPrefix(prefix), seen.insert(candidate).inserted { names.append(candidate) }
        }
        return names.filter { $0.hasPrefix(prefix) }
    }

    /// The folder the command line works in: the current one, or `-C DIR` as the command itself
    /// would apply it (every `-C` relative to the one before), and whether `-C` named it.
    static func workingDirectory(words: [String]) -> (directory: URL, named: Bool) {
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        var named = false
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if word == "-C", index + 1 < words.endIndex {
                directory = URL(fileURLWithPath: words[index + 1], relativeTo: directory).standardizedFileURL
                index += 1
                named = true
            } else if word.hasPrefix("-C"), word.count > 2 {
                directory = URL(fileURLWithPath: String(word.dropFirst(2)), relativeTo: directory).standardizedFileURL
                named = true
            }
            index += 1
        }
        return (directory, named)
    }

    /// The notebook a command line works on, found as the command itself would find it; nil when
    /// there is none (a completion offers nothing then).
    static func notebook(words: [String]) -> Notebook? {
        let (directory, named) = workingDirectory(words: words)
        return notebook(in: directory, named: named)
    }

    private static func notebook(in directory: URL, named: Bool) -> Notebook? {
        try? NotebookLocation.notebook(for: directory, directoryNamed: named, environment: ProcessInfo.processInfo.environment)
    }
}
