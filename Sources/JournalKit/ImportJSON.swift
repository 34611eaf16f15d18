import Foundation

/// A parsed JSON value, decoded without `Any` so it stays `Sendable` and every type test is a `switch`.
enum ImportJSON: Decodable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ImportJSON])
    case object([String: ImportJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null; return }
        // Bool before Double: JSONDecoder refuses to read `1` as a Bool, but the reverse is not guaranteed.
        if let value = try? container.decode(Bool.self) { self = .bool(value); return }
        if let value = try? container.decode(Double.self) { self = .number(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([ImportJSON].self) { self = .array(value); return }
        self = .object(try container.decode([String: ImportJSON].self))
    }

    /// "a string", "a list", ... for messages that say what was found instead.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// Parses JSON text, naming `file` when it is not JSON.
    static func parse(_ data: Data, file: String) throws(ImportError) -> ImportJSON {
        do {
            return try JSONDecoder().decode(ImportJSON.self, from: data)
        } catch {
            throw .notJSON(file: file, reason: reason(data))
        }
    }

    /// Where the text stops being JSON. JSONDecoder only says "not valid JSON"; JSONSerialization's
    /// message names the character, line and column, so the failure path asks it.
    private static func reason(_ data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "the parser gave no reason"
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            return detail ?? error.localizedDescription
        }
    }
}
