extension Note {
    /// The front-matter's fields as the members of a JSON object, in file order: `"key":value`
    /// joined by commas (empty without front-matter), leaving out `path`, and `body_tags` when
    /// `bodyTags` (a listing row writes those itself). `list --json` prints a row as `{"path":`
    /// the path, these fields, then its own members.
    ///
    /// A note the query cache listed carries the text it recorded, written by this same
    /// function when the entry was parsed, so a warm listing copies each row instead of
    /// rendering it.
    package func jsonFields(bodyTags: Bool) -> String {
        if let listedJSONFields { return listedJSONFields }
        return Self.jsonFields(of: frontMatter, bodyTags: bodyTags)
    }

    /// What the query cache records for ``jsonFields(bodyTags:)``: nil when the fields depend on
    /// `bodyTags` or leave a key out (the front-matter has a `path` or `body_tags` key), which
    /// are then rendered each time.
    var cacheableJSONFields: String? {
        guard let frontMatter else { return "" }
        guard !frontMatter.entries.contains(where: { $0.key == "path" || $0.key == "body_tags" }) else { return nil }
        return Self.jsonFields(of: frontMatter, bodyTags: false)
    }

    private static func jsonFields(of frontMatter: FrontMatter?, bodyTags: Bool) -> String {
        var out = ""
        for entry in frontMatter?.entries ?? [] where entry.key != "path" && !(bodyTags && entry.key == "body_tags") {
            if !out.isEmpty { out += "," }
            JSONValue.writeString(entry.key, to: &out)
            out += ":"
            entry.value.jsonObject.write(to: &out)
        }
        return out
    }
}
