import Foundation
import Testing

/// `docs/architecture.md` is the project's living picture of its modules: its dependency table
/// must say exactly what `Package.swift` declares, and each module's sources may import only
/// what it declares (so MergeKit really builds with NoteKit alone).
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The modules of the product (not tests, not the test support library) and their direct
    /// dependencies, read from the manifest's `.target`, `.executableTarget` and `.systemLibrary`
    /// entries.
    static func manifestGraph() throws -> [String: Set<String>] {
        try manifestTargets().mapValues(\.dependencies)
    }

    /// The same modules with the folder of their sources: the target's `path:`, else
    /// `Sources/<name>`, as SwiftPM reads it.
    static func manifestTargets() throws -> [String: (path: String, dependencies: Set<String>)] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var targets: [String: (path: String, dependencies: Set<String>)] = [:]
        let source = text
        for kind in [".target(", ".executableTarget(", ".systemLibrary("] {
            var searchStart = source.startIndex
            while let found = source.range(of: kind, range: searchStart..<source.endIndex) {
                // The call's text, up to its matching parenthesis.
                var depth = 0
                var end = found.lowerBound
                for index in source[found.lowerBound...].indices {
                    let character = source[index]
                    if character == "(" { depth += 1 }
                    if character == ")" {
                        depth -= 1
                        if depth == 0 { end = index; break }
                    }
                }
                let call = String(source[found.lowerBound...end])
                searchStart = source.index(after: end)
                guard let name = firstMatch(#"name:\s*"([^"]+)""#, in: call) else { continue }
                // Test support lives under Tests/ and is not part of the product.
                if call.contains(#"path: "Tests/"#) { continue }
                var dependencies: Set<String> = []
                if let list = call.range(of: "dependencies:") {
                    let rest = call[list.upperBound...]
                    var depth = 0
                    var body = ""
                    for character in rest {
                        if character == "[" { depth += 1; if depth == 1 { continue } }
                        if character == "]" { depth -= 1; if depth == 0 { break } }
                        if depth >= 1 { body.append(character) }
                    }
                    // `.product(name: "X", package: ...)` names X; plain strings name targets.
                    let withoutPackages = body.replacingOccurrences(of: #"package:\s*"[^"]+""#, with: "", options: .regularExpression)
                    for match in allMatches(#""([^"]+)""#, in: withoutPackages) { dependencies.insert(match) }
                }
                targets[name] = (firstMatch(#"path:\s*"([^"]+)""#, in: call) ?? "Sources/\(name)", dependencies)
            }
        }
        return targets
    }

    /// The table between the `graph` markers of docs/architecture.md: module -> dependencies.
    static func documentedGraph() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let start = try #require(text.range(of: "<!-- graph"), "docs/architecture.md has no graph table")
        let end = try #require(text.range(of: "<!-- /graph -->"), "docs/architecture.md's graph table is not closed")
        var graph: [String: Set<String>] = [:]
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let module = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let dependencies = cells[2].hasPrefix("(") ? [] : cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            graph[module] = Set(dependencies)
        }
        return graph
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    static func allMatches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func theDocumentedGraphIsTheManifests() throws {
        let manifest = try Self.manifestGraph()
        let documented = try Self.documentedGraph()
        // Guards the parser itself: a graph it failed to read would compare equal to nothing.
        #expect(manifest["MergeKit"] == ["NoteKit"], "\(manifest)")
        #expect(manifest.count >= 8, "\(manifest)")
        for module in Set(manifest.keys).union(documented.keys) where documented[module] != manifest[module] {
            Issue.record("docs/architecture.md and Package.swift disagree on \(module): docs say \(documented[module].map { $0.sorted() } ?? []), Package.swift says \(manifest[module].map { $0.sorted() } ?? [])")
        }
    }

    /// Each module imports only modules it declares (and the system's), so a dependency the
    /// manifest does not show cannot creep in through a transitive one.
    @Test func modulesImportOnlyWhatTheyDeclare() throws {
        let manifest = try Self.manifestTargets()
        let system: Set = ["Foundation", "FoundationEssentials", "Dispatch", "Glibc", "Darwin", "Synchronization", "os", "Testing"]
        var checked = 0
        var checkedModules: Set<String> = []
        for (module, (path, dependencies)) in manifest {
            let folder = Self.root.appendingPathComponent(path)
            guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
                Issue.record("\(module)'s folder \(path) cannot be read")
                continue
            }
            for case let file as URL in files where file.pathExtension == "swift" {
                let text = try String(contentsOf: file, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let index = words.firstIndex(of: "import"), words[..<index].allSatisfy({ $0.hasPrefix("@") || ["internal", "public", "package", "private"].contains($0) }),
                          index + 1 < words.count else { continue }
                    let imported = String(words[index + 1])
                    checked += 1
                    checkedModules.insert(module)
                    #expect(system.contains(imported) || dependencies.contains(imported) || imported == module,
                            "\(file.lastPathComponent) in \(module) imports \(imported), which Package.swift does not give \(module)")
                }
            }
        }
        #expect(checked > 100, "looked at only \(checked) imports")
        // Every Swift module, wherever its folder is (NotebookTour's is under Examples/).
        #expect(checkedModules.isSuperset(of: ["NotebookTour", "hearth", "MergeKit", "NoteKit"]), "\(checkedModules.sorted())")
    }

    /// Platform conditionals live only in `Type+Linux.swift` and `Type+Darwin.swift` files
    /// (docs/architecture.md, "Platforms"), so the rest reads the same on every platform.
    @Test func platformConditionalsLiveOnlyInPlatformFiles() throws {
        let conditional = try NSRegularExpression(pattern: #"^\s*#(if|elseif)\b.*\b(os|canImport)\("#, options: .anchorsMatchLines)
        let sources = Self.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var scanned = 0
        var platformFilesWithConditionals = 0
        for case let file as URL in files {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let found = conditional.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let name = file.lastPathComponent
            if name.hasSuffix("+Linux.swift") || name.hasSuffix("+Darwin.swift") {
                if found { platformFilesWithConditionals += 1 }
                continue
            }
            scanned += 1
            #expect(!found, "\(file.path.dropFirst(Self.root.path.count + 1)) has a platform #if; move that code to a +Linux or +Darwin file")
        }
        // Guards the scan: it read the sources, and the pattern finds the conditionals that are there.
        #expect(scanned > 100, "looked at only \(scanned) files")
        #expect(platformFilesWithConditionals > 3, "the pattern found #if os( in only \(platformFilesWithConditionals) platform files")
    }

    /// No library tells the user to run a hearth command or pass one of its flags: that advice is
    /// the program's (docs/architecture.md, "What goes where"). The few places a library names
    /// the program in data (reflog messages, the lock holder, the comments `init` writes, the
    /// conflict record's first line) are listed here, each by its file and the text it holds.
    @Test func librariesGiveNoCommandLineAdvice() throws {
        let libraries = ["NoteKit", "GitKit", "MergeKit", "HistoryKit", "SyncKit", "JournalKit", "VaultKit"]
        let commands = "init|clone|sync|watch|status|check|review|today|new|edit|set|unset|list|grep|show|log|diff|restore|resolve|conflicts|remote|import|export|done|jot|grateful|learned|experiments|maintenance"
        let advice = try NSRegularExpression(pattern: #"\bhearth (\#(commands))\b|--(at|timeout|accept-new-host|wait|device|keep|both|edit|json|adopt|fix)\b|hearth\.timeout|-C DIR"#)
        let data: [(file: String, text: String)] = [
            ("Syncer+Snapshot.swift", #"message: "hearth sync: snapshot""#),
            ("Syncer+Merge.swift", #"message: "hearth sync: "#),
            ("Syncer+Remote.swift", #"message: "hearth sync: push""#),
            ("EncryptedRemote.swift", #"message: "hearth sync: fetch""#),
            ("Syncer+Artefacts.swift", #"message: "hearth check --fix: remove editor artefacts""#),
            ("SyncLock.swift", #"return "another hearth sync""#),
            ("SyncLock.swift", #""another hearth sync" : "hearth sync (\(text))""#),
            ("SyncLock.swift", #"static let maintenanceHolder = "hearth maintenance""#),
            ("RemoteMaintenanceLock.swift", #"static let holderPrefix = "hearth maintenance""#),
            ("NotebookSetup.swift", "by hearth init.\\n"),
            ("NotebookSetup.swift", "# Weekly work-hours target used by `hearth review`."),
            ("ConflictRecord.swift", "# hearth conflict \\(id): list with `hearth conflicts`"),
        ]
        var scanned = 0
        var dataSeen = 0
        for library in libraries {
            let folder = Self.root.appendingPathComponent("Sources/\(library)")
            let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let file as URL in files where file.pathExtension == "swift" {
                scanned += 1
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    // Comments speak to the code's readers.
                    if code.hasPrefix("//") { continue }
                    let string = String(line)
                    guard advice.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil else { continue }
                    if data.contains(where: { file.lastPathComponent == $0.file && string.contains($0.text) }) {
                        dataSeen += 1
                        continue
                    }
                    Issue.record("\(library)/\(file.lastPathComponent):\(number + 1) gives command-line advice; let the error carry the facts and the CLI word it: \(code)")
                }
            }
        }
        // Guards the scan: it read the libraries, and the pattern finds the data that is there.
        #expect(scanned > 200, "looked at only \(scanned) files")
        #expect(dataSeen >= data.count, "the pattern matched only \(dataSeen) of the \(data.count) known places")
    }

    /// Stderr is written from one place in the program, `Diagnostics` (over `Terminal`), so what a
    /// user sees there is decided in one place; the watch log's own write(2) writer is the one
    /// exception (it must notice a closed stdout while stop signals arrive).
    @Test func stderrIsWrittenFromOnePlace() throws {
        let writers: [(pattern: String, allowedIn: String)] = [
            ("Terminal.standardError.write", "Diagnostics.swift"),
            ("FileHandle.standardError", "Terminal.swift"),
            ("fputs(", ""),
            (", to: 2)", "WatchCommand.swift"),
        ]
        let folder = Self.root.appendingPathComponent("Sources/hearth")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        var scanned = 0
        var allowedSeen: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            scanned += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                for writer in writers where line.contains(writer.pattern) {
                    if file.lastPathComponent == writer.allowedIn {
                        allowedSeen.insert(writer.pattern)
                    } else {
                        Issue.record("\(file.lastPathComponent):\(number + 1) writes to stderr itself; go through Diagnostics")
                    }
                }
            }
        }
        // Guards the scan: it read the program, and found the one writer each pattern allows.
        #expect(scanned > 50, "looked at only \(scanned) files")
        #expect(allowedSeen == ["Terminal.standardError.write", "FileHandle.standardError", ", to: 2)"], "\(allowedSeen.sorted())")
    }
}
