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
}
