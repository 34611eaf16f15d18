/// An integer as the YAML 1.2 core schema writes one: `[-+]?[0-9]+`, `0o[0-7]+` or
/// `0x[0-9a-fA-F]+`, of any size.
///
/// A sign comes only before decimal digits and only once, so `+-1`, `0x-1` and `-0x1F` are text.
/// Integers beyond 64 bits are kept as exact decimal digits, never rounded through a `Double`.
struct CoreInteger: Sendable {
    /// The literal as written.
    let text: String
    /// 10, 8 or 16.
    let radix: Int
    /// Whether a `-` precedes the digits.
    let negative: Bool
    /// The UTF-8 offset of the first digit (after a sign or a radix prefix).
    let digitsOffset: Int

    /// Reads `text` as a core-schema integer; nil when it is not one.
    init?(_ text: String) {
        let utf8 = text.utf8
        guard let first = utf8.first else { return nil }
        var radix = 10
        var negative = false
        var offset = 0
        if first == UInt8(ascii: "0"), let second = utf8.dropFirst().first,
           second == UInt8(ascii: "x") || second == UInt8(ascii: "o") {
            radix = second == UInt8(ascii: "x") ? 16 : 8
            offset = 2
        } else if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            offset = 1
        } else if !(48...57).contains(first) {
            return nil
        }
        let digits = utf8.dropFirst(offset)
        guard !digits.isEmpty, digits.allSatisfy({ CoreInteger.digit($0, radix: radix) != nil }) else { return nil }
        self.text = text
        self.radix = radix
        self.negative = negative
        self.digitsOffset = offset
    }

    /// The value, or nil when it does not fit in 64 bits.
    var value: Int? {
        var result = 0
        for byte in text.utf8.dropFirst(digitsOffset) {
            let digit = CoreInteger.digit(byte, radix: radix)!
            let (shifted, overflow) = result.multipliedReportingOverflow(by: radix)
            // Accumulating on the negative side reaches Int.min, which has no positive twin.
            let (next, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow || overflow2 { return nil }
            result = next
        }
        return result
    }

    /// The exact value in decimal digits, `-` first when negative, without leading zeros.
    var decimalDigits: String {
        if radix == 10 {
            // The digits as written: linear, whatever their number (a long run of digits in a
            // file must not stall a listing, as the limb arithmetic below would).
            let digits = text.utf8.dropFirst(digitsOffset).drop { $0 == UInt8(ascii: "0") }
            guard !digits.isEmpty else { return "0" }
            return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self)
        }
        // Base 10^9 limbs, least significant first: enough for the rare integer beyond 64 bits.
        var limbs: [UInt32] = [0]
        for byte in text.utf8.dropFirst(digitsOffset) {
            var carry = UInt64(CoreInteger.digit(byte, radix: radix)!)
            for index in limbs.indices {
                let product = UInt64(limbs[index]) * UInt64(radix) + carry
                limbs[index] = UInt32(product % 1_000_000_000)
                carry = product / 1_000_000_000
            }
            if carry > 0 { limbs.append(UInt32(carry)) }
        }
        return CoreInteger.decimal(limbs: limbs, negative: negative)
    }

    /// The value of one digit byte in `radix`, nil when it is not a digit there.
    static func digit(_ byte: UInt8, radix: Int) -> Int? {
        switch byte {
        case 48...57: return Int(byte) - 48 < radix ? Int(byte) - 48 : nil
        case 97...102 where radix == 16: return Int(byte) - 87
        case 65...70 where radix == 16: return Int(byte) - 55
        default: return nil
        }
    }

    /// The exact decimal digits of a whole, finite `Double` (which may lie far beyond 64 bits).
    static func decimalDigits(ofWhole number: Double) -> String {
        precondition(number.isFinite && number == number.rounded(.towardZero))
        if let exact = Int(exactly: number) { return String(exact) }
        // significand * 2^exponent, the significand a 53-bit integer: double the limbs that often.
        let magnitude = number.magnitude
        var limbs: [UInt32] = []
        var significand = UInt64(1) << 52 | magnitude.significandBitPattern
        while significand > 0 {
            limbs.append(UInt32(significand % 1_000_000_000))
            significand /= 1_000_000_000
        }
        for _ in 0..<(Int(magnitude.exponent) - 52) {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = UInt64(limbs[index]) * 2 + carry
                limbs[index] = UInt32(product % 1_000_000_000)
                carry = product / 1_000_000_000
            }
            if carry > 0 { limbs.append(UInt32(carry)) }
        }
        return decimal(limbs: limbs, negative: number < 0)
    }

    /// Orders two integers given as ``decimalDigits``: -1, 0 or 1.
    static func compare(_ left: String, _ right: String) -> Int {
        let leftNegative = left.utf8.first == UInt8(ascii: "-")
        let rightNegative = right.utf8.first == UInt8(ascii: "-")
        if leftNegative != rightNegative { return leftNegative ? -1 : 1 }
        let a = left.utf8.dropFirst(leftNegative ? 1 : 0)
        let b = right.utf8.dropFirst(rightNegative ? 1 : 0)
        var ordering = a.count < b.count ? -1 : a.count > b.count ? 1 : 0
        if ordering == 0, let (x, y) = zip(a, b).first(where: { $0 != $1 }) { ordering = x < y ? -1 : 1 }
        return leftNegative ? -ordering : ordering
    }

    private static func decimal(limbs: [UInt32], negative: Bool) -> String {
        var limbs = limbs
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
        var text = negative && limbs != [0] ? "-" : ""
        text += String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }
}
