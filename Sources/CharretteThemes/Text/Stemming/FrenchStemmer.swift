/// Snowball's French stemmer, step by step as the Snowball project describes it.
///
/// While the rules run, a u, i or y that acts as a consonant is written `U`, `I` or `Y`, and ë and
/// ï are written "He" and "Hi"; the end turns them back.
enum FrenchStemmer {
    static let vowels = LetterSet("aeiouyâàëéêèïîôûù")
    static let elisionLetters = LetterSet("cdjlmnst")
    /// The letters "oux" may follow to become "ou" ("bijoux" → "bijou").
    static let ouxEndings = LetterSet("bhjlnp")
    /// The letters a final s may follow and stay ("pas", "fils").
    static let keepWithS = LetterSet("aiosuè")

    /// The stem of `text`, one lowercase word.
    static func stem(_ text: String) -> String {
        var word = SnowballWord(text)
        removeElision(&word)
        markConsonants(&word)
        markRegions(&word)
        // Step 1, or else step 2a, or else step 2b; when one changed the word, step 3.
        if removeStandardSuffix(&word) || removeIVerbSuffix(&word) || removeVerbSuffix(&word) {
            if word.last == "Y" {
                word.replaceSuffix(from: word.count - 1, with: "i")
            } else if word.last == "ç" {
                word.replaceSuffix(from: word.count - 1, with: "c")
            }
        } else {
            removeResidualSuffix(&word)
        }
        undouble(&word)
        unaccent(&word)
        unmarkConsonants(&word)
        return word.text
    }

    /// Drops an elided article or pronoun: "l'avion" → "avion", "qu'il" → "il".
    static func removeElision(_ word: inout SnowballWord) {
        let apostrophe: Int
        if word.count > 0 && elisionLetters.contains(word[0]) {
            apostrophe = 1
        } else if word.hasPrefix("qu") {
            apostrophe = 2
        } else {
            return
        }
        guard apostrophe + 1 < word.count, word[apostrophe] == "'" else { return }
        word.letters.removeFirst(apostrophe + 1)
    }

    // MARK: Marking consonants and regions

    /// Marks u, i and y between vowels, y next to a vowel and the u of "qu" as consonants, and
    /// spells ë and ï as "He" and "Hi".
    static func markConsonants(_ word: inout SnowballWord) {
        var position = 0
        // After a change, the same position is tried again, as the change may enable another rule.
        while position < word.count {
            if markConsonant(&word, at: position) { continue }
            position += 1
        }
    }

    /// Applies the first marking rule that fits at `position`; whether one did.
    static func markConsonant(_ word: inout SnowballWord, at position: Int) -> Bool {
        let letter = word[position]
        let next = position + 1 < word.count ? word[position + 1] : nil
        let afterNext = position + 2 < word.count ? word[position + 2] : nil
        if vowels.contains(letter), let next {
            if (next == "u" || next == "i") && vowels.contains(afterNext) {
                word[position + 1] = next == "u" ? "U" : "I"
                return true
            }
            if next == "y" {
                word[position + 1] = "Y"
                return true
            }
        }
        switch letter {
        case "ë", "ï":
            word.letters.replaceSubrange(position...position, with: ["H", letter == "ë" ? "e" : "i"])
            return true
        case "y" where vowels.contains(next):
            word[position] = "Y"
            return true
        case "q" where next == "u":
            word[position + 1] = "U"
            return true
        default:
            return false
        }
    }

