import Foundation
import Testing

/// Colour appears only on a terminal, and never when NO_COLOR is set, even on a terminal.
@Suite struct ColorTests {
    static let escape = UInt8(0x1B)

    func notebookWithAnError() throws -> TemporaryNotebook {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("days/2026/2026-11-22.md", "---\nkind: day\ndate: 2026-11-22\nenergy: 9\n---\n")
        return notebook
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func aTerminalGetsColour() throws {
        let notebook = try notebookWithAnError()
        // NO_COLOR set but empty means "not set" (no-color.org).
        let result = try notebook.hearthOnTerminal(["check"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(result.stdoutData.contains(Self.escape), "\(result)")
        #expect(result.stdout.contains("energy must be from 1 to 5"))
    }

    @Test(.enabled(if: TemporaryNotebook.canFakeTerminal))
    func noColorWinsOnATerminal() throws {
        let notebook = try notebookWithAnError()
        for arguments in [["check"], ["review"]] {
            let result = try notebook.hearthOnTerminal(arguments, environment: ["NO_COLOR": "1", "TERM": "xterm"])
            #expect(!result.stdoutData.contains(Self.escape), "\(arguments): \(result)")
        }
        let dumb = try notebook.hearthOnTerminal(["check"], environment: ["NO_COLOR": "", "TERM": "dumb"])
        #expect(!dumb.stdoutData.contains(Self.escape), "\(dumb)")
    }

    @Test func aPipeGetsNoColour() throws {
        let notebook = try notebookWithAnError()
        let result = try notebook.hearth(["check"], environment: ["NO_COLOR": "", "TERM": "xterm"])
        #expect(result.status == 1)
        #expect(!result.stdoutData.contains(Self.escape) && !result.stderrData.contains(Self.escape))
    }
}
