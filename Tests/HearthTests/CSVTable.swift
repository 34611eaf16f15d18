/// A minimal RFC 4180 reader (quoted fields, doubled quotes, commas and newlines inside quotes),
/// written here so `hearth list --csv` is checked by an independent parser.
struct CSVTable {
    /// Every record, the header first.
    var records: [[String]]

    /// Parses CSV text; records end at `\n` or `\r\n`.
    init(parsing text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { inQuotes = false }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\n" || character == "\r\n" {
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        self.records = records
    }

    /// The header row.
    var header: [String] { records.first ?? [] }

    /// The data rows as dictionaries keyed by the header.
    var rows: [[String: String]] {
        records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record).map { ($0, $1) })
        }
    }
}
