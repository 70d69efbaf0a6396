/// Snowball's Portuguese stemmer, step by step as the Snowball project describes it.
///
/// The nasal vowels ã and õ are written "a~" and "o~" while the rules run, so that they count as
/// a vowel followed by a consonant.
enum PortugueseStemmer {
    static let vowels = LetterSet("aeiouáéíóúâêô")

    /// The stem of `text`, one lowercase word.
    static func stem(_ text: String) -> String {
        var word = SnowballWord(text)
        splitNasalVowels(&word)
        word.rv = word.romanceRV(vowels: vowels)
        word.r1 = word.region(after: 0, vowels: vowels)
        word.r2 = word.region(after: word.r1, vowels: vowels)
        // Step 1, or else step 2; when either changed the word, step 3; otherwise step 4.
        if removeStandardSuffix(&word) || removeVerbSuffix(&word) {
            if word.last == "i" && word.letter(before: word.count - 1) == "c" && word.count - 1 >= word.rv {
                word.deleteLast()
            }
        } else {
            removeResidualSuffix(&word)
        }
        removeResidualForm(&word)
        joinNasalVowels(&word)
        return word.text
    }

    static func splitNasalVowels(_ word: inout SnowballWord) {
        guard word.letters.contains(where: { $0 == "ã" || $0 == "õ" }) else { return }
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.count * 2)
        for letter in word.letters {
            switch letter {
            case "ã": letters += ["a", "~"]
            case "õ": letters += ["o", "~"]
            default: letters.append(letter)
            }
        }
        word.letters = letters
    }

    static func joinNasalVowels(_ word: inout SnowballWord) {
        guard word.letters.contains("~") else { return }
        var letters: [Unicode.Scalar] = []
        for letter in word.letters {
            if letter == "~", let vowel = letters.last, vowel == "a" || vowel == "o" {
                letters[letters.count - 1] = vowel == "a" ? "ã" : "õ"
            } else {
                letters.append(letter)
            }
        }
        word.letters = letters
    }

    // MARK: Step 1: standard suffix removal

    enum StandardSuffix: Sendable { case deleteInR2, log, u, ente, amente, mente, idade, iva, ira }
    static let standardSuffixes: SuffixTable<StandardSuffix> = [
        """
        eza ezas ico ica icos icas ismo ismos ável ível ista istas oso osa osos osas amento amentos \
        imento imentos adora ador aça~o adoras adores aço~es ante antes ância
        """: .deleteInR2,
        "logia logias": .log,
        "uça~o uço~es": .u,
        "ência ências": .ente,
        "amente": .amente,
        "mente": .mente,
        "idade idades": .idade,
        "iva ivo ivas ivos": .iva,
        "ira iras": .ira,
    ]

    enum AmentePrefix: Sendable { case ivThenAt, other }
    static let amentePrefixes: SuffixTable<AmentePrefix> = ["iv": .ivThenAt, "os ic ad": .other]
    static let mentePrefixes: SuffixTable<Void> = ["ante avel ível": ()]
    static let idadePrefixes: SuffixTable<Void> = ["abil ic iv": ()]

    /// Whether a suffix was found where the rules allow removing it.
    static func removeStandardSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: standardSuffixes) else { return false }
        let start = match.start
        switch match.action {
        case .amente: guard start >= word.r1 else { return false }
        // "-eira" becomes "-eir" when in RV.
        case .ira: guard start >= word.rv, word.letter(before: start) == "e" else { return false }
        default: guard start >= word.r2 else { return false }
        }
        switch match.action {
        case .deleteInR2: word.deleteSuffix(from: start)
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
        case .idade:
            word.deleteSuffix(from: start)
            deleteInR2(&word, suffixStart: word.longestSuffix(in: idadePrefixes)?.start)
        case .iva:
            word.deleteSuffix(from: start)
            deleteInR2(&word, suffixStart: word.start(ofSuffix: "at"))
        case .ira: word.replaceSuffix(from: start, with: "ir")
        }
        return true
    }

    /// Deletes the suffix starting at `suffixStart`, if there is one and it is in R2.
    static func deleteInR2(_ word: inout SnowballWord, suffixStart: Int?) {
        if let suffixStart, suffixStart >= word.r2 { word.deleteSuffix(from: suffixStart) }
    }

    // MARK: Step 2: verb suffixes

    static let verbSuffixes: SuffixTable<Void> = [
        """
        ada ida ia aria eria iria ará ara erá era irá ira ava asse esse isse aste este iste ei arei \
        erei irei am iam ariam eriam iriam aram eram iram avam em arem erem irem assem essem issem \
        ado ido ando endo indo ara~o era~o ira~o ar er ir as adas idas ias arias erias irias arás \
        aras erás eras irás iras avas es ardes erdes irdes ares eres ires asses esses isses astes \
        estes istes is ais eis íeis aríeis eríeis iríeis áreis areis éreis ereis íreis ireis ásseis \
        ésseis ísseis áveis ados idos ámos amos íamos aríamos eríamos iríamos áramos éramos íramos \
        ávamos emos aremos eremos iremos ássemos êssemos íssemos imos armos ermos irmos eu iu ou
        """: ()
    ]

    /// Step 2: a verb suffix in RV is deleted.
    static func removeVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: verbSuffixes, notBefore: word.rv) else { return false }
        word.deleteSuffix(from: match.start)
        return true
    }

    // MARK: Steps 4 and 5: residual suffix and form

    static let residualSuffixes: SuffixTable<Void> = ["os a i o á í ó": ()]

    /// Step 4: a residual vowel in RV is deleted.
    static func removeResidualSuffix(_ word: inout SnowballWord) {
        if let match = word.longestSuffix(in: residualSuffixes), match.start >= word.rv {
            word.deleteSuffix(from: match.start)
        }
    }

    enum ResidualForm: Sendable { case e, cedilla }
    static let residualForms: SuffixTable<ResidualForm> = ["e é ê": .e, "ç": .cedilla]

    /// Step 5: a final e in RV is deleted, and then the u of "gu" or the i of "ci" when in RV;
    /// a final ç becomes c.
    static func removeResidualForm(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: residualForms) else { return }
        switch match.action {
        case .cedilla:
            word.replaceSuffix(from: match.start, with: "c")
        case .e:
            guard match.start >= word.rv else { return }
            word.deleteSuffix(from: match.start)
            let last = word.count - 1
            let before = word.letter(before: last)
            if (word.last == "u" && before == "g") || (word.last == "i" && before == "c"), last >= word.rv {
                word.deleteLast()
            }
        }
    }
}
