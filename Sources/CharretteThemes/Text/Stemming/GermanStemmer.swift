/// Snowball's German stemmer, step by step as the Snowball project describes it.
///
/// ß is read as "ss" and "ae", "oe", "ue" as ä, ö, ü (not in "qu"); umlauts are dropped at the end.
/// A u or y between vowels is written `U` or `Y` while the rules run, so that it counts as a
/// consonant.
enum GermanStemmer {
    static let vowels = LetterSet("aeiouyäöü")
    /// The letters a final s may follow to be removed.
    static let sEndings = LetterSet("bdfghklmnrt")
    /// The letters a final "st" may follow to be removed.
    static let stEndings = LetterSet("bdfghklmnt")
    /// The letters a final "et" may follow to be removed.
    static let etEndings = LetterSet("Udfgklmnrstzä")

    /// The stem of `text`, one lowercase word.
    static func stem(_ text: String) -> String {
        var word = SnowballWord(text)
        markConsonants(&word)
        normalizeSpellings(&word)
        markRegions(&word)
        step1(&word)
        step2(&word)
        step3(&word)
        removeApostropheEnding(&word)
        for position in 0..<word.count {
            switch word[position] {
            case "Y": word[position] = "y"
            case "U", "ü": word[position] = "u"
            case "ä": word[position] = "a"
            case "ö": word[position] = "o"
            default: break
            }
        }
        return word.text
    }

    /// Marks a u or y between vowels as `U` or `Y`.
    static func markConsonants(_ word: inout SnowballWord) {
        guard word.count >= 3 else { return }
        for position in 1..<(word.count - 1) where vowels.contains(word[position - 1]) && vowels.contains(word[position + 1]) {
            if word[position] == "u" {
                word[position] = "U"
            } else if word[position] == "y" {
                word[position] = "Y"
            }
        }
    }

    /// Reads ß as "ss", and "ae", "oe", "ue" as ä, ö, ü, leaving "qu" alone.
    static func normalizeSpellings(_ word: inout SnowballWord) {
        guard word.letters.contains(where: { $0 == "ß" || $0 == "e" }) else { return }
        var letters: [Unicode.Scalar] = []
        letters.reserveCapacity(word.count + 1)
        var position = 0
        while position < word.count {
            let letter = word[position]
            let next = position + 1 < word.count ? word[position + 1] : nil
            position += 1
            switch letter {
            case "q" where next == "u":
                letters += ["q", "u"]
                position += 1
            case "ß":
                letters += ["s", "s"]
            case "a" where next == "e", "o" where next == "e", "u" where next == "e":
                letters.append(letter == "a" ? "ä" : letter == "o" ? "ö" : "ü")
                position += 1
            default:
                letters.append(letter)
            }
        }
        word.letters = letters
    }

    /// R1 as usual but starting after the third letter at the earliest; R2 from where R1 would
    /// have started.
    static func markRegions(_ word: inout SnowballWord) {
        guard word.count >= 3 else { return }
        let r1 = word.region(after: 0, vowels: vowels)
        word.r1 = max(r1, 3)
        word.r2 = word.region(after: r1, vowels: vowels)
    }

    // MARK: Step 1

    enum Step1: Sendable { case em, delete, eEnEs, s, ln }
    static let step1Suffixes: SuffixTable<Step1> = [
        "em": .em, "erinnen erin ern er": .delete, "e en es": .eEnEs, "s": .s, "ln lns": .ln,
    ]

    static func step1(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step1Suffixes), match.start >= word.r1 else { return }
        switch match.action {
        case .em:
            if !word.hasSuffix("syst", endingAt: match.start) { word.deleteSuffix(from: match.start) }
        case .delete:
            word.deleteSuffix(from: match.start)
        case .eEnEs:
            word.deleteSuffix(from: match.start)
            // "Ergebnisse" → "Ergebnis".
            if word.hasSuffix("niss") { word.deleteLast() }
        case .s:
            if sEndings.contains(word.letter(before: match.start)) { word.deleteSuffix(from: match.start) }
        case .ln:
            word.replaceSuffix(from: match.start, with: "l")
        }
    }

    // MARK: Step 2

    enum Step2: Sendable { case delete, st, et }
    static let step2Suffixes: SuffixTable<Step2> = ["en er est": .delete, "st": .st, "et": .et]
    /// Word endings before which "et" stays ("Planet", "geordnet", "Internet").
    static let etExceptions: SuffixTable<Void> = ["tick plan geordn intern tr": ()]

    static func step2(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step2Suffixes), match.start >= word.r1 else { return }
        switch match.action {
        case .delete:
            word.deleteSuffix(from: match.start)
        case .st:
            // After a valid st-ending that itself follows at least three letters.
            if stEndings.contains(word.letter(before: match.start)) && match.start - 1 >= 3 {
                word.deleteSuffix(from: match.start)
            }
        case .et:
            if etEndings.contains(word.letter(before: match.start))
                && word.longestSuffix(in: etExceptions, endingAt: match.start) == nil
            {
                word.deleteSuffix(from: match.start)
            }
        }
    }

    // MARK: Step 3: derivational suffixes

    enum Step3: Sendable { case endUng, igIkIsch, lichHeit, keit }
    static let step3Suffixes: SuffixTable<Step3> = [
        "end ung": .endUng, "ig ik isch": .igIkIsch, "lich heit": .lichHeit, "keit": .keit,
    ]
    static let keitPrefixes: SuffixTable<Void> = ["ig lich": ()]

    static func step3(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step3Suffixes), match.start >= word.r2 else { return }
        switch match.action {
        case .endUng:
            word.deleteSuffix(from: match.start)
            if let ig = word.start(ofSuffix: "ig"), word.letter(before: ig) != "e", ig >= word.r2 {
                word.deleteSuffix(from: ig)
            }
        case .igIkIsch:
            if word.letter(before: match.start) != "e" { word.deleteSuffix(from: match.start) }
        case .lichHeit:
            word.deleteSuffix(from: match.start)
            if let start = word.start(ofSuffix: "er") ?? word.start(ofSuffix: "en"), start >= word.r1 {
                word.deleteSuffix(from: start)
            }
        case .keit:
            word.deleteSuffix(from: match.start)
            if let prefix = word.longestSuffix(in: keitPrefixes), prefix.start >= word.r2 {
                word.deleteSuffix(from: prefix.start)
            }
        }
    }

    static let apostropheEndings: SuffixTable<Void> = ["' 's 'sch": ()]

    /// Removes a final apostrophe, "'s" or "'sch" after at least two letters.
    static func removeApostropheEnding(_ word: inout SnowballWord) {
        if let match = word.longestSuffix(in: apostropheEndings), match.start >= 2 {
            word.deleteSuffix(from: match.start)
        }
    }
}
