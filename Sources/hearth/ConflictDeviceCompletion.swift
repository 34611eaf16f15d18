import ArgumentParser
import SyncKit

/// Shell completion for `hearth resolve REF --keep <TAB>`: the devices of the notebook's open
/// conflicts (of the conflicts the line names by id or entry path, when it names one), the only values
/// `--keep` accepts.
enum ConflictDeviceCompletion {
    /// The completion `--keep` uses.
    static let kind = CompletionKind.custom { words, _, prefix in candidates(words: words, prefix: prefix) }

    /// The devices starting with `prefix`, sorted. Nothing on any error: a completion must never fail loudly.
    static func candidates(words: [String], prefix: String) -> [String] {
        guard let notebook = EntryReferenceCompletion.notebook(words: words),
              let records = try? ConflictStore(root: notebook.root).all() else { return [] }
        let named = records.filter { words.contains($0.id) || words.contains($0.conflict.path) }
        var devices = Set<String>()
        for record in named.isEmpty ? records : named {
            devices.insert(record.conflict.first.device)
            devices.insert(record.conflict.second.device)
        }
        return devices.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
