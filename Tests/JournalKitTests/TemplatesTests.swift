import JournalKit
import NoteKit
import Testing

@Suite("Templates.render")
struct TemplatesTests {
    @Test func placeholdersAreReplacedEverywhere() {
        let rendered = Templates.render("""
            ---
            kind: {{kind}}
            date: {{date}}
            week: {{week}}
            title: {{title}}
            ---

            # {{title}} on {{date}} ({{kind}}, {{week}})
            {{date}} again
            """, date: .d("2026-11-22"), title: "Warmup", kind: .experiment)
        #expect(rendered == """
            ---
            kind: experiment
            date: 2026-11-22
            week: 2026-W47
            title: Warmup
            ---

            # Warmup on 2026-11-22 (experiment, 2026-W47)
            2026-11-22 again
            """)
    }

    @Test("{{week}} is the ISO week, with the week-based year",
          arguments: [("2026-11-22", "2026-W47"), ("2026-11-23", "2026-W48"), ("2026-01-01", "2026-W01"),
                      ("2024-12-30", "2025-W01"), ("2027-01-01", "2026-W53"), ("2021-01-03", "2020-W53"),
                      ("2026-03-02", "2026-W10")])
    func weekIsISO(date: String, week: String) {
        #expect(Templates.render("{{week}}", date: .d(date), title: "", kind: .week) == week)
    }

    @Test func titleIsQuotedInFrontMatterOnlyWhenNeeded() {
        let template = "---\ntitle: {{title}}\n---\n# {{title}}\n"
        #expect(Templates.render(template, date: .d("2026-11-22"), title: "Fix: tokenizer", kind: .note)
                == "---\ntitle: \"Fix: tokenizer\"\n---\n# Fix: tokenizer\n")
        #expect(Templates.render(template, date: .d("2026-11-22"), title: "2026", kind: .note)
                == "---\ntitle: \"2026\"\n---\n# 2026\n")
        #expect(Templates.render(template, date: .d("2026-11-22"), title: "Reading list", kind: .note)
                == "---\ntitle: Reading list\n---\n# Reading list\n")
    }

    @Test func textWithoutPlaceholdersOrFrontMatterIsUnchanged() {
        let text = "# Plain\n\n---\n\n{not a placeholder}\n\n"
        #expect(Templates.render(text, date: .d("2026-11-22"), title: "x", kind: .note) == text)
    }

    @Test func builtInTemplatesRenderToParseableFrontMatter() throws {
        for kind in [NoteKind.day, .week, .experiment, .note, "recipe"] {
            let text = Templates.render(Templates.builtIn(kind), date: .d("2026-11-22"), title: "Fix: it", kind: kind)
            let note = try Note(parsing: text, path: "x.md")
            #expect(note["kind"]?.string == kind.rawValue)
            #expect(note["date"]?.date == .d("2026-11-22"))
            #expect(!text.contains("{{"), "\(kind)")
        }
    }

    @Test func templateWithoutFrontMatterKeepsTheTitleAsWrittenAfterARule() {
        let template = "# {{title}}\n\n---\n\nAbout {{title}}\n"
        let rendered = Templates.render(template, date: .d("2026-11-22"), title: "Fix: tokenizer", kind: .note)
        #expect(rendered.hasPrefix("# Fix: tokenizer\n\n---\n"))
        #expect(rendered == "# Fix: tokenizer\n\n---\n\nAbout Fix: tokenizer\n")
    }
}
