import Foundation

/// Any JSON value, decoded without guessing: `true` stays a flag and `1` a number (Foundation's
/// `JSONSerialization` hands both back as the same `NSNumber` on Linux).
enum JSONTree: Decodable, Equatable, Sendable {
    case null
    case flag(Bool)
    case number(Double)
    case text(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let array = try? container.decode([JSONTree].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    subscript(key: String) -> JSONTree? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    var items: [JSONTree] {
        if case .array(let items) = self { return items }
        return []
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var integer: Int? { number.map { Int($0) } }

    var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    var flag: Bool? {
        if case .flag(let value) = self { return value }
        return nil
    }

    /// The value at a dotted path as the HTML review names its figures (`weeks.2026-W10.work_h`):
    /// an object's member by key; a list's item by its `week`, `name`, `key` or `date`, else by
    /// its index.
    func value(at path: String) -> JSONTree? {
        var current: JSONTree? = self
        for component in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            switch current {
            case .object(let members)?:
                current = members[component]
            case .array(let items)?:
                let named = items.first { item in ["week", "name", "key", "date"].contains { item[$0]?.text == component } }
                current = named ?? Int(component).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default:
                return nil
            }
        }
        return current
    }
}
