import CharretteSupport

/// Stop words: the short, frequent words left out of the terms themes are found from.
public enum StopWords {
    /// The stop words of `language`, lowercase and spelled with their accents: the Snowball
    /// project's list for the language, and for English also the list scikit-learn uses for
    /// `stop_words="english"`, so English terms compare with scikit-learn's.
    public static func words(for language: Language) -> Set<String> {
        switch language {
        case .english: english
        case .spanish: spanish
        case .french: french
        case .portuguese: portuguese
        case .german: german
        }
    }

    /// The Snowball project's list for `language` alone; language detection counts these, so no
    /// language has a longer list than the others.
    static func snowballList(for language: Language) -> Set<String> {
        switch language {
        case .english: snowballEnglish
        case .spanish: spanish
        case .french: french
        case .portuguese: portuguese
        case .german: german
        }
    }

    static let english = snowballEnglish.union(scikitLearnEnglish)
    static let spanish = wordSet(spanishList)
    static let french = wordSet(frenchList)
    static let portuguese = wordSet(portugueseList)
    static let german = wordSet(germanList)
    static let snowballEnglish = wordSet(snowballEnglishList)
    static let scikitLearnEnglish = wordSet(scikitLearnEnglishList)

    private static func wordSet(_ list: String) -> Set<String> {
        Set(list.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// Snowball's English stop words (174).
    private static let snowballEnglishList = """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
        her hers herself it its itself they them their theirs themselves what which who whom this that
        these those am is are was were be been being have has had having do does did doing would should
        could ought i'm you're he's she's it's we're they're i've you've we've they've i'd you'd he'd
        she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't
        haven't hadn't doesn't don't didn't won't wouldn't shan't shouldn't can't cannot couldn't
        mustn't let's that's who's what's here's there's when's where's why's how's a an the and but if
        or because as until while of at by for with about against between into through during before
        after above below to from up down in out on off over under again further then once here there
        when where why how all any both each few more most other some such no nor not only own same so
        than too very
        """

    /// Snowball's Spanish stop words (308).
    private static let spanishList = """
        de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o
        este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos
        durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo
        otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas
        algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía míos mías tuyo
        tuya tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra
        vuestros vuestras esos esas estoy estás está estamos estáis están esté estés estemos estéis
        estén estaré estarás estará estaremos estaréis estarán estaría estarías estaríamos estaríais
        estarían estaba estabas estábamos estabais estaban estuve estuviste estuvo estuvimos estuvisteis
        estuvieron estuviera estuvieras estuviéramos estuvierais estuvieran estuviese estuvieses
        estuviésemos estuvieseis estuviesen estando estado estada estados estadas estad he has ha hemos
        habéis han haya hayas hayamos hayáis hayan habré habrás habrá habremos habréis habrán habría
        habrías habríamos habríais habrían había habías habíamos habíais habían hube hubiste hubo
        hubimos hubisteis hubieron hubiera hubieras hubiéramos hubierais hubieran hubiese hubieses
        hubiésemos hubieseis hubiesen habiendo habido habida habidos habidas soy eres es somos sois son
        sea seas seamos seáis sean seré serás será seremos seréis serán sería serías seríamos seríais
        serían era eras éramos erais eran fui fuiste fue fuimos fuisteis fueron fuera fueras fuéramos
        fuerais fueran fuese fueses fuésemos fueseis fuesen siendo sido tengo tienes tiene tenemos
        tenéis tienen tenga tengas tengamos tengáis tengan tendré tendrás tendrá tendremos tendréis
        tendrán tendría tendrías tendríamos tendríais tendrían tenía tenías teníamos teníais tenían tuve
        tuviste tuvo tuvimos tuvisteis tuvieron tuviera tuvieras tuviéramos tuvierais tuvieran tuviese
        tuvieses tuviésemos tuvieseis tuviesen teniendo tenido tenida tenidos tenidas tened
        """

    /// Snowball's French stop words (154).
    private static let frenchList = """
        au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me même mes moi
        mon ne nos notre nous on ou par pas pour qu que qui sa se ses sur ta te tes toi ton tu un une
        vos votre vous c d j l à m n s t y étée étées étant suis es êtes sont serai seras sera serons
        serez seront serais serait serions seriez seraient étais était étions étiez étaient fus fut
        fûmes fûtes furent sois soit soyons soyez soient fusse fusses fussions fussiez fussent ayant eu
        eue eues eus ai avons avez ont aurai aurons aurez auront aurais aurait aurions auriez auraient
        avais avait aviez avaient eut eûmes eûtes eurent aie aies ait ayons ayez aient eusse eusses eût
        eussions eussiez eussent ceci cela celà cet cette ici ils les leurs quel quels quelle quelles
        sans soi
        """

    /// Snowball's Portuguese stop words (203).
    private static let portugueseList = """
        de a o que e do da em um para com não uma os no se na por mais as dos como mas ao ele das à seu
        sua ou quando muito nos já eu também só pelo pela até isso ela entre depois sem mesmo aos seus
        quem nas me esse eles você essa num nem suas meu às minha numa pelos elas qual nós lhe deles
        essas esses pelas este dele tu te vocês vos lhes meus minhas teu tua teus tuas nosso nossa
        nossos nossas dela delas esta estes estas aquele aquela aqueles aquelas isto aquilo estou está
        estamos estão estive esteve estivemos estiveram estava estávamos estavam estivera estivéramos
        esteja estejamos estejam estivesse estivéssemos estivessem estiver estivermos estiverem hei há
        havemos hão houve houvemos houveram houvera houvéramos haja hajamos hajam houvesse houvéssemos
        houvessem houver houvermos houverem houverei houverá houveremos houverão houveria houveríamos
        houveriam sou somos são era éramos eram fui foi fomos foram fora fôramos seja sejamos sejam
        fosse fôssemos fossem for formos forem serei será seremos serão seria seríamos seriam tenho tem
        temos tém tinha tínhamos tinham tive teve tivemos tiveram tivera tivéramos tenha tenhamos tenham
        tivesse tivéssemos tivessem tiver tivermos tiverem terei terá teremos terão teria teríamos
        teriam
        """

    /// Snowball's German stop words (231).
    private static let germanList = """
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
        anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das
        daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine
        deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses
        doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges
        einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben
        hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem
        ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem
        keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein meine
        meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr
        sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen
        solcher solches soll sollte sondern sonst über um und uns unse unsem unsen unser unses unter
        viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher
        welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum
        zur zwar zwischen
        """

    /// scikit-learn's English stop words (318), from `sklearn.feature_extraction.text`.
    private static let scikitLearnEnglishList = """
        a about above across after afterwards again against all almost alone along already also although
        always am among amongst amoungst amount an and another any anyhow anyone anything anyway
        anywhere are around as at back be became because become becomes becoming been before beforehand
        behind being below beside besides between beyond bill both bottom but by call can cannot cant co
        con could couldnt cry de describe detail do done down due during each eg eight either eleven
        else elsewhere empty enough etc even ever every everyone everything everywhere except few
        fifteen fifty fill find fire first five for former formerly forty found four from front full
        further get give go had has hasnt have he hence her here hereafter hereby herein hereupon hers
        herself him himself his how however hundred i ie if in inc indeed interest into is it its itself
        keep last latter latterly least less ltd made many may me meanwhile might mill mine more
        moreover most mostly move much must my myself name namely neither never nevertheless next nine
        no nobody none noone nor not nothing now nowhere of off often on once one only onto or other
        others otherwise our ours ourselves out over own part per perhaps please put rather re same see
        seem seemed seeming seems serious several she should show side since sincere six sixty so some
        somehow someone something sometime sometimes somewhere still such system take ten than that the
        their them themselves then thence there thereafter thereby therefore therein thereupon these
        they thick thin third this those though three through throughout thru thus to together too top
        toward towards twelve twenty two un under until up upon us very via was we well were what
        whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever
        whether which while whither who whoever whole whom whose why will with within without would yet
        you your yours yourself yourselves
        """
}
