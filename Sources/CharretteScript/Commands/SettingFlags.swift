import Charrette
import CharretteVoting

/// The settings flags of `vote open` and `tally`, read against what the method declares it takes
/// (``TallyMethod/settings``).
enum SettingFlags {
    /// Refuses, at the flag, a setting `method` does not read: a `--budget` on a Schulze vote would
    /// otherwise be accepted and never used.
    static func refuseUntaken(_ call: Invocation, by method: any TallyMethod) throws {
        let declared = method.settings
        for setting in TallySetting.allCases where !declared.taken.contains(setting) {
            // (`tally` has no flag for what only a file gives, such as costs.)
            let offered = setting.flags.filter { call.signature?.flag(named: $0) != nil }
            guard let flag = offered.first(where: call.has) else { continue }
            let refusal = CharretteError.settingNotTaken(setting: setting, method: method.name, takes: declared.sorted)
            throw call.flagError(flag, refusal.description, underlying: refusal)
        }
    }
}
