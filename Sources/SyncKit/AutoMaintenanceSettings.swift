internal import GitKit

/// How maintenance runs by itself, from the notebook's git config:
/// - `hearth.maintenance.auto`: `true` (the default: small work within a sync, the rest after
///   it), `background` (all of it after the sync), `foreground` (all of it within the sync, as
///   git's `gc.autoDetach false`), `false` (never by itself);
/// - `hearth.maintenance.packLimit`, `hearth.maintenance.looseLimit`: the thresholds (git's 50
///   packs and 6,700 loose objects by default), for the notebook and its folder remote alike.
struct AutoMaintenanceSettings {
    /// When maintenance may run by itself.
    enum Mode: Equatable {
        /// Small work within the sync, the rest after it.
        case automatic
        /// Everything after the sync.
        case background
        /// Everything within the sync, however long it takes.
        case foreground
        /// Never by itself.
        case off
    }

    var mode: Mode
    var policy: MaintenancePolicy

    /// Reads the settings of `repository`.
    ///
    /// - Throws: ``SyncError/io(path:operation:reason:)`` naming the key and its value when one
    ///   is set to something it cannot mean.
    init(_ repository: Repository) throws(SyncError) {
        let config = repository.gitDirectory.appending(path: "config").path(percentEncoded: false)
        func value(_ key: String) throws(SyncError) -> String? {
            do {
                return try repository.configString(key)?.trimmingCharacters(in: .whitespaces)
            } catch {
                throw SyncError.io(path: config, operation: "read \(key)", reason: error.message)
            }
        }
        switch try value("hearth.maintenance.auto")?.lowercased() {
        case nil, "", "true", "yes", "on", "1": mode = .automatic
        case "background": mode = .background
        case "foreground": mode = .foreground
        case "false", "no", "off", "0": mode = .off
        case let other?:
            throw SyncError.io(path: config, operation: "read hearth.maintenance.auto",
                               reason: "'\(other)' is not true, false, background or foreground")
        }
        policy = .standard
        let limits: [(String, WritableKeyPath<MaintenancePolicy, Int>)] = [
            ("hearth.maintenance.packLimit", \.packLimit), ("hearth.maintenance.looseLimit", \.looseObjectLimit),
        ]
        for (key, limit) in limits {
            guard let text = try value(key) else { continue }
            guard let number = Int(text), number > 0 else {
                throw SyncError.io(path: config, operation: "read \(key)", reason: "'\(text)' is not a whole number above 0")
            }
            policy[keyPath: limit] = number
        }
    }
}
