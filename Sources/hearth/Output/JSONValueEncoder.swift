import Foundation
import NoteKit

/// Turns an `Encodable` result (``SyncReport``, ``NotebookStatus``, ...) into a ``JSONValue``, so
/// every `--json` goes through one writer: keys in the order the type encodes them (its
/// declaration order), converted to snake_case as `JSONEncoder`'s `.convertToSnakeCase` would,
/// and nil optionals left out as `JSONEncoder` leaves them.
enum JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try root.store(value, codingPath: [])
        return root.value
    }

    /// `receivedPaths` as `received_paths`; a run of capitals is one word (`displayURL` as
    /// `display_url`), like Foundation's conversion.
    static func snakeCase(_ key: String) -> String {
        var words: [String] = []
        var word = ""
        let characters = Array(key)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            if character.isUppercase, !word.isEmpty,
               previous?.isUppercase == false || next?.isLowercase == true {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }

    /// One value being built; containers fill it in, in place, as the type encodes itself.
    private final class Node {
        private var scalar = JSONValue.null
        private var pairs: [(String, Node)]?
        private var items: [Node]?

        var value: JSONValue {
            if let pairs { return .object(pairs.map { ($0.0, $0.1.value) }) }
            if let items { return .array(items.map(\.value)) }
            return scalar
        }

        func set(_ value: JSONValue) {
            scalar = value
            pairs = nil
            items = nil
        }

        func child(forKey key: String) -> Node {
            if let found = pairs?.first(where: { $0.0 == key }) { return found.1 }
            let node = Node()
            if pairs == nil { pairs = [] }
            pairs?.append((key, node))
            return node
        }

        func appended() -> Node {
            let node = Node()
            if items == nil { items = [] }
            items?.append(node)
            return node
        }

        func makeObject() { if pairs == nil { pairs = [] } }
        func makeArray() { if items == nil { items = [] } }
        var count: Int { items?.count ?? 0 }

        /// Stores `value`: scalars directly, anything else by letting it encode itself here.
        func store(_ value: some Encodable, codingPath: [any CodingKey]) throws {
            switch value {
            case let string as String: set(.string(string))
            case let bool as Bool: set(.bool(bool))
            case let int as Int: set(.int(int))
            case let integer as any BinaryInteger: set(.int(Int(integer)))
            case let double as Double: set(.double(double))
            case let float as Float: set(.double(Double(float)))
            default: try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
            }
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.makeObject()
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.makeArray()
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        func encodeNil(forKey key: Key) { node.child(forKey: snakeCase(key.stringValue)).set(.null) }

        func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.child(forKey: snakeCase(key.stringValue)).store(value, codingPath: codingPath + [key])
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.child(forKey: snakeCase(key.stringValue)), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.child(forKey: snakeCase(key.stringValue)), codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath) }
        func superEncoder(forKey key: Key) -> any Encoder {
            NodeEncoder(node: node.child(forKey: snakeCase(key.stringValue)), codingPath: codingPath + [key])
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.count }

        func encodeNil() { node.appended().set(.null) }
        func encode<T: Encodable>(_ value: T) throws { try node.appended().store(value, codingPath: codingPath) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.appended(), codingPath: codingPath).container(keyedBy: keyType)
        }

        func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.appended(), codingPath: codingPath).unkeyedContainer()
        }

        func superEncoder() -> any Encoder { NodeEncoder(node: node.appended(), codingPath: codingPath) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        func encodeNil() { node.set(.null) }
        func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
    }
}
