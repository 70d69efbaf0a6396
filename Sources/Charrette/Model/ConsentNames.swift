/// Consent flags by name, as files and commands write them.
public enum ConsentNames {
    public static let all: [(String, Consent)] = [
        ("participation", .participation), ("named-in-reports", .namedInReports), ("analytics", .analytics), ("follow-up", .followUp),
    ]

    public static func names(_ consent: Consent) -> [String] { all.filter { consent.contains($0.1) }.map(\.0) }

    /// The consent the names give, or `nil` naming the first unknown one.
    public static func consent(_ names: [String]) -> Result<Consent, UnknownName> {
        var consent: Consent = []
        for name in names {
            guard let flag = all.first(where: { $0.0 == name })?.1 else { return .failure(UnknownName(name: name)) }
            consent.insert(flag)
        }
        return .success(consent)
    }

    public struct UnknownName: Error { public let name: String }
}
