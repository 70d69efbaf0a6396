import Foundation

/// A form as browsers post it (`application/x-www-form-urlencoded`): names may repeat (checkboxes).
struct FormBody: Sendable {
    let fields: [(name: String, value: String)]

    init(_ text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// The first value named `name`.
    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// Every value named `name`, in order.
    func all(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
}
