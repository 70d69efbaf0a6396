/// Cells a spreadsheet would run as a formula ("CSV injection"), and the leading `'` that makes
/// them text: every CSV Charrette writes neutralises them, and every CSV it reads takes the `'`
/// off again, so a text goes out and comes back whole.
public enum SpreadsheetFormula {
    /// What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
    public static let starts = Set("=+-@\t\r".unicodeScalars)

    /// Whether `text` needs a leading `'`: it starts like a formula, or it already starts with `'`
    /// before a formula start (so the reader, which takes one `'` off, gives it back whole).
    public static func needsNeutralising(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard var first = scalars.next() else { return false }
        if first == "'" {
            guard let second = scalars.next() else { return false }
            first = second
        }
        return starts.contains(first)
    }

    /// `text` as a cell a spreadsheet shows as text.
    public static func neutralised(_ text: String) -> String {
        needsNeutralising(text) ? "'" + text : text
    }

    /// A cell as it was before ``neutralised(_:)``: one leading `'` taken off where it was put.
    public static func restored(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let rest = String(cell.unicodeScalars.dropFirst())
        return needsNeutralising(rest) ? rest : cell
    }
}
