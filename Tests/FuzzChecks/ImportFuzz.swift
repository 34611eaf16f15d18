import Foundation
import JournalKit
import NoteKit

/// The jrnl and Day One importers. Input: an export's bytes. A file that does not fit is refused
/// with an ``ImportError``; every entry of one that fits gets a path inside its source's folder
/// and a note that parses back with the entry's date, time, title, tags and id, and reads as
/// unedited since the import.
enum ImportFuzz {
    static func check(_ data: Data, source: ImportSource) throws(FuzzFailure) {
        let entries: [ImportedEntry]
        do {
            entries = try source.entries(from: data, file: "export.json")
        } catch {
            return
        }
        for entry in entries {
            let path = entry.path()
            let folder = "notes/\(source.rawValue)/"
            let name = path.dropFirst(folder.count)
            guard path.hasPrefix(folder), !name.contains("/"), name.hasSuffix(".md"), !name.hasPrefix(".") else {
                throw FuzzFailure("entry \(entry.sourceID.debugDescription) goes to \(path.debugDescription), outside \(folder)")
            }
            let note = entry.note(at: path)
            let reread: Note
            do {
                reread = try Note(parsing: note.text, path: path)
            } catch {
                throw FuzzFailure("the note of entry \(entry.sourceID.debugDescription) does not parse (\(error)):\n\(note.text.debugDescription)")
            }
            let title = entry.title.isEmpty ? nil : entry.title
            guard reread.date == entry.date, reread["time"]?.string == entry.time, reread["title"]?.string == title,
                  reread.tags == entry.tags, reread["source_id"]?.string == entry.sourceID, reread.body == note.body else {
                throw FuzzFailure("the note of entry \(entry.sourceID.debugDescription) reads back differently:\n\(note.text.debugDescription)")
            }
            guard ImportFingerprint.isAsImported(reread) else {
                throw FuzzFailure("the note of entry \(entry.sourceID.debugDescription) does not read as unedited:\n\(note.text.debugDescription)")
            }
        }
    }
}
