import Foundation
import Testing

/// `hearth check` on the notebook's own settings file.
@Suite struct CheckSettingsTests {
    @Test func aBadSettingsValueIsReportedWithItsLine() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("hearth.yaml", "version: 1\nwork_target_h: lots\n")
        let result = try notebook.hearth("check")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("hearth.yaml:2: error: work_target_h must be a number from 0 to 168"), "\(result.stdout)")
    }

    @Test func unreadableSettingsAreReported() throws {
        let notebook = try TemporaryNotebook(initialized: true)
        try notebook.write("hearth.yaml", "work_target_h: [40\n")
        let result = try notebook.hearth("check")
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("hearth.yaml:1: error: malformed YAML"), "\(result.stdout)")
    }
}
