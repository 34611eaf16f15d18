import NoteKit

/// `hearth.yaml`: settings that travel with the notebook (flat YAML, read like front-matter).
public struct NotebookSettings: Sendable {
    /// The weekly work-hours target the review compares against.
    public var workTargetHours: Double?

    /// Settings with nothing set.
    public init(workTargetHours: Double? = nil) {
        self.workTargetHours = workTargetHours
    }

    /// Reads `hearth.yaml` from the notebook root; a missing file means defaults.
    ///
    /// - Throws: a ``Diagnostic`` naming the line when the file is not valid YAML.
    public init(notebook: Notebook) throws {
        let path = notebook.absolutePath("hearth.yaml")
        guard notebook.exists("hearth.yaml") else {
            self.init()
            return
        }
        let bytes = try FileSystem.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(path: "hearth.yaml", line: 0, message: "not valid UTF-8", hint: "re-save hearth.yaml as UTF-8")
        }
        let yaml = try FrontMatter(yamlFile: text, path: "hearth.yaml")
        self.init(workTargetHours: yaml["work_target_h"]?.double)
    }
}
