import Foundation
@testable import MergeKit
import Testing

/// What a delete-vs-edit conflict records for the side that edited.
@Suite struct EditSummaryTests {
    @Test func longEditsQuoteTheFirstLinesAndCountTheRest() {
        let base = Data("a\nb\n".utf8)
        let edited = "a\nb\n" + (1...8).map { "line \($0)\n" }.joined()
        let summary = EditSummary.of(base: base, edited: Data(edited.utf8))
        #expect(summary == """
            edited: 8 lines added
            + line 1
            + line 2
            + line 3
            + line 4
            + line 5
            + line 6
            ... and 2 more changed lines
            """)
    }

    @Test func removalsAloneAndLineEndingsAloneAreNamed() {
        #expect(EditSummary.of(base: Data("a\nb\nc\n".utf8), edited: Data("a\n".utf8)) == "edited: 2 lines removed\n- b\n- c")
        #expect(EditSummary.of(base: Data("a\n".utf8), edited: Data("a\r\n".utf8)) == "edited (line endings or spacing only), kept in the entry")
        #expect(EditSummary.of(base: Data("a\n".utf8), edited: Data([0x61, 0x00])) == "edited (binary data), kept in the entry")
    }
}
