import JournalKit
import Testing

/// How `key=value` arguments are split and which keys are refused before anything is read.
@Suite("EntryFactory.assignments")
struct AssignmentParsingTests {
    @Test(arguments: [
        ("energy = 3", "energy", "3"), ("energy =3", "energy", "3"), ("  mood=  4 ", "mood", "4"),
        ("note=a = b", "note", "a = b"), ("\tsleep_h\t=\t7", "sleep_h", "7"), ("tags=", "tags", ""),
    ])
    func spacesAroundTheEqualsSignAreDropped(argument: String, key: String, value: String) throws {
        let pairs = try EntryFactory.assignments([argument])
        #expect(pairs.count == 1 && pairs[0] == (key, value))
    }

    @Test(arguments: [
        ("my key=1", "'my key' cannot be a key: ' ' (a space) would need quotes in YAML; use letters, digits, _ and -, e.g. my_key"),
        ("a:b=1", "'a:b' cannot be a key: ':' would need quotes in YAML; use letters, digits, _ and -, e.g. a_b"),
        ("#x=1", "'#x' cannot be a key: '#' would need quotes in YAML; use letters, digits, _ and -, e.g. _x"),
        ("-x=1", "'-x' cannot be a key: '-' at the start would need quotes in YAML; use letters, digits, _ and -, e.g. x"),
        ("[a]=1", "'[a]' cannot be a key: '[' would need quotes in YAML; use letters, digits, _ and -, e.g. _a_"),
        ("true=1", "'true' cannot be a key: YAML reads 'true' as a boolean, not a name; choose a word"),
        ("no=1", "'no' cannot be a key: YAML reads 'no' as a boolean, not a name; choose a word"),
        ("null=1", "'null' cannot be a key: YAML reads 'null' as null, not a name; choose a word"),
        ("12=1", "'12' cannot be a key: YAML reads '12' as a number, not a name; choose a word"),
    ])
    func aKeyYAMLWouldQuoteIsRefusedNamingTheCharacter(argument: String, message: String) {
        #expect(throws: JournalError.self) { try EntryFactory.assignments(["energy=2", argument]) }
        do {
            _ = try EntryFactory.assignments([argument])
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func keysOfOtherLettersAndDigitsAreFine() throws {
        let pairs = try EntryFactory.assignments(["énergie=3", "run_2k=true", "x.y-z=1", "_private=1"])
        #expect(pairs.map(\.0) == ["énergie", "run_2k", "x.y-z", "_private"])
    }

    @Test func aMissingKeyOrEqualsSignIsMalformed() {
        #expect(throws: JournalError.malformedAssignment(" =3")) { try EntryFactory.assignments([" =3"]) }
        #expect(throws: JournalError.malformedAssignment("energy")) { try EntryFactory.assignments(["energy"]) }
    }
}
