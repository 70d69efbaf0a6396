/// Snowball's Spanish stemmer, step by step as the Snowball project describes it.
enum SpanishStemmer {
    static let vowels = LetterSet("aeiouáéíóúü")

    /// The stem of `text`, one lowercase word.
    static func stem(_ text: String) -> String {
        var word = SnowballWord(text)
        word.rv = word.romanceRV(vowels: vowels)
        word.r1 = word.region(after: 0, vowels: vowels)
        word.r2 = word.region(after: word.r1, vowels: vowels)
        removeAttachedPronoun(&word)
        // Step 1, or else step 2a, or else step 2b.
        if !removeStandardSuffix(&word) && !removeYVerbSuffix(&word) { removeVerbSuffix(&word) }
        removeResidualSuffix(&word)
        // The acute accents go.
        for position in 0..<word.count {
            switch word[position] {
            case "á": word[position] = "a"
            case "é": word[position] = "e"
            case "í": word[position] = "i"
            case "ó": word[position] = "o"
            case "ú": word[position] = "u"
            default: break
            }
        }
        return word.text
    }

    // MARK: Step 0: attached pronoun

    static let pronouns: SuffixTable<Void> = ["me se sela selo selas selos la le lo las les los nos": ()]

    enum PronounHost: Sendable { case replace(String), deletePronoun, deletePronounAfterU }
    /// The verb endings a pronoun may follow; an accented ending loses its accent with the pronoun.
    static let pronounHosts: SuffixTable<PronounHost> = [
        "iéndo": .replace("iendo"), "ándo": .replace("ando"), "ár": .replace("ar"), "ér": .replace("er"),
        "ír": .replace("ir"), "ando iendo ar er ir": .deletePronoun, "yendo": .deletePronounAfterU,
    ]

    static func removeAttachedPronoun(_ word: inout SnowballWord) {
        guard let pronoun = word.longestSuffix(in: pronouns),
            let host = word.longestSuffix(in: pronounHosts, endingAt: pronoun.start),
            host.start >= word.rv
        else { return }
        switch host.action {
        case .replace(let ending): word.replaceSuffix(from: host.start, with: ending)
        case .deletePronoun: word.deleteSuffix(from: pronoun.start)
        case .deletePronounAfterU:
            if word.letter(before: host.start) == "u" { word.deleteSuffix(from: pronoun.start) }
        }
    }

    // MARK: Step 1: standard suffix removal

    enum StandardSuffix: Sendable { case deleteInR2, deleteInR2ThenIC, log, u, ente, amente, mente, idad, iva }
    static let standardSuffixes: SuffixTable<StandardSuffix> = [
        """
        anza anzas ico ica icos icas ismo ismos able ables ible ibles ista istas oso osa osos osas \
        amiento amientos imiento imientos
        """: .deleteInR2,
        "adora ador acion ación adoras adores aciones ante antes ancia ancias": .deleteInR2ThenIC,
        "logía logías": .log,
        "ucion ución uciones": .u,
        "encia encias": .ente,
        "amente": .amente,
        "mente": .mente,
        "idad idades": .idad,
        "iva ivo ivas ivos": .iva,
    ]

    enum AmentePrefix: Sendable { case ivThenAt, other }
    static let amentePrefixes: SuffixTable<AmentePrefix> = ["iv": .ivThenAt, "os ic ad": .other]
    static let mentePrefixes: SuffixTable<Void> = ["ante able ible": ()]
    static let idadPrefixes: SuffixTable<Void> = ["abil ic iv": ()]

