import NoteKit

/// `hearth.yaml`: settings that travel with the notebook (flat YAML, read like front-matter).
public struct NotebookSettings: Sendable {
    /// The weekly work-hours target the review compares against.
    public var workTargetHours: Double?

    /// The keys hearth reads from `hearth.yaml` and their types.
    static let fields: [String: FieldType] = ["version": .integer(1...1), "work_target_h": .number(0...168)]

    /// Settings with nothing set.
    public init(workTargetHours: Double? = nil) {
        self.workTargetHours = workTargetHours
    }

    /// Reads `hearth.yaml` from the notebook root; a missing file means defaults.
    ///
    /// - Throws: a ``Diagnostic`` naming the line when the file is not valid UTF-8 or YAML.
    public init(notebook: Notebook) throws {
        guard let yaml = try NotebookSettings.read(notebook) else {
            self.init()
            return
        }
        self.init(workTargetHours: yaml["work_target_h"]?.double)
    }

    /// What `hearth check` reports about `hearth.yaml`: unreadable YAML, or a value of the wrong type.
    public static func problems(in notebook: Notebook) -> [Diagnostic] {
        do {
            guard let yaml = try read(notebook) else { return [] }
            return yaml.entries.compactMap { entry in
                guard let type = fields[entry.key], let problem = type.problem(with: entry.value) else { return nil }
                return Diagnostic(path: "hearth.yaml", line: yaml.firstLine + entry.lines.lowerBound,
                                  message: "\(entry.key) \(problem)")
            }
        } catch let diagnostic as Diagnostic {
            return [diagnostic]
        } catch {
            return [Diagnostic(path: "hearth.yaml", line: 0, message: "\(error)")]
        }
    }

    private static func read(_ notebook: Notebook) throws -> FrontMatter? {
        guard notebook.exists("hearth.yaml") else { return nil }
        let bytes = try FileSystem.read(try notebook.containedPath("hearth.yaml"))
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(path: "hearth.yaml", line: 0, message: "not valid UTF-8", hint: "re-save hearth.yaml as UTF-8")
        }
        return try FrontMatter(yamlFile: text, path: "hearth.yaml")
    }
}
