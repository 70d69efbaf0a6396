#!/usr/bin/env python3
"""Generate test vectors for the Snowball stemmers of CharretteThemes.

What it does
------------
For each language the Swift stemmers support, this script takes the 6,000 most frequent words
of the `wordfreq` package, keeps those made of letters only (lowercased, in Unicode NFC form),
adds a few hand-picked words that exercise the rarer rules, stems them all with the
`snowballstemmer` package (generated from the Snowball sources) and writes

    Tests/CharretteThemesTests/Vectors/stems-<lang>.tsv

one "word<TAB>stem" line per word, sorted, after a first comment line naming the versions.

Run it by hand after upgrading either package (pip install snowballstemmer wordfreq):

    python3 scripts/reference/stemming_vectors.py
"""

import pathlib
import unicodedata
from importlib.metadata import version

import snowballstemmer
import wordfreq

TOP_N = 6000

# Snowball's name for each language code.
LANGUAGES = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
    "de": "german",
}

# Words that reach the rules frequent words rarely do.
EXTRA_WORDS = {
    "en": """
        generously generate generation generous news skies skis sky dying lying tying gently ugly early
        only singly idly andes atlas bias cosmos howe inning innings outing canning herring earring
        proceed exceed succeed proceeding succeeded exceedingly agreed feed communism communication
        arsenal universal university emergency organization past pasted later interesting yelling
        sayings crying enjoy boy hopping hoping filing filling caresses ponies ties cries gas gaps
        kiwis disabled conflated troubled sized bled happy cry triplicate formative electrical hopeful
        goodness rational conditional valency hesitancy digitizer radically differently vilely
        analogously vietnamization predication operator feudalism decisiveness hopefulness callousness
        formality sensitivity sensibility fluently geologist apology airliner revival allowance
        inference adjustable defensible irritant replacement adjustment dependent adoption
        homologous activate angularity effective bowdlerize rolling probate rate cease dyed eyed
        youth mayor flying vision abruption controlled yes yelled skying says played obeyed
        spying everything
    """,
    "es": """
        acción acciones comiéndoselo diciéndole haciéndolo cayéndose oyéndolo comerla darle
        levantándose arguyendo construyendo huyendo amablemente rápidamente lógicamente
        naturalmente felizmente posibilidad actividades creatividad sociología ecologías
        constitución soluciones diferencia paciencias cantante importante comprensible adorable
        atractivo negativos socialismo averigüe pingüino vergüenza siguen sigues persiguen
        hablaríamos comiésemos viviríais cantáramos bebiéramos estuviésemos habléis comáis cantó
        comió leyó oyeron leyendo construyó huyeron contribuyen incluyamos niño año mañana árbol
        útil abundantemente ilusionadamente relativamente autorización generaciones cualidades
        ética decisivas interesantísimo
    """,
    "fr": """
        ennuyer payer ayant yeux joyeux croyance aïeul naïve naïf noël canoë haïr inouï ouïe
        bouilli fouiller quelque quoique qualité équipe jouer louer pouvoir réussir prieur essuyer
        tuyau nuire fruit suivre ciel marier lumière première dernière boulangère écolier cahier
        nation passion question attention tapis parole colonne nier niais ennemis vraiment
        évidemment constamment fréquemment gentiment éperdument rapidement sentiment établissement
        épanouissement généreuse heureuses chevaux bijoux genoux choux poux travaux beaux châteaux
        activité possibilité capacités critiques logique biologie conclusion révolution révolutions
        évolution pauvres mauvais épais palais frais finissons finissaient grandissant choisîmes
        réunîtes aimaient chanterions parlâmes aimâtes créée créées cette nouvelle ancienne
        personne colombe tapisserie français reçu garçon leçons maçon sèche fidèle problème élève
        mère
    """,
    "pt": """
        ações nação nações informação informações coração corações mãe mães pão pães irmã irmãos
        alemão alemães cidadão cidadãos canção canções põe compõem lições solução soluções poluição
        evolução construção instituições estão são não então também começo cabeça força serviço
        brasileira brasileiras primeira carreira feira madeira bandeira rapidamente felizmente
        naturalmente igualmente cidade universidade possibilidades atividade ciência experiência
        experiências diferença tecnologia biologias possível responsável agradável amável averiguei
        averigue guerra seguem persegue pratique ficasse ficássemos falaríamos falávamos falaram
        fizéssemos comêssemos cantásseis partíeis aquele tênis você português inglês café até pé avó
        avô
    """,
    "de": """
        über müssen müde grüße grüßen straße straßen fuß füße maß weiß heißen schließlich größer
        größte äußerst häuser häufig mädchen schön schönheit möglich möglichkeiten können
        öffentlich österreich ärger mueller muessen moeglich aerger koennen schoen quelle quer
        bequem aquarium bauen trauer feuer abenteuer bayern mayer laie treue system systems
        ergebnisse ergebnissen kenntnis verhältnissen wandeln sammeln sammelns handelns erinnerung
        lehrerinnen lehrerin bürgerinnen ärztin kommst liebst schönste bekanntesten fast
        gerechtigkeit feindseligkeit möglichkeit freundlichkeit wissenschaftlich landwirtschaftlich
        häufigkeit übung ordnung beleidigung erledigung heiligung königlich kindheit freiheit
        gelegenheit bedeutend lebendig elektrisch politik technik arbeitet gearbeitet planet ticket
        geordnet internet yacht typisch gymnasium
    """,
}

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "Tests" / "CharretteThemesTests" / "Vectors"


def words_for(lang: str) -> list[str]:
    words = set()
    for word in wordfreq.top_n_list(lang, TOP_N) + EXTRA_WORDS[lang].split():
        word = unicodedata.normalize("NFC", word.lower())
        if word.isalpha():
            words.add(word)
    return sorted(words)


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    snowball_version = version("snowballstemmer")
    for lang, name in LANGUAGES.items():
        stemmer = snowballstemmer.stemmer(name)
        words = words_for(lang)
        lines = [f"# snowballstemmer {snowball_version}, wordfreq top {TOP_N} words"]
        lines += [f"{word}\t{stemmer.stemWord(word)}" for word in words]
        path = OUT_DIR / f"stems-{lang}.tsv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(words)} words")


if __name__ == "__main__":
    main()
