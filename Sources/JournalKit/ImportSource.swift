import Foundation
import NoteKit

/// An app whose JSON export `hearth import` reads.
public enum ImportSource: String, Sendable, CaseIterable, Hashable {
    /// jrnl's `jrnl --export json`: `{"tags": {...}, "entries": [...]}`.
    case jrnl
    /// Day One's JSON export: `{"metadata": {...}, "entries": [...]}`.
    case dayOne = "dayone"

    /// How a user makes the file this source reads, for error messages.
    public var exporter: String {
        switch self {
        case .jrnl: return "`jrnl --export json`"
        case .dayOne: return "Day One's JSON export"
        }
    }

    /// What marks this source's export, for messages: the fields ``fitting(_:)`` looks for.
    public var signature: String {
        switch self {
        case .jrnl: return "entries with title, body, date and time"
        case .dayOne: return "metadata, and entries with uuid and creationDate"
        }
    }

    /// The source whose export `top` (the file's top-level object) is, by the fields each
    /// exporter always writes; nil when it is neither's.
    static func fitting(_ top: [String: ImportJSON]) -> ImportSource? {
        guard case .array(let items)? = top["entries"] else { return nil }
        let first: [String: ImportJSON]? = items.lazy.compactMap { item -> [String: ImportJSON]? in
            if case .object(let object) = item { return object }
            return nil
        }.first
        if top["metadata"] != nil || first?["uuid"] != nil && first?["creationDate"] != nil { return .dayOne }
        if let first, ["title", "body", "date", "time"].allSatisfy({ first[$0] != nil }) { return .jrnl }
        return nil
    }

    /// Reads and parses the export at `path`; `file` is how error messages name it.
    ///
    /// - Throws: ``ImportError`` for an unreadable file, bad JSON or an entry that does not fit.
    public func entries(atPath path: String, file: String) throws(ImportError) -> [ImportedEntry] {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            if case .io(_, _, let reason) = error { throw .unreadableFile(file: file, reason: reason) }
            throw .unreadableFile(file: file, reason: error.description)
        }
        return try entries(from: Data(bytes), file: file)
    }

    /// Parses an export's bytes; every entry is checked before any is returned, so a caller that
    /// writes only after this returns never writes part of a bad file.
    public func entries(from data: Data, file: String) throws(ImportError) -> [ImportedEntry] {
        let json = try ImportJSON.parse(data, file: file)
        guard case .object(let top) = json else {
            throw .wrongShape(file: file, source: self, problem: "the top level is \(json.typeName), not an object")
        }
        guard let list = top["entries"] else {
            throw .wrongShape(file: file, source: self, problem: "there is no 'entries' list")
        }
        guard case .array(let items) = list else {
            throw .wrongShape(file: file, source: self, problem: "'entries' is \(list.typeName), not a list")
        }
        if let fits = Self.fitting(top), fits != self {
            throw .otherSource(file: file, source: self, fits: fits)
        }
        var entries: [ImportedEntry] = []
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item else {
                throw .invalidEntry(file: file, index: index, field: nil, problem: "is \(item.typeName), not an object")
            }
            let fields = ImportFields(file: file, index: index, object: object)
            switch self {
            case .jrnl: entries.append(try ImportJrnl.entry(fields))
            case .dayOne: entries.append(try ImportDayOne.entry(fields))
            }
        }
        return entries
    }
}
