extension YAMLValue {
    /// Reads a value as YAML would read it after `key: ` on one front-matter line: `3` is a number,
    /// `[a, "b, c"]` a two-element list, `"23:30"` quoted text. Text that is not valid YAML on its
    /// own (`Fix: tokenizer`) is taken as the text it is.
    public init(inlineYAML text: String) {
        let trimmed = FrontMatterScanner.trimmed(Substring(text))
        if let value = FrontMatterScanner.inlineValue(trimmed) {
            self = value
        } else if let value = try? YamsReader.value(ofEntry: "value: " + trimmed + "\n", key: "value", path: "", firstLine: 1) {
            self = value
        } else {
            self = .string(String(trimmed))
        }
    }
}
