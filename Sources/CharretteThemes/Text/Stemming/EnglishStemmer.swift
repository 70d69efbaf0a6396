/// Snowball's English stemmer ("Porter2"), step by step as the Snowball project describes it.
enum EnglishStemmer {
    static let vowels = LetterSet("aeiouy")
    /// Vowels plus `w`, `x` and the consonant `Y`: letters that cannot end a short syllable.
    static let vowelsWXY = LetterSet("aeiouywxY")
    /// The letters `li` may follow when step 2 removes it.
    static let validLiEndings = LetterSet("cdeghkmnrt")
    static let aeo = LetterSet("aeo")

    /// The stem of `text`, one lowercase word.
    static func stem(_ text: String) -> String {
        if let form = exceptionalForms[text] { return form }
        var word = SnowballWord(text)
        // Words of one or two letters are left as they are.
        guard word.count >= 3 else { return text }
        let markedY = markConsonantY(&word)
        markRegions(&word)
        step1a(&word)
        step1b(&word)
        step1c(&word)
        step2(&word)
        step3(&word)
        step4(&word)
        step5(&word)
        if markedY {
            for position in 0..<word.count where word[position] == "Y" { word[position] = "y" }
        }
        return word.text
    }

    /// Words stemmed by a list rather than by the rules.
    static let exceptionalForms: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli",
        "only": "onli", "singly": "singl",
        // Left as they are.
        "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias",
        "andes": "andes",
    ]

    /// Drops a leading apostrophe, and marks as `Y` a `y` that starts the word or follows a vowel,
    /// so that it counts as a consonant. Returns whether any `Y` was marked.
    static func markConsonantY(_ word: inout SnowballWord) -> Bool {
        if word[0] == "'" { word.letters.removeFirst() }
        var marked = false
        if word.count > 0 && word[0] == "y" {
            word[0] = "Y"
            marked = true
        }
        var position = 1
        while position < word.count {
            if word[position] == "y" && vowels.contains(word[position - 1]) {
                word[position] = "Y"
                marked = true
            }
            position += 1
        }
        return marked
    }

    /// Prefixes after which R1 starts, whatever the vowels.
    static let r1Prefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]

    static func markRegions(_ word: inout SnowballWord) {
        if let prefix = r1Prefixes.first(where: word.hasPrefix) {
            word.r1 = prefix.unicodeScalars.count
        } else {
            word.r1 = word.region(after: 0, vowels: vowels)
        }
        word.r2 = word.region(after: word.r1, vowels: vowels)
    }

    /// Whether the letters before `end` end in a short syllable: a vowel between non-vowels, the
    /// last of which is not `w`, `x` or `Y`; or a vowel and a non-vowel that start the word; or "past".
    static func endsWithShortSyllable(_ word: SnowballWord, at end: Int) -> Bool {
        if end >= 3 && !vowelsWXY.contains(word[end - 1]) && vowels.contains(word[end - 2])
            && !vowels.contains(word[end - 3])
        {
            return true
        }
        if end == 2 && !vowels.contains(word[1]) && vowels.contains(word[0]) { return true }
        return word.hasSuffix("past", endingAt: end)
    }

    // MARK: Step 1a: plurals and possessives

    static let apostropheSuffixes: SuffixTable<Void> = ["' 's 's'": ()]

    enum Step1a: Sendable { case replaceBySS, replaceByIOrIE, deleteSAfterVowel, keep }
    static let step1aSuffixes: SuffixTable<Step1a> = [
        "sses": .replaceBySS, "ied ies": .replaceByIOrIE, "s": .deleteSAfterVowel, "ss us": .keep,
    ]

    static func step1a(_ word: inout SnowballWord) {
        if let possessive = word.longestSuffix(in: apostropheSuffixes) { word.deleteSuffix(from: possessive.start) }
        guard let match = word.longestSuffix(in: step1aSuffixes) else { return }
        switch match.action {
        case .replaceBySS: word.replaceSuffix(from: match.start, with: "ss")
        // "ties" → "tie", "cries" → "cri": "i" after more than one letter.
        case .replaceByIOrIE: word.replaceSuffix(from: match.start, with: match.start >= 2 ? "i" : "ie")
        // "gaps" → "gap" but "gas" stays: a vowel must come before the letter preceding the s.
        case .deleteSAfterVowel:
            if match.start >= 1 && word.contains(vowels, before: match.start - 1) { word.deleteSuffix(from: match.start) }
        case .keep: break
        }
    }

    // MARK: Step 1b: -ed, -ing

    enum Step1b: Sendable { case eed, ed, ing }
    static let step1bSuffixes: SuffixTable<Step1b> = ["eed eedly": .eed, "ed edly ingly": .ed, "ing": .ing]
    /// Whole words before "eed" that keep it ("succeed", "proceed", "exceed").
    static let eedStems: SuffixTable<Void> = ["succ proc exc": ()]

    enum IngStem: Sendable { case keepWhole, yBecomesIE }
    /// Words before "ing" that are left whole ("inning", "outing"), and the `y` of "dying".
    static let ingStems: SuffixTable<IngStem> = ["even cann inn earr herr out": .keepWhole, "y": .yBecomesIE]

    enum Step1bEnding: Sendable { case addE, undouble }
    static let step1bEndings: SuffixTable<Step1bEnding> = [
        "at bl iz": .addE, "bb dd ff gg mm nn pp rr tt": .undouble,
    ]

    static func step1b(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step1bSuffixes) else { return }
        switch match.action {
        case .eed:
            guard match.start >= word.r1 else { return }
            if word.longestSuffix(in: eedStems, endingAt: match.start)?.start != 0 {
                word.replaceSuffix(from: match.start, with: "ee")
            }
            return
        case .ing:
            if let stem = word.longestSuffix(in: ingStems, endingAt: match.start) {
                switch stem.action {
                case .keepWhole:
                    if stem.start == 0 { return }
                // "dying" → "die": a consonant and `y` before "ing" make the whole word.
                case .yBecomesIE:
                    if stem.start == 1 && !vowels.contains(word[0]) {
                        word.replaceSuffix(from: stem.start, with: "ie")
                        return
                    }
                }
            }
        case .ed: break
        }
        // Delete the suffix if a vowel comes before it, then tidy the end of what is left.
        guard word.contains(vowels, before: match.start) else { return }
        word.deleteSuffix(from: match.start)
        if let ending = word.longestSuffix(in: step1bEndings) {
            switch ending.action {
            case .addE: word.append("e")
            // "hopp" → "hop", but a double letter right after a first a, e or o stays ("add", "egg").
            case .undouble:
                if !(ending.start == 1 && aeo.contains(word[0])) { word.deleteLast() }
            }
        } else if word.r1 == word.count && endsWithShortSyllable(word, at: word.count) {
            // A short word gets its e back: "hop" → "hope".
            word.append("e")
        }
    }

    // MARK: Step 1c

    /// A final y after a non-vowel that is not the first letter becomes i: "cry" → "cri".
    static func step1c(_ word: inout SnowballWord) {
        let end = word.count
        guard end >= 3, word[end - 1] == "y" || word[end - 1] == "Y", !vowels.contains(word[end - 2]) else { return }
        word.replaceSuffix(from: end - 1, with: "i")
    }

    // MARK: Steps 2 to 5

    enum Step2: Sendable { case replace(String), ogAfterL, deleteAfterLiEnding }
    static let step2Suffixes: SuffixTable<Step2> = [
        "tional": .replace("tion"), "enci": .replace("ence"), "anci": .replace("ance"), "abli": .replace("able"),
        "entli": .replace("ent"), "izer ization": .replace("ize"), "ational ation ator": .replace("ate"),
        "alism aliti alli": .replace("al"), "fulness fulli": .replace("ful"), "ousli ousness": .replace("ous"),
        "iveness iviti": .replace("ive"), "biliti bli": .replace("ble"), "ogist": .replace("og"),
        "ogi": .ogAfterL, "lessli": .replace("less"), "li": .deleteAfterLiEnding,
    ]

    static func step2(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step2Suffixes), match.start >= word.r1 else { return }
        switch match.action {
        case .replace(let replacement): word.replaceSuffix(from: match.start, with: replacement)
        case .ogAfterL:
            if word.letter(before: match.start) == "l" { word.replaceSuffix(from: match.start, with: "og") }
        case .deleteAfterLiEnding:
            if validLiEndings.contains(word.letter(before: match.start)) { word.deleteSuffix(from: match.start) }
        }
    }

    enum Step3: Sendable { case replace(String), delete, deleteInR2 }
    static let step3Suffixes: SuffixTable<Step3> = [
        "tional": .replace("tion"), "ational": .replace("ate"), "alize": .replace("al"),
        "icate iciti ical": .replace("ic"), "ful ness": .delete, "ative": .deleteInR2,
    ]

    static func step3(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step3Suffixes), match.start >= word.r1 else { return }
        switch match.action {
        case .replace(let replacement): word.replaceSuffix(from: match.start, with: replacement)
        case .delete: word.deleteSuffix(from: match.start)
        case .deleteInR2: if match.start >= word.r2 { word.deleteSuffix(from: match.start) }
        }
    }

    enum Step4: Sendable { case delete, deleteAfterSOrT }
    static let step4Suffixes: SuffixTable<Step4> = [
        "al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize": .delete,
        "ion": .deleteAfterSOrT,
    ]

    static func step4(_ word: inout SnowballWord) {
        guard let match = word.longestSuffix(in: step4Suffixes), match.start >= word.r2 else { return }
        switch match.action {
        case .delete: word.deleteSuffix(from: match.start)
        case .deleteAfterSOrT:
            let before = word.letter(before: match.start)
            if before == "s" || before == "t" { word.deleteSuffix(from: match.start) }
        }
    }

    static func step5(_ word: inout SnowballWord) {
        let end = word.count
        guard end > 0 else { return }
        let start = end - 1
        if word[start] == "e" {
            // In R2, or in R1 when what comes before is not a short syllable.
            if start >= word.r2 || (start >= word.r1 && !endsWithShortSyllable(word, at: start)) {
                word.deleteLast()
            }
        } else if word[start] == "l" {
            if start >= word.r2 && word.letter(before: start) == "l" { word.deleteLast() }
        }
    }
}
