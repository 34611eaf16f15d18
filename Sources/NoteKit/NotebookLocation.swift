import Foundation

/// Finds the notebook a command works on, like git finds its repository: the nearest enclosing
/// folder that holds `hearth.yaml`; outside any notebook, the default notebook the user set
/// (`HEARTH_NOTEBOOK`, else `hearth.notebook` in the global git config).
///
/// The walk up stops at the root of the first git repository it meets (a folder holding `.git`,
/// a folder or a file as in linked work trees) when that root has no `hearth.yaml`: a code
/// project is not part of a notebook around it, and `hearth today` there must not write into
/// it. It also passes over a `hearth.yaml` in the home folder or in `/` unless the walk started
/// there: such a notebook would swallow every folder below it, which is almost always a stray
/// file rather than a choice (name it with `-C` or as the default notebook instead).
///
/// The notebook root is where `hearth.yaml` is. Git-backed commands open the repository at
/// exactly that root (never searching upwards), so a `hearth.yaml` in a subfolder of another
/// repository makes a notebook of files only: local commands work on it, and sync refuses
/// until `hearth init` gives it a repository of its own; nothing is ever committed to the
/// enclosing one.
///
/// The search only looks for files and does not open any repository: starting libgit2 (and its
/// TLS certificate store) took about 8 ms, a tenth of a whole `hearth list` over 10,000 entries,
/// and read-only commands never need it. The caller reads the git config setting
/// (`configuredNotebook`), which is asked for only when the walk found nothing.
public enum NotebookLocation {
    /// The notebook a command started in `directory` works on: the one containing it; when there
    /// is none and `directoryNamed` is false (the user did not name the folder with `-C`), the
    /// default notebook. The environment (`HEARTH_NOTEBOOK`) wins over git config, which
    /// `configuredNotebook` reads (the value of ``DefaultNotebookSource/configKey``, nil when unset).
    public static func notebook(
        for directory: URL, directoryNamed: Bool, environment: [String: String],
        configuredNotebook: () throws -> String?
    ) throws(NotebookLocationError) -> Notebook {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        do {
            return try notebook(containing: directory, home: home)
        } catch {
            guard !directoryNamed, let (value, source) = try defaultSetting(environment: environment, configuredNotebook: configuredNotebook) else {
                throw error
            }
            return try notebook(at: value, setBy: source, home: home)
        }
    }

    /// The notebook containing `directory`: the nearest folder at or above it that holds
    /// `hearth.yaml`, within the limits the type's documentation gives.
    public static func notebook(containing directory: URL, home: URL?) throws(NotebookLocationError) -> Notebook {
        let start = directory.standardizedFileURL
        let ceilings = Set(["/"] + (home.map { [$0.standardizedFileURL.path, $0.resolvingSymlinksInPath().path] } ?? []))
        var candidate = start
        // Past the first repository's root, or at a ceiling, the walk only looks on to say in
        // the error which hearth.yaml it did not use and why.
        var repository: URL?
        while true {
            if holdsSettings(candidate) {
                if let repository {
                    throw .insideRepository(directory: start.path, repository: repository.path, notebook: candidate.path)
                }
                if candidate.path == start.path || !ceilings.contains(candidate.path) { return Notebook(root: candidate) }
                throw .belowCeilingNotebook(directory: start.path, notebook: candidate.path)
            }
            if repository == nil, FileManager.default.fileExists(atPath: candidate.appendingPathComponent(".git").path) {
                repository = candidate
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        throw .notInNotebook(directory: start.path)
    }

    /// The default notebook's path as set, and where: `HEARTH_NOTEBOOK` (an empty value counts
    /// as unset), else `hearth.notebook` from git config; nil when neither is set.
    static func defaultSetting(
        environment: [String: String], configuredNotebook: () throws -> String?
    ) throws(NotebookLocationError) -> (String, DefaultNotebookSource)? {
        if let value = environment[DefaultNotebookSource.environmentVariable], !value.isEmpty {
            return (value, .environment)
        }
        do {
            guard let value = try configuredNotebook(), !value.isEmpty else { return nil }
            return (value, .gitConfig)
        } catch {
            throw .unusableDefault(value: DefaultNotebookSource.configKey, source: .gitConfig, reason: String(describing: error))
        }
    }

    /// The default notebook `value` names; it must hold `hearth.yaml` itself (no walk up: a
    /// setting names the notebook, not a folder somewhere inside one).
    static func notebook(at value: String, setBy source: DefaultNotebookSource, home: URL?) throws(NotebookLocationError) -> Notebook {
        var path = value
        if path == "~" || path.hasPrefix("~/"), let home {
            path = home.path + path.dropFirst()
        }
        guard path.hasPrefix("/") else {
            throw .unusableDefault(value: value, source: source, reason: "it is not an absolute path")
        }
        let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        guard holdsSettings(root) else { throw .defaultNotANotebook(path: root.path, source: source) }
        return Notebook(root: root)
    }

    /// Whether `folder` holds a `hearth.yaml` file.
    private static func holdsSettings(_ folder: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(Notebook.settingsFile).path, isDirectory: &isDirectory)
        return exists && !isDirectory.boolValue
    }
}
