/// One entry object of an export, with typed field access whose errors name the file and entry.
struct ImportFields {
    /// The export file as the user named it.
    let file: String
    /// The entry's 0-based index in `entries`.
    let index: Int
    /// The entry's fields.
    let object: [String: ImportJSON]

    /// The error for `field`, in this entry.
    func problem(_ field: String, _ problem: String) -> ImportError {
        .invalidEntry(file: file, index: index, field: field, problem: problem)
    }

    /// A string field that must be present.
    func string(_ field: String) throws(ImportError) -> String {
        guard let value = object[field], value != .null else { throw problem(field, "is missing") }
        guard case .string(let text) = value else { throw problem(field, "is \(value.typeName), not a string") }
        return text
    }

    /// A list of strings; missing or null reads as no strings, as both apps omit empty lists.
    func strings(_ field: String) throws(ImportError) -> [String] {
        guard let value = object[field], value != .null else { return [] }
        guard case .array(let items) = value else { throw problem(field, "is \(value.typeName), not a list of strings") }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw problem(field, "holds \(item.typeName), not only strings") }
            strings.append(text)
        }
        return strings
    }

    /// A boolean; missing or null reads as false (Day One leaves `starred` out of older exports).
    func bool(_ field: String) throws(ImportError) -> Bool {
        guard let value = object[field], value != .null else { return false }
        guard case .bool(let flag) = value else { throw problem(field, "is \(value.typeName), not true or false") }
        return flag
    }
}
