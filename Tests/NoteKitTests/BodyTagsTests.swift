import Testing
@testable import NoteKit

/// `#tags` in bodies, by Obsidian's rules (README, "Tags").
@Suite struct BodyTagsTests {
    func tags(_ body: String) -> [String] { BodyTags.tags(in: body) }

    @Test func wordsAfterAHashAreTags() {
        #expect(tags("Went #hiking with #family today.\n") == ["hiking", "family"])
        #expect(tags("#start of a line") == ["start"])
        #expect(tags("tab\t#after-tab and #under_score") == ["after-tab", "under_score"])
    }

    @Test func punctuationEndsATag() {
        #expect(tags("Done: #work, #home; #rest. #fun! #why? #quote\" #paren)") == ["work", "home", "rest", "fun", "why", "quote", "paren"])
        #expect(tags("#it's") == ["it"])
    }

    @Test func nestedTagsStayWhole() {
        #expect(tags("#project/hearth and #a/b/c") == ["project/hearth", "a/b/c"])
        #expect(tags("#trailing/ slash") == ["trailing"])
    }

    @Test func pureNumbersAreNotTags() {
        #expect(tags("Issue #123 and #2026") == [])
        #expect(tags("#y1984 #3d_printing #2026-q1") == ["y1984", "3d_printing", "2026-q1"])
    }

    @Test func headingMarkersAreNotTags() {
        #expect(tags("# Title\n## Log\n###### Deep\n##nospace\n") == [])
        // `#tag` at the start of a line is a tag, as Obsidian reads it; a heading may carry tags.
        #expect(tags("#tag at line start\n## Log #work\n") == ["tag", "work"])
        #expect(tags("#\n# \n") == [])
    }

    @Test func aHashInsideAWordIsNotATag() {
        #expect(tags("C#sharp a#b \\#escaped (#paren) x,#comma") == [])
    }

    @Test func fencedCodeHoldsNoTags() {
        let body = "before #a\n```\n#inside code\n```\n~~~python\n# comment #b\n~~~\nafter #c\n"
        #expect(tags(body) == ["a", "c"])
        // A four-backtick fence shows a three-backtick one; it is closed only by four.
        #expect(tags("````\n```\n#x\n```\n#y\n````\n#z\n") == ["z"])
        // An unclosed fence runs to the end of the body, as in CommonMark.
        #expect(tags("```\n#never\n") == [])
    }

    @Test func inlineCodeHoldsNoTags() {
        #expect(tags("run `grep #x` then #real and ``a ` #y`` #z") == ["real", "z"])
        // A backtick run that is never closed is literal text.
        #expect(tags("a ` #open") == ["open"])
    }

    @Test func linksAndURLsHoldNoTags() {
        #expect(tags("[x](http://a#b) [y](#anchor) [z](note.md \"title #t\") #after") == ["after"])
        #expect(tags("<http://example.com/#frag> http://example.com/#frag") == [])
        #expect(tags("[[note#heading]] [[note|alias #x]] [[#local]] #kept") == ["kept"])
        // The link's text is text.
        #expect(tags("[see #this](http://a)") == ["this"])
    }

    @Test func unicodeTags() {
        #expect(tags("#café #日本語 #naïve #Ωmega #📚 #niño") == ["café", "日本語", "naïve", "Ωmega", "📚", "niño"])
        // A decomposed é (e + combining acute) stays in the tag.
        #expect(tags("#cafe\u{301} ok") == ["cafe\u{301}"])
        #expect(tags("#٣٤") == [])
    }

    @Test func crlfLinesEndTags() {
        #expect(tags("one #a\r\n```\r\n#b\r\n```\r\n#c\r\n") == ["a", "c"])
    }

    @Test func eachTagOnceInFirstOrder() {
        #expect(tags("#b #a #b #a") == ["b", "a"])
        #expect(tags("#Work #work") == ["Work", "work"])
    }
}