    /// Whether a suffix was found where the rules allow removing it.
    static func removeStandardSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: standardSuffixes) else { return false }
        let start = match.start
        if match.action == .amente {
            guard start >= word.r1 else { return false }
        } else {
            guard start >= word.r2 else { return false }
        }
        switch match.action {
        case .deleteInR2:
            word.deleteSuffix(from: start)
        case .deleteInR2ThenIC:
            word.deleteSuffix(from: start)
            deleteInR2(&word, suffixStart: word.start(ofSuffix: "ic"))
        case .log: word.replaceSuffix(from: start, with: "log")
        case .u: word.replaceSuffix(from: start, with: "u")
        case .ente: word.replaceSuffix(from: start, with: "ente")
        case .amente:
            word.deleteSuffix(from: start)
            if let prefix = word.longestSuffix(in: amentePrefixes), prefix.start >= word.r2 {
                word.deleteSuffix(from: prefix.start)
                if prefix.action == .ivThenAt { deleteInR2(&word, suffixStart: word.start(ofSuffix: "at")) }
            }
        case .mente:
            word.deleteSuffix(from: start)
            deleteInR2(&word, suffixStart: word.longestSuffix(in: mentePrefixes)?.start)
        case .idad:
            word.deleteSuffix(from: start)
            deleteInR2(&word, suffixStart: word.longestSuffix(in: idadPrefixes)?.start)
        case .iva:
            word.deleteSuffix(from: start)
            deleteInR2(&word, suffixStart: word.start(ofSuffix: "at"))
        }
        return true
    }

    /// Deletes the suffix starting at `suffixStart`, if there is one and it is in R2.
    static func deleteInR2(_ word: inout SnowballWord, suffixStart: Int?) {
        if let suffixStart, suffixStart >= word.r2 { word.deleteSuffix(from: suffixStart) }
    }

    // MARK: Step 2: verb suffixes

    static let yVerbSuffixes: SuffixTable<Void> = ["ya ye yan yen yeron yendo yo yó yas yes yais yamos": ()]

    /// Step 2a: a verb suffix beginning with y, in RV and after a u, is deleted.
    static func removeYVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: yVerbSuffixes, notBefore: word.rv),
            word.letter(before: match.start) == "u"
        else { return false }
        word.deleteSuffix(from: match.start)
        return true
    }

    enum VerbSuffix: Sendable { case deleteWithGU, delete }
    static let verbSuffixes: SuffixTable<VerbSuffix> = [
        "en es éis emos": .deleteWithGU,
        """
        arían arías arán arás aríais aría aréis aríamos aremos ará aré erían erías erán erás eríais \
        ería eréis eríamos eremos erá eré irían irías irán irás iríais iría iréis iríamos iremos irá \
        iré aba ada ida ía ara iera ad ed id ase iese aste iste an aban ían aran ieran asen iesen aron \
        ieron ado ido ando iendo ió ar er ir as abas adas idas ías aras ieras ases ieses ís áis abais \
        íais arais ierais aseis ieseis asteis isteis ados idos amos ábamos íamos imos áramos iéramos \
        iésemos ásemos
        """: .delete,
    ]

    /// Step 2b: other verb suffixes in RV are deleted; after "gu", "en", "es", "éis" and "emos"
    /// take the u with them.
    @discardableResult
    static func removeVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: verbSuffixes, notBefore: word.rv) else { return false }
        if match.action == .deleteWithGU && word.letter(before: match.start) == "u"
            && word.letter(before: match.start - 1) == "g"
        {
            word.deleteSuffix(from: match.start - 1)
        } else {
            word.deleteSuffix(from: match.start)
        }
        return true
    }

    // MARK: Step 3: residual suffix

    enum ResidualSuffix: Sendable { case delete, deleteThenGU }
    static let residualSuffixes: SuffixTable<ResidualSuffix> = ["os a o á í ó": .delete, "e é": .deleteThenGU]

    /// Deletes a residual vowel in RV; after e or é, also the u of a preceding "gu" when in RV.
    static func removeResidualSuffix(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: residualSuffixes), match.start >= word.rv else { return }
        word.deleteSuffix(from: match.start)
        let u = word.count - 1
        if match.action == .deleteThenGU && word.last == "u" && word.letter(before: u) == "g" && u >= word.rv {
            word.deleteLast()
        }
    }
}
