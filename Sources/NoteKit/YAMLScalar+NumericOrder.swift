extension YAMLScalar {
    /// How two numbers compare, exactly: -1, 0 or 1; nil when either is not a number.
    ///
    /// Integers of any size compare digit for digit, and an integer against a float compares
    /// with the float's exact value, so `--where id=9007199254740993` does not match
    /// 9007199254740992 as it would through `Double`. A NaN compares equal, as it always has.
    static func numericOrder(_ left: YAMLScalar, _ right: YAMLScalar) -> Int? {
        guard left.style == .plain, right.style == .plain else { return nil }
        let leftInteger = CoreInteger(left.text)
        let rightInteger = CoreInteger(right.text)
        switch (leftInteger, rightInteger) {
        case let (a?, b?):
            if let x = a.value, let y = b.value { return x < y ? -1 : x > y ? 1 : 0 }
            return CoreInteger.compare(a.decimalDigits, b.decimalDigits)
        case let (a?, nil):
            guard let number = right.double else { return nil }
            return order(a, number)
        case let (nil, b?):
            guard let number = left.double else { return nil }
            return -order(b, number)
        case (nil, nil):
            guard let x = left.double, let y = right.double else { return nil }
            return x < y ? -1 : x > y ? 1 : 0
        }
    }

    /// An integer against a float, exactly.
    private static func order(_ integer: CoreInteger, _ number: Double) -> Int {
        if number.isNaN { return 0 }
        if number.isInfinite { return number > 0 ? -1 : 1 }
        // Up to 2^53 a Double holds every integer, so converting loses nothing.
        if let value = integer.value, value.magnitude <= 1 << 53 {
            let x = Double(value)
            return x < number ? -1 : x > number ? 1 : 0
        }
        let floor = number.rounded(.down)
        let ordering = CoreInteger.compare(integer.decimalDigits, CoreInteger.decimalDigits(ofWhole: floor))
        return ordering == 0 && floor != number ? -1 : ordering
    }
}
