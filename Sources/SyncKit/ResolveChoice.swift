/// How `hearth resolve` settles a conflict.
public enum ResolveChoice: Sendable, Equatable {
    /// Keep this device's version (`--keep DEVICE`).
    case keep(device: String)
    /// Keep both versions (`--both`): both texts one after the other, both files.
    case both
    /// The user edited the entry by hand (`--edit`); accept it as it is once no markers remain.
    case edited
}
