import Foundation
import NoteKit

/// The text a new entry starts from: built in, or the notebook's own
/// `.hearth/templates/<kind>.md` when it has one.
///
/// Templates may use `{{date}}`, `{{title}}`, `{{week}}` and `{{kind}}`.
public enum Templates {
    /// The built-in template for `kind`.
    public static func builtIn(_ kind: NoteKind) -> String {
        switch kind {
        case .day:
            return """
            ---
            kind: day
            date: {{date}}
            energy:
            mood:
            sleep_h:
            sleep_q:
            exhaustion:
            cynicism:
            efficacy:
            work_h:
            health_h:
            family_h:
            friends_h:
            tags: []
            ---

            ## Done

            ## Grateful

            ## Learned

            ## Log

            ## Notes

            """
        case .experiment:
            return """
            ---
            kind: experiment
            date: {{date}}
            title: {{title}}
            hypothesis:
            predicted_failure:
            p_success:
            status: planned
            timebox_h:
            tags: []
            ---

            # {{title}}

            ## Plan

            ## Log

            ## Result

            """
        case .week:
            return """
            ---
            kind: week
            week: {{week}}
            date: {{date}}
            who5: []
            work_target_h:
            ---

            # Week {{week}}

            ## What went well

            ## What was hard

            ## Next week

            """
        default:
            return """
            ---
            kind: \(kind.rawValue)
            date: {{date}}
            title: {{title}}
            tags: []
            ---

            # {{title}}

            """
        }
    }

    /// The notebook's template for `kind` if it has one, else the built-in one.
    public static func template(_ kind: NoteKind, notebook: Notebook) -> String {
        // containedPath: a template linked from outside the notebook is not read.
        if let override = try? notebook.containedPath(".hearth/templates/\(kind.rawValue).md"),
           let bytes = try? FileSystem.read(override), let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return builtIn(kind)
    }

    /// Fills the placeholders. The title is written as a YAML string when it needs quotes, so a
    /// title like `Fix: tokenizer` cannot break the front-matter.
    public static func render(_ template: String, date: LocalDate, title: String, kind: NoteKind) -> String {
        var rendered = ""
        var inFrontMatter = false
        // Split on the byte: in Swift "\r\n" is one Character, so a CRLF template would not split.
        let lines = template.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        for (index, line) in lines.enumerated() {
            // Only a `---` on the first line opens front-matter; later ones are rules in the body.
            if line.trimmingCharacters(in: .whitespacesAndNewlines) == "---" {
                if index == 0 { inFrontMatter = true } else if inFrontMatter { inFrontMatter = false }
            }
            let titleText = inFrontMatter ? YAMLWriter.render(.string(title)) : title
            rendered += line
                .replacingOccurrences(of: "{{date}}", with: date.description)
                .replacingOccurrences(of: "{{week}}", with: date.isoWeekName)
                .replacingOccurrences(of: "{{kind}}", with: kind.rawValue)
                .replacingOccurrences(of: "{{title}}", with: titleText)
            rendered += "\n"
        }
        return String(rendered.dropLast())
    }
}
