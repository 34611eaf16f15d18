import JournalKit
import NoteKit
import Testing

@Suite("KindSchema.forKind")
struct KindSchemaTests {
    @Test func day() {
        let schema = KindSchema.forKind(.day)
        #expect(schema.kind == .day)
        #expect(schema.fields["energy"] == .integer(1...5))
        #expect(schema.fields["mood"] == .integer(1...5))
        #expect(schema.fields["exhaustion"] == .integer(0...4))
        #expect(schema.fields["cynicism"] == .integer(0...4))
        #expect(schema.fields["efficacy"] == .integer(0...4))
        #expect(schema.fields["sleep_q"] == .integer(1...5))
        #expect(schema.fields["flare"] == .integer(0...4))
        for hours in ["work_h", "deep_h", "meet_h", "health_h", "family_h", "friends_h", "hobby_h", "sleep_h"] {
            #expect(schema.fields[hours] == .number(0...24), "\(hours)")
        }
        #expect(schema.fields["sick"] == .boolean)
        #expect(schema.fields["fever_c"] == .number(30...45))
        #expect(schema.fields["glucose_mgdl"] == .list(.number(10...1000)))
        #expect(schema.fields["symptoms"] == .list(.text))
        #expect(schema.fields["tags"] == .list(.text))
        #expect(schema.fields["date"] == .date)
        #expect(schema.fields["title"] == .text)
        #expect(schema.fields["kind"] == .text)
        #expect(schema.fields.count == 23)
    }

    @Test func experiment() {
        let schema = KindSchema.forKind(.experiment)
        #expect(schema.kind == .experiment)
        let modes = ["bug", "data", "instability", "no-effect", "underpowered", "infra", "eval", "scope", "other"]
        #expect(schema.fields["predicted_failure"] == .suggested(modes))
        #expect(schema.fields["actual_failure"] == .suggested(modes))
        #expect(schema.fields["outcome"] == .choice(["success", "partial", "failure", "inconclusive", "abandoned"]))
        #expect(schema.fields["p_success"] == .number(0...1))
        #expect(schema.fields["hypothesis"] == .text)
        #expect(schema.fields["status"] == .text)
        #expect(schema.fields["date"] == .date)
        #expect(schema.fields["energy"] == nil)
    }

    @Test func week() {
        let schema = KindSchema.forKind(.week)
        #expect(schema.kind == .week)
        #expect(schema.fields["week"] == .isoWeek)
        #expect(schema.fields["who5"] == .list(.integer(0...5), count: 5))
        #expect(schema.fields["work_target_h"] == .number(0...168))
        #expect(schema.fields["energy"] == nil)
    }

    @Test func noteKnowsOnlyTheCommonKeys() {
        let schema = KindSchema.forKind(.note)
        #expect(schema.kind == .note)
        #expect(schema.fields == ["date": .date, "tags": .list(.text), "title": .text, "kind": .text])
    }

    @Test func userKindKnowsOnlyTheCommonKeys() {
        let schema = KindSchema.forKind("recipe")
        #expect(schema.kind == NoteKind(rawValue: "recipe"))
        #expect(schema.fields == ["date": .date, "tags": .list(.text), "title": .text, "kind": .text])
    }

    @Test("keys journal.md does not name are not in any schema",
          arguments: [NoteKind.day, .experiment, .week, .note, "recipe"])
    func unknownKeysAbsent(kind: NoteKind) {
        let fields = KindSchema.forKind(kind).fields
        #expect(fields["bedtime"] == nil)
        #expect(fields["favourite_colour"] == nil)
        #expect(fields["Energy"] == nil)
    }
}