    /// Turns the markers back into letters: `I`, `U`, `Y` into i, u, y, "He" and "Hi" into ë and
    /// ï, and drops an `H` left alone.
    static func unmarkConsonants(_ word: inout SnowballWord) {
        guard word.letters.contains(where: { $0 == "I" || $0 == "U" || $0 == "Y" || $0 == "H" }) else { return }
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.count)
        var position = 0
        while position < word.count {
            let letter = word[position]
            position += 1
            switch letter {
            case "I": letters.append("i")
            case "U": letters.append("u")
            case "Y": letters.append("y")
            case "H":
                if position < word.count && (word[position] == "e" || word[position] == "i") {
                    letters.append(word[position] == "e" ? "ë" : "ï")
                    position += 1
                }
            default: letters.append(letter)
            }
        }
        word.letters = letters
    }

    /// Word beginnings after which RV starts.
    static let rvPrefixes = ["col", "par", "tap"]

    static func markRegions(_ word: inout SnowballWord) {
        let count = word.count
        if count >= 3 && vowels.contains(word[0]) && vowels.contains(word[1]) {
            word.rv = 3
        } else if rvPrefixes.contains(where: word.hasPrefix) || (word.hasPrefix("ni") && count >= 3 && vowels.contains(word[2])) {
            word.rv = 3
        } else {
            word.rv = word.next(from: 1, where: { vowels.contains($0) }).map { $0 + 1 } ?? count
        }
        word.r1 = word.region(after: 0, vowels: vowels)
        word.r2 = word.region(after: word.r1, vowels: vowels)
    }

    // MARK: Step 1: standard suffix removal

    enum StandardSuffix: Sendable {
        case deleteInR2, ation, logie, usion, ence, ement, ite, ive, eaux, aux, oux, euse, issement, amment, emment, ment
    }
    static let standardSuffixes: SuffixTable<StandardSuffix> = [
        "ance iqUe isme able iste eux ances iqUes ismes ables istes": .deleteInR2,
        "atrice ateur ation atrices ateurs ations": .ation,
        "logie logies": .logie,
        "usion ution usions utions": .usion,
        "ence ences": .ence,
        "ement ements": .ement,
        "ité ités": .ite,
        "if ive ifs ives": .ive,
        "eaux": .eaux,
        "aux": .aux,
        "oux": .oux,
        "euse euses": .euse,
        "issement issements": .issement,
        "amment": .amment,
        "emment": .emment,
        "ment ments": .ment,
    ]

    enum EmentPrefix: Sendable { case iv, eus, deleteInR2, ier }
    static let ementPrefixes: SuffixTable<EmentPrefix> = [
        "iv": .iv, "eus": .eus, "abl iqU": .deleteInR2, "ièr Ièr": .ier,
    ]

    enum ItePrefix: Sendable { case abil, ic, iv }
    static let itePrefixes: SuffixTable<ItePrefix> = ["abil": .abil, "ic": .ic, "iv": .iv]

    /// Whether step 1 removed a suffix. The "-ment" forms return false even when they change the
    /// word, so that step 2 runs after them.
    static func removeStandardSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: standardSuffixes) else { return false }
        let start = match.start
        switch match.action {
        case .deleteInR2:
            guard start >= word.r2 else { return false }
            word.deleteSuffix(from: start)
        case .ation:
            guard start >= word.r2 else { return false }
            word.deleteSuffix(from: start)
            deleteInR2OrReplace(&word, suffix: "ic", with: "iqU")
        case .logie:
            guard start >= word.r2 else { return false }
            word.replaceSuffix(from: start, with: "log")
        case .usion:
            guard start >= word.r2 else { return false }
            word.replaceSuffix(from: start, with: "u")
        case .ence:
            guard start >= word.r2 else { return false }
            word.replaceSuffix(from: start, with: "ent")
        case .ement:
            guard start >= word.rv else { return false }
            word.deleteSuffix(from: start)
            removeEmentPrefix(&word)
        case .ite:
            guard start >= word.r2 else { return false }
            word.deleteSuffix(from: start)
            if let prefix = word.longestSuffix(in: itePrefixes) {
                let inR2 = prefix.start >= word.r2
                switch prefix.action {
                case .abil: inR2 ? word.deleteSuffix(from: prefix.start) : word.replaceSuffix(from: prefix.start, with: "abl")
                case .ic: inR2 ? word.deleteSuffix(from: prefix.start) : word.replaceSuffix(from: prefix.start, with: "iqU")
                case .iv: if inR2 { word.deleteSuffix(from: prefix.start) }
                }
            }
        case .ive:
            guard start >= word.r2 else { return false }
            word.deleteSuffix(from: start)
            if let at = word.start(ofSuffix: "at"), at >= word.r2 {
                word.deleteSuffix(from: at)
                deleteInR2OrReplace(&word, suffix: "ic", with: "iqU")
            }
        case .eaux:
            word.replaceSuffix(from: start, with: "eau")
        case .aux:
            guard start >= word.r1 else { return false }
            word.replaceSuffix(from: start, with: "al")
        case .oux:
            guard ouxEndings.contains(word.letter(before: start)) else { return false }
            word.replaceSuffix(from: start, with: "ou")
        case .euse:
            if start >= word.r2 {
                word.deleteSuffix(from: start)
            } else if start >= word.r1 {
                word.replaceSuffix(from: start, with: "eux")
            } else {
                return false
            }
        case .issement:
            guard start >= word.r1, let before = word.letter(before: start), !vowels.contains(before) else { return false }
            word.deleteSuffix(from: start)
        case .amment:
            if start >= word.rv { word.replaceSuffix(from: start, with: "ant") }
            return false
        case .emment:
            if start >= word.rv { word.replaceSuffix(from: start, with: "ent") }
            return false
        case .ment:
            // After a vowel in RV: "vraiment" → "vrai".
            if vowels.contains(word.letter(before: start)) && start - 1 >= word.rv { word.deleteSuffix(from: start) }
            return false
        }
        return true
    }

    /// After "-ement": "iv" (then "at") in R2 is deleted, "eus" deleted in R2 or made "eux" in R1,
    /// "abl" and "iqU" deleted in R2, "ièr" made "i" in RV.
    static func removeEmentPrefix(_ word: inout SnowballWord) {
        guard let prefix = word.longestSuffix(in: ementPrefixes) else { return }
        let start = prefix.start
        switch prefix.action {
        case .iv:
            guard start >= word.r2 else { return }
            word.deleteSuffix(from: start)
            if let at = word.start(ofSuffix: "at"), at >= word.r2 { word.deleteSuffix(from: at) }
        case .eus:
            if start >= word.r2 {
                word.deleteSuffix(from: start)
            } else if start >= word.r1 {
                word.replaceSuffix(from: start, with: "eux")
            }
        case .deleteInR2:
            if start >= word.r2 { word.deleteSuffix(from: start) }
        case .ier:
            if start >= word.rv { word.replaceSuffix(from: start, with: "i") }
        }
    }

    /// When the word ends in `suffix`: deletes it in R2, or else replaces it with `replacement`.
    static func deleteInR2OrReplace(_ word: inout SnowballWord, suffix: String, with replacement: String) {
        guard let start = word.start(ofSuffix: suffix) else { return }
        if start >= word.r2 {
            word.deleteSuffix(from: start)
        } else {
            word.replaceSuffix(from: start, with: replacement)
        }
    }

    // MARK: Step 2: verb suffixes

    static let iVerbSuffixes: SuffixTable<Void> = [
        """
        îmes ît îtes i ie ies ir ira irai iraIent irais irait iras irent irez iriez irions irons iront \
        is issaIent issais issait issant issante issantes issants isse issent isses issez issiez \
        issions issons it
        """: ()
    ]

    /// Step 2a: an i-verb suffix in RV after a non-vowel (also in RV, and not the marker `H`) is deleted.
    static func removeIVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: iVerbSuffixes, notBefore: word.rv),
            match.start > word.rv,
            let before = word.letter(before: match.start), before != "H", !vowels.contains(before)
        else { return false }
        word.deleteSuffix(from: match.start)
        return true
    }

    enum VerbSuffix: Sendable { case ions, delete, deleteWithE, ais }
    static let verbSuffixes: SuffixTable<VerbSuffix> = [
        "ions": .ions,
        """
        é ée ées és èrent er era erai eraIent erais erait eras erez eriez erions erons eront ez iez \
        eais
        """: .delete,
        "a ai as ait ant ante antes ants asse assent asses assiez assions âmes ât âtes aIent": .deleteWithE,
        "ais aise aises": .ais,
    ]

    enum AisException: Sendable { case al, always }
    /// What before "-ais" keeps it: "al" after a single letter ("palais"), "épl" and "auv".
    static let aisExceptions: SuffixTable<AisException> = ["al": .al, "épl auv": .always]

    /// Step 2b: other verb suffixes in RV.
    static func removeVerbSuffix(_ word: inout SnowballWord) -> Bool {
        guard let match = word.longestSuffix(in: verbSuffixes, notBefore: word.rv) else { return false }
        let start = match.start
        switch match.action {
        case .ions:
            guard start >= word.r2 else { return false }
            word.deleteSuffix(from: start)
        case .delete:
            word.deleteSuffix(from: start)
        case .deleteWithE:
            // A preceding e in RV goes too: "mangeait" → "mang".
            if word.letter(before: start) == "e" && start - 1 >= word.rv {
                word.deleteSuffix(from: start - 1)
            } else {
                word.deleteSuffix(from: start)
            }
        case .ais:
            if let exception = word.longestSuffix(in: aisExceptions, endingAt: start) {
                if exception.action == .always || exception.start == 1 { return false }
            }
            word.deleteSuffix(from: start)
        }
        return true
    }

    // MARK: Step 4: residual suffix

    enum ResidualSuffix: Sendable { case ion, ier, e }
    static let residualSuffixes: SuffixTable<ResidualSuffix> = ["ion": .ion, "ier ière Ier Ière": .ier, "e": .e]

    static func removeResidualSuffix(_ word: inout SnowballWord) {
        if word.last == "s" {
            let s = word.count - 1
            if word.hasSuffix("Hi", endingAt: s) || (s > 0 && !keepWithS.contains(word[s - 1])) { word.deleteLast() }
        }
        guard let match = word.longestSuffix(in: residualSuffixes, notBefore: word.rv) else { return }
        switch match.action {
        case .ion:
            let before = word.letter(before: match.start)
            if match.start >= word.r2 && match.start > word.rv && (before == "s" || before == "t") {
                word.deleteSuffix(from: match.start)
            }
        case .ier: word.replaceSuffix(from: match.start, with: "i")
        case .e: word.deleteSuffix(from: match.start)
        }
    }

    // MARK: Steps 5 and 6

    static let doubledEndings: SuffixTable<Void> = ["enn onn ett ell eill": ()]

    /// Step 5: "-enn", "-onn", "-ett", "-ell" and "-eill" lose their last letter.
    static func undouble(_ word: inout SnowballWord) {
        if word.longestSuffix(in: doubledEndings) != nil { word.deleteLast() }
    }

    /// Step 6: é or è before the final non-vowels becomes e: "fidèl" → "fidel".
    static func unaccent(_ word: inout SnowballWord) {
        var position = word.count
        while position > 0 && !vowels.contains(word[position - 1]) { position -= 1 }
        guard position < word.count, position > 0, word[position - 1] == "é" || word[position - 1] == "è" else { return }
        word[position - 1] = "e"
    }
}
