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

    @Test func fencesInBlockQuotesHoldNoTags() {
        #expect(tags("> ```\n> #code\n> ```\n> #quoted\n") == ["quoted"])
        // Nested quotes; a fence is closed by its quote's end as much as by a closing fence.
        #expect(tags(">> ~~~\n>> #code\n> #outer\n#after\n") == ["outer", "after"])
        // A fence outside quotes shows `>` lines as code.
        #expect(tags("```\n> #code\n> ```\n#still\n```\n#out\n") == ["out"])
        // Up to three spaces before `>`, and none needed after it.
        #expect(tags("   >```\n   >#code\n   >```\n   > #tag\n") == ["tag"])
    }

    @Test func htmlCommentsHoldNoTags() {
        #expect(tags("<!-- #a --> #b <!--#c--> #d") == ["b", "d"])
        #expect(tags("text <!--\n#hidden\n``` no fence\n--> #shown\n#also\n") == ["shown", "also"])
        // An unclosed comment runs to the end; inside code, `<!--` is code.
        #expect(tags("#one <!-- #two\n#three\n") == ["one"])
        #expect(tags("`<!--` #tag\n```\n<!--\n```\n#next\n") == ["tag", "next"])
        // Opened inside a paragraph, an unclosed comment ends with it; one that starts its line
        // (an HTML block) runs to its `-->` across blank lines; `<!-->` and `<!--->` are whole.
        #expect(tags("see <!-- note\n\n#later\n") == ["later"])
        #expect(tags("<!--\n#hidden\n\n#still\n-->\n#after\n") == ["after"])
        #expect(tags("<!--> #a <!---> #b\n") == ["a", "b"])
    }

    @Test func symbolsAreTagCharactersPunctuationIsNot() {
        // Obsidian's rule: all but whitespace, ASCII punctuation other than `_ - /`, and the
        // General (U+2000-U+206F) and Supplemental (U+2E00-U+2E7F) Punctuation blocks.
        #expect(tags("#brand™ #20°C #€uro #a§b #x²") == ["brand™", "20°C", "€uro", "a§b", "x²"])
        #expect(tags("#tag… #it’s #wait—what #a+b #c=d #e@f #g~h #i|j") == ["tag", "it", "wait", "a", "c", "e", "g", "i"])
        #expect(tags("#a\u{2E3A}b #👩\u{200D}💻") == ["a", "👩"])
        #expect(tags("#nb\u{00A0}space #ideo\u{3000}space") == ["nb", "ideo"])
    }

    /// The query cache keeps each entry's body tags: a rule that finds other tags in the same
    /// body must raise its format, or caches keep the old answer until their entries change.
    /// When this sample's tags change on purpose, raise `FrontMatterCacheFile.formatVersion` and
    /// the version below with them.
    @Test func aChangeOfRulesRaisesTheCacheFormat() {
        let body = "#plain #a/b #brand™ #it’s #123 `#code` [x](#anchor) [[#wiki]]\r\n"
            + "```\r\n#fenced\r\n```\r\n> ```\r\n> #quoted\r\n\r\n<!-- #hidden -->\r\n#after\r\n"
        #expect(BodyTags.tags(in: body) == ["plain", "a/b", "brand™", "it", "after"])
        #expect(FrontMatterCacheFile.formatVersion == 5, "the tag rules changed: raise the cache format with them")
    }
}
