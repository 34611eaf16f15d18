/// A JSON value with object keys kept in order, so `--json` output is stable and diffable.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    /// An integer beyond 64 bits, as its exact decimal digits (JSON numbers have no size limit).
    case bigInteger(String)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON text (one line), keys in insertion order.
    public func serialized() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// ``serialized()`` appended to `out`.
    package func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .bigInteger(let digits): out += digits
        case .double(let value) where !value.isFinite:
            // JSON has no infinity or NaN; a value that is not a number is written as null.
            out += "null"
        case .double(let value):
            out += value == value.rounded() && abs(value) < 1e15 ? String(format: value) : "\(value)"
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                JSONValue.writeString(pair.0, to: &out)
                out += ":"
                pair.1.write(to: &out)
            }
            out += "}"
        }
    }

    /// `value` as a JSON string appended to `out`.
    package static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // Most values need no escaping; copying them whole keeps `--json` over thousands of
        // entries cheap.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

private extension String {
    /// A whole-valued double written with one decimal (`2.0`), as JSON readers expect a float.
    init(format value: Double) { self = String(Int(value)) + ".0" }
}
