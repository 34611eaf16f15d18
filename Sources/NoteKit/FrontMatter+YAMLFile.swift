extension FrontMatter {
    /// Reads a whole flat YAML file (such as `hearth.yaml`) with the front-matter reader, so
    /// settings files get the same lossless lines, typed values and diagnostics as entries.
    public init(yamlFile text: String, path: String) throws(Diagnostic) {
        var lines: [String] = []
        var iterator = LineIterator(Substring(text))
        while let line = iterator.next() { lines.append(String(line.raw)) }
        try self.init(lines: lines, newline: text.contains("\r\n") ? "\r\n" : "\n", firstLine: 1, path: path)
    }
}
