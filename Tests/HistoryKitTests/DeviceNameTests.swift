import Foundation
import HistoryKit
import Testing

@Suite("DeviceName.sanitized")
struct DeviceNameTests {
    @Test("spaces, dots and other punctuation become dashes",
          arguments: [("My Laptop", "My-Laptop"), ("laptop.local", "laptop-local"), ("Ada's MacBook Pro.local", "Ada-s-MacBook-Pro-local"),
                      ("a/b\\c:d", "a-b-c-d"), ("work_pc-2", "work_pc-2"), ("büro", "büro")])
    func punctuationBecomesDashes(name: String, expected: String) {
        #expect(DeviceName.sanitized(name) == expected)
    }

    @Test func leadingAndTrailingDashesAreTrimmed() {
        #expect(DeviceName.sanitized(" laptop. ") == "laptop")
        #expect(DeviceName.sanitized("--laptop--") == "laptop")
    }

    @Test("nothing usable becomes 'device'", arguments: ["", " ", "...", "---", "🔥"])
    func emptyBecomesDevice(name: String) {
        #expect(DeviceName.sanitized(name) == "device")
    }

    @Test func lengthIsCappedAt40() {
        let long = String(repeating: "a", count: 50)
        #expect(DeviceName.sanitized(long) == String(repeating: "a", count: 40))
        let exactly = String(repeating: "b", count: 40)
        #expect(DeviceName.sanitized(exactly) == exactly)
        // The cut lands on the dash that replaced the dot, which is then trimmed.
        let capped = DeviceName.sanitized(String(repeating: "c", count: 39) + ".local")
        #expect(capped == String(repeating: "c", count: 39))
        #expect(!capped.hasSuffix("-"), "\(capped)")
    }

    @Test func hostNameHasNoDomain() {
        #expect(!DeviceName.host().contains("."))
    }

    /// ASCII names go by their bytes; the result is the rule for every name (letters, digits,
    /// `-` and `_` kept, anything else a dash, 40 characters, dashes trimmed), written out here.
    @Test func asciiNamesFollowTheRuleForEveryName() {
        func rule(_ name: String) -> String {
            let kept = String(name.unicodeScalars.map { scalar -> Character in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
            })
            let trimmed = String(kept.prefix(40)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
            return trimmed.isEmpty ? "device" : trimmed
        }
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019-_. \t/:@-".unicodeScalars) + (0..<128).compactMap(Unicode.Scalar.init)
        for _ in 0..<3_000 {
            let name = String(String.UnicodeScalarView((0..<Int.random(in: 0...50, using: &random)).map { _ in alphabet.randomElement(using: &random)! }))
            #expect(DeviceName.sanitized(name) == rule(name), "\(name.debugDescription)")
        }
    }
}
