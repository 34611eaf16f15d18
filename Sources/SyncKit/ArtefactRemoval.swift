/// What `hearth check --fix` took out of the repository (see ``Syncer/removeCommittedArtefacts()``).
public struct ArtefactRemoval: Sendable, Equatable {
    /// The editor artefacts no longer in the branch's tree, in tree order; each is still on disk.
    public var paths: [String]
    /// The commit that removed them (its full hexadecimal id).
    public var commit: String
}
