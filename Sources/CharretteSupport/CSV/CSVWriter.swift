extension CSV {
    /// A cell as written: neutralised first when `neutralisingFormulas` and it starts like a
    /// spreadsheet formula (``SpreadsheetFormula``), then quoted when it holds a comma, a quote or
    /// a line break.
    public static func field(_ text: String, neutralisingFormulas: Bool) -> String {
        let text = neutralisingFormulas ? SpreadsheetFormula.neutralised(text) : text
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A row of cells already written with ``field(_:neutralisingFormulas:)``, separated by commas.
    public static func row(_ fields: [String]) -> String { fields.joined(separator: ",") }
}
