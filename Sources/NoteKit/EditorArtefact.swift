/// Files that editors, office suites and operating systems leave beside the notes: state of one
/// program on one device, never part of the notebook. Hearth never commits them, whatever the
/// notebook's `.gitignore` says (older notebooks, adopted folders and a user's own `.gitignore`
/// may lack the patterns), and `hearth init` writes the same patterns into the `.gitignore` it
/// creates.
///
/// The list (each entry: the `.gitignore` line, then what it catches):
///
/// | `.gitignore`               | path                                                    | left by                       |
/// |----------------------------|---------------------------------------------------------|-------------------------------|
/// | `.*.sw[a-px]`              | `.x.md.swp`, `.x.md.swo` ... `.x.md.swa`, `.x.md.swx`   | vim's swap files              |
/// | `4913`                     | `4913`                                                  | vim's "can I write here" test |
/// | `*~`                       | `x.md~`                                                 | vim, emacs, nano backups      |
/// | `.#*`                      | `.#x.md`                                                | emacs lock links              |
/// | `\#*#`                     | `#x.md#`                                                | emacs auto-saves              |
/// | `.idea/`                   | anything in a `.idea` folder                            | JetBrains IDEs                |
/// | `.vscode/`                 | anything in a `.vscode` folder                          | VS Code                       |
/// | `.DS_Store`                | `.DS_Store`                                             | macOS Finder                  |
/// | `._*`                      | `._x.md`                                                | macOS on non-Apple disks      |
/// | `Thumbs.db`                | `Thumbs.db`                                             | Windows Explorer              |
/// | `~$*`                      | `~$report.docx`                                         | Microsoft Office locks        |
/// | `.~lock.*#`                | `.~lock.report.odt#`                                    | LibreOffice locks             |
/// | `.obsidian/workspace*.json`| `.obsidian/workspace.json`, `workspace-mobile.json`, `workspaces.json` | Obsidian's open panes |
/// | `.obsidian/cache`          | `.obsidian/cache` (file or folder)                      | Obsidian's cache              |
///
/// File-name patterns apply to the last part of a path only (a folder a person named `drafts~`
/// keeps syncing its notes), folder patterns to every folder on the way, and the Obsidian ones
/// to the vault's settings folder at the notebook's root, where Obsidian keeps it. Names that
/// merely look alike stay notes: `notes~draft.md`, `#tag.md`, `.swp` alone, `x.swp` without the
/// leading dot.
public enum EditorArtefact {
    /// The `.gitignore` lines, in the order of the table above.
    public static let gitignorePatterns = rules.map(\.gitignore)

    /// The `.gitignore` lines that follow ``gitignorePatterns`` and let folders through again.
    /// git applies a pattern without a trailing `/` to folders too, while the rule looks only at a
    /// file's own name: a folder `drafts~/` holds notes that must sync. The rules that name folders
    /// (`.idea/`, `.vscode/`, `.obsidian/cache`) get none. They must come after the patterns: git
    /// takes the last line that matches, and cannot re-include a file below an excluded folder.
    public static let gitignoreFolderReincludes = rules.map(\.gitignore)
        .filter { !$0.hasSuffix("/") && !folderPatterns.contains($0) }
        .map { "!\($0)/" }

    /// Patterns whose rule covers a folder and everything in it.
    private static let folderPatterns: Set<String> = [".obsidian/cache"]

    /// Whether `path` (relative to the notebook root, `/`-separated) is an editor artefact.
    public static func isArtefact(path: String) -> Bool {
        what(path: path) != nil
    }

    /// What left the artefact at `path` ("a vim swap file"), nil when `path` is no artefact.
    public static func what(path: String) -> String? {
        rule(path: path)?.what
    }

    /// The `.gitignore` pattern of the rule that calls `path` an artefact, nil when none does.
    public static func gitignorePattern(path: String) -> String? {
        rule(path: path)?.gitignore
    }

    private static func rule(path: String) -> Rule? {
        // Split at the `/` byte, as git and the disk do (``NotebookLayout/names(of:)``).
        let parts = NotebookLayout.names(of: path).map { Substring($0) }
        guard let name = parts.last else { return nil }
        return rules.first { $0.matches(name, parts.dropLast()) }
    }

    private typealias Rule = (gitignore: String, what: String, matches: @Sendable (_ name: Substring, _ folders: ArraySlice<Substring>) -> Bool)

    private static let rules: [Rule] = [
        (".*.sw[a-px]", "a vim swap file", { name, _ in
            // `.x.md.swp`: a hidden name, something, then `.swp` down to `.swa`, or `.swx`.
            guard name.utf8.count >= 5, name.first == ".", let last = name.last,
                  name.dropLast().hasSuffix(".sw") else { return false }
            return ("a"..."p").contains(last) || last == "x"
        }),
        ("4913", "vim's write test file", { name, _ in name == "4913" }),
        ("*~", "a backup file", { name, _ in name.hasSuffix("~") }),
        (".#*", "an emacs lock file", { name, _ in name.hasPrefix(".#") }),
        ("\\#*#", "an emacs auto-save file", { name, _ in name.utf8.count >= 2 && name.hasPrefix("#") && name.hasSuffix("#") }),
        (".idea/", "a JetBrains IDE file", { _, folders in folders.contains(".idea") }),
        (".vscode/", "a VS Code settings file", { _, folders in folders.contains(".vscode") }),
        (".DS_Store", "macOS Finder's folder state", { name, _ in name == ".DS_Store" }),
        ("._*", "a macOS resource file", { name, _ in name.hasPrefix("._") }),
        ("Thumbs.db", "Windows Explorer's thumbnail cache", { name, _ in name == "Thumbs.db" }),
        ("~$*", "an Office lock file", { name, _ in name.hasPrefix("~$") }),
        (".~lock.*#", "a LibreOffice lock file", { name, _ in name.hasPrefix(".~lock.") && name.hasSuffix("#") }),
        (".obsidian/workspace*.json", "Obsidian's per-device workspace", { name, folders in
            folders.elementsEqual([".obsidian"]) && name.hasPrefix("workspace") && name.hasSuffix(".json")
        }),
        (".obsidian/cache", "Obsidian's per-device cache", { name, folders in
            folders.first == ".obsidian" && (folders.count == 1 ? name == "cache" : folders.dropFirst().first == "cache")
        }),
    ]
}
