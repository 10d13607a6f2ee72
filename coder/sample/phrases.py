"""Sentence templates per code: the raw material of every generated paragraph.

Why this shape: a classifier trained on the sample corpus should have real work to do, so
the templates for a code avoid repeating the code's own name and paraphrase it instead
(volunteers become "mensen die zich onbezoldigd inzetten", digitalisation becomes "webinars"
or "ons registratiesysteem"). A pool key is a code id, optionally with a tag after "@" that
limits the templates to organisations with that trait: ``afd`` (has local branches), ``bru``
(seated in Brussels), ``nonbru``, ``new`` (new entrant), ``old``.

Alternatives inside one template are always interchangeable constituents, so that every
combination is grammatical Dutch. Template syntax is described in
:mod:`coder.sample.grammar`; the slots are filled by :class:`coder.sample.writer.Writer`.
Only characters of the PDF standard fonts (Windows-1252) may be used.
"""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, ...]] = {
    # ------------------------------------------------------------------ identiteit
    "missie": (
        "{org} [heeft als opdracht om|stelt zich tot doel om|wil eraan bijdragen om] {dg} "
        "[te versterken|sterker te maken|een stem te geven] [op weg naar|in de strijd voor] "
        "een [rechtvaardige|solidaire|warme|duurzame] samenleving",
        "[Ons bestaansrecht ligt in|Onze opdracht is|Waar we voor staan, is] het "
        "[samenbrengen|ondersteunen|versterken] van {dg}, zodat ze [hun stem laten horen|samen "
        "greep krijgen op hun leven|volwaardig kunnen deelnemen aan de samenleving]",
        "[Kort gezegd|In één zin|Samengevat]: we brengen mensen samen rond {thema}, [met "
        "bijzondere aandacht voor|vooral met|in het bijzonder met] {dg}",
        "[Dat is|Dat was en is] [de kern|het hart] van {ons} sinds de oprichting in {opgericht}",
        "We kiezen [bewust|uitdrukkelijk] voor een [sociaal-culturele|emanciperende|"
        "democratische] [aanpak|werking] die vertrekt van de [vragen|kracht|ervaring] van {dg}",
        "[Wat ons drijft|Wat ons bindt], is de [overtuiging|vaste overtuiging] dat {thema} "
        "[geen zaak van experts alleen is|iedereen aanbelangt|een gedeelde verantwoordelijkheid "
        "is]",
        "We [bestaan|zijn er] om mensen [te verbinden|kansen te geven|te laten groeien], in hun "
        "eigen tempo en los van [afkomst|achtergrond|inkomen of diploma]",
        "{org} [is en blijft|wil zijn|profileert zich als] een [plek|huis|thuishaven] waar {dg} "
        "[elkaar vinden|samen leren|zich thuis voelen|het woord nemen]",
        "Onze [opdracht|missie|kernopdracht] [vertaalt zich in|krijgt vorm in] [drie|een "
        "handvol] [kernwoorden|werkwoorden]: [ontmoeten|samen leren], [verbinden|verdiepen] en "
        "[in beweging zetten|versterken]",
        "[Mensen in hun kracht zetten|Mensen sterker maken|Mensen een stem geven], [daar draait "
        "het om|dat blijft onze drijfveer]",
        "[Al meer dan|Al bijna|Sinds meer dan] [twintig|dertig|veertig] jaar brengt {org} mensen "
        "samen rond {thema}",
        "We willen een [plek|huis] zijn waar {dg} [niet als probleem maar als kracht worden "
        "gezien|als volwaardige burgers aan tafel zitten]",
        "[De kern van ons werk blijft|Onze kerntaak is] het [creëren|openhouden] van "
        "[vrijplaatsen|ruimtes] voor [ontmoeting, leren en actie|dialoog en engagement]",
        "We doen dat [vanuit een sociaal-culturele bril|vanuit een emancipatorische blik|met "
        "respect voor ieders tempo] {gebied}",
        "Waar [andere|klassieke] [diensten|instellingen] [afhaken|niet geraken], [willen wij "
        "net het verschil maken|proberen wij net het verschil te maken]",
        "[Die opdracht|Deze missie] [werd|is] [in {pjaar}|bij de voorbereiding van dit plan] "
        "[opnieuw bevestigd|scherper geformuleerd] door [de algemene vergadering|het bestuur en "
        "het team]",
        "[Onze naam|De naam {org}] [verwijst naar|staat voor] [die opdracht|wat we willen zijn]: "
        "[een plek van en voor {dg}|een ontmoetingsplaats rond {thema}]",
    ),
    "visie": (
        "We [geloven in|dromen van|werken aan] een samenleving waarin {dg} [volwaardig "
        "meetellen|dezelfde kansen krijgen|niet aan de zijlijn staan]",
        "Ons beeld van de toekomst is [hoopvol maar niet naïef|er een van nabijheid en "
        "solidariteit|er een van wederkerigheid]",
        "[Op lange termijn|Over tien jaar] hopen we dat {thema} [een zaak van ons allemaal "
        "is|niemand nog onverschillig laat|{gebied} hoog op de agenda staat]",
        "We [zien|beschouwen] [onze deelnemers|de mensen met wie we werken] [niet als "
        "consumenten maar als medemakers|als dragers van kennis en ervaring|als volwaardige "
        "partners]",
        "[Verandering|Maatschappelijke verandering] [begint|groeit] [klein|van onderuit|dicht "
        "bij huis]: in de straat, in de vereniging, aan de keukentafel",
        "Onze visie steunt op vier [waarden|pijlers]: [gelijkwaardigheid|rechtvaardigheid], "
        "[solidariteit|zorg voor elkaar], [openheid|nieuwsgierigheid] en [duurzaamheid|"
        "zelfbeschikking]",
        "We gaan ervan uit dat [leren|samenkomen|samen actie voeren] [mensen sterker maakt|de "
        "basis legt voor gedeeld burgerschap|vertrouwen opbouwt]",
        "[Die toekomstbeelden|Die idealen|Die ambities] [sturen|kleuren] de keuzes in dit "
        "[plan|beleidsplan]",
        "Een [inclusieve|warme|democratische] samenleving [vraagt|veronderstelt] plekken waar "
        "mensen [verschillen kunnen overbruggen|elkaar echt ontmoeten|van mening kunnen "
        "verschillen zonder elkaar los te laten]",
        "[In onze ogen|Voor ons] is {thema} [geen apart thema maar een bril|een sleutel tot "
        "gelijke kansen|een toetssteen voor een rechtvaardige samenleving]",
        "We zien [verschil|diversiteit] [niet als bedreiging maar als rijkdom|als een gegeven "
        "en een kans]",
        "[Leren, ontmoeten en actie voeren|Samen denken en samen doen] horen voor ons "
        "onlosmakelijk samen",
        "Tegen het einde van deze periode willen we dat {dg} [vaker zelf het woord nemen|meer "
        "kansen grijpen|beter hun weg vinden] {gebied}",
        "[Democratie|Een democratische samenleving] is [meer dan stemmen|een werkwoord|iets "
        "wat je samen oefent], ook in [de vrije tijd|het verenigingsleven]",
        "[Duurzaamheid|Zorg voor de planeet] en [rechtvaardigheid|sociale rechtvaardigheid] "
        "zijn [twee kanten van dezelfde medaille|voor ons onlosmakelijk verbonden]",
        "[Mensen|Burgers] [hebben|dragen] [talenten die te weinig benut worden|kennis die de "
        "samenleving hard nodig heeft]; [die zichtbaar maken|die laten renderen] is [een "
        "kwestie van rechtvaardigheid|onze ambitie]",
        "We [hechten|houden] [sterk|vast] aan [de kracht van het kleine|de waarde van "
        "vrijwillig engagement|het recht om mee te spreken over {thema}]",
    ),
    "civiel-actorschap": (
        "Als [middenveldorganisatie|civiele actor|vrije vereniging van burgers] nemen we een "
        "[eigen|autonome] plaats in tussen overheid, markt en [gezin|privésfeer]",
        "We [ontstonden|groeiden] uit een [burgerinitiatief|groep betrokken buren|beweging van "
        "onderuit] en [dat DNA dragen we nog altijd mee|die wortels blijven zichtbaar]",
        "Onze [eigenheid|kracht] als [sociaal-culturele|civiele] organisatie [zit in|ligt in] "
        "de [vrijheid|ruimte] om [zelf thema's te agenderen|kritisch te zijn|onafhankelijk te "
        "handelen]",
        "[Burgers|Mensen] [organiseren zich|verenigen zich] bij ons [vrijwillig|uit eigen "
        "beweging] rond [wat hen raakt|{thema}|gedeelde zorgen en dromen]",
        "Zo zijn we [meer dan|niet zomaar] een [dienstverlener|aanbieder van activiteiten|"
        "uitvoerder van beleid]",
        "We [bewaken|verdedigen] onze [onafhankelijkheid|autonomie] tegenover [de overheid|"
        "subsidiegevers|politieke partijen], ook wanneer [dat schuurt|het ongemakkelijk wordt]",
        "Het [middenveld|maatschappelijk middenveld] [staat onder druk|wordt soms in vraag "
        "gesteld], en precies daarom [tonen we|maken we zichtbaar] wat [georganiseerde burgers|"
        "verenigde mensen] bijdragen",
        "We [verstaan|begrijpen] onze rol als [een publieke opdracht|een maatschappelijke "
        "verantwoordelijkheid] die we in alle vrijheid [invullen|opnemen]",
        "[Burgers|Betrokken mensen] richtten {org} in {opgericht} op, niet om [diensten te "
        "leveren|een instelling te worden], maar om [samen iets te veranderen|elkaar te "
        "versterken]",
        "Als [vereniging van burgers|burgerorganisatie] [bepalen|kiezen] we zelf [onze agenda|"
        "welke thema's we opnemen]",
        "Het [sociaal-cultureel werk|middenveld] blijft een [oefenplaats|leerschool] voor "
        "[democratie|burgerschap|samenleven]",
        "[Onze leden|De deelnemers en vrijwilligers] zijn [eigenaar|mede-eigenaar] van {ons}: "
        "ze [beslissen mee|sturen mee|hebben het laatste woord]",
        "We zijn [geen verlengstuk van de overheid|geen uitvoerder van andermans beleid], "
        "[wel|maar] een [eigenzinnige|zelfbewuste] [partner|speler]",
        "[Subsidie|Erkenning] door de overheid [verandert daar niets aan|doet daar niets aan "
        "af]: [de agenda|de richting] [komt|blijft komen] van [onze leden|de mensen zelf]",
        "[Wat ons onderscheidt|Wat ons eigen maakt], is dat [burgers|deelnemers] [zelf|samen] "
        "[de koers bepalen|de vragen stellen|de prioriteiten kiezen]",
    ),
    "doelgroepen": (
        "We richten ons [in de eerste plaats|vooral|prioritair] tot {dg}, [maar ook|en "
        "daarnaast] tot {dg2}",
        "Volwassenen {gebied} die [minder kansen kregen|moeilijk de weg vinden naar het "
        "aanbod|zelden gehoord worden], krijgen [onze|extra] aandacht",
        "{dg} [vormen|blijven] de [kern|ruggengraat|grootste groep] van [ons publiek|onze "
        "werking|onze achterban]",
        "Onze deelnemers zijn [gemiddeld ouder dan vijftig|doorgaans tussen dertig en zestig|"
        "sterk gemengd naar leeftijd]; [we willen ook {dg2} beter bereiken|het is onze ambitie "
        "om ook {dg2} sterker te bereiken]",
        "We maken een onderscheid tussen [een primaire en een secundaire doelgroep|kerngroepen "
        "en bredere publieken]: {dg} enerzijds, [professionals en vrijwilligers die met hen "
        "werken|hun omgeving] anderzijds",
        "Bij {dg} vertrekken we [altijd|steeds] [van hun eigen vragen|vanuit wat ze al kunnen|"
        "van hun leefwereld]",
        "[Uit onze registratie|Uit de cijfers van {pjaar}|Uit onze bevraging] blijkt dat "
        "[ongeveer|bijna|ruim] {pct} van [de deelnemers|ons publiek] [vrouw|ouder dan 65|"
        "kortgeschoold|nieuw in onze werking] is",
        "Ons [publiek|bereik] [verschuift|verandert]: [steeds meer|meer] {dg2} [vinden de weg "
        "naar ons|melden zich spontaan aan|nemen zelf initiatief]",
        "[Vooral|Met name] {dg} vinden de weg naar ons, terwijl {dg2} [nog te weinig bereikt "
        "worden|moeilijker aansluiten]",
        "[We kijken liever niet naar etiketten|We vertrekken niet vanuit hokjes]: mensen "
        "[hebben|dragen] [meerdere identiteiten|vele kanten]",
        "[Een specifieke aandacht|Bijzondere zorg] gaat naar [wie alleen woont|wie net "
        "verhuisd is naar {stad}|wie de taal nog leert]",
        "[In|Voor] {praktijk} [werken we uitdrukkelijk met|kiezen we bewust voor] {dg}",
        "Onze deelnemers wonen [vooral|hoofdzakelijk] in [{stad} en {stad2}|de dorpen rond "
        "{stad}|de stedelijke kernen]",
        "Wie [bij ons binnenstapt|aan onze activiteiten deelneemt], [heeft|brengt] [een eigen "
        "verhaal|eigen vragen] mee; [daar vertrekken we van|dat verhaal staat centraal]",
        "[Ook|Zeker ook] [familie en buren van onze deelnemers|de ruime omgeving van {dg}] "
        "[rekenen we tot|betrekken we bij] [ons publiek|onze werking]",
    ),
    "participatie-bereik": (
        "In {pjaar} [bereikten we|telden we] [ruim|bijna|zo'n] {deeln} [deelnemers|unieke "
        "deelnemers] [met|over] {act} activiteiten",
        "[We streven naar|Onze ambitie is|We mikken op] een [groei|toename] van {groei} [van het "
        "aantal deelnemers|van ons bereik] tegen {jaar}",
        "[Drempels|Hindernissen] zoals [kostprijs|vervoer|taal|schaamte] [houden|hielden] "
        "[nog te veel|heel wat] mensen weg van [ons aanbod|onze activiteiten]",
        "[Daarom|Om die reden] [hanteren we|werken we met] [een solidariteitstarief|"
        "kansentarieven|gratis instapmomenten|vervoer op maat]",
        "[Meedoen|Participatie] [betekent voor ons|gaat voor ons over] meer dan [aanwezig zijn|"
        "een stoel vullen]: [deelnemers denken mee over het programma|deelnemers nemen zelf de "
        "regie|we bouwen het aanbod samen op]",
        "Het aantal [activiteiten|bijeenkomsten] [steeg|groeide] [tussen 2016 en 2019|de "
        "voorbije jaren] tot {act} per jaar",
        "Niet elk [bereik|contact] is [meetbaar|in cijfers te vatten]; daarom vullen we [de "
        "cijfers|onze registratie] aan met [verhalen|getuigenissen|kwalitatieve bevragingen]",
        "[Een derde|Een kwart|De helft] van [de deelnemers|ons publiek] komt [voor het eerst|"
        "meermaals per jaar] naar een activiteit",
        "We [meten|volgen] niet enkel [hoeveel mensen deelnemen|hoeveel mensen we bereiken], "
        "maar ook [welke groepen we missen|wie we nog niet bereiken]",
        "Het aandeel nieuwe deelnemers [steeg|groeide] [in|tijdens] {pjaar} tot {pct}",
        "Gemiddeld [nemen tussen de tien en twintig mensen deel aan een sessie|komen een "
        "vijftiental mensen naar een bijeenkomst|zitten een dertigtal mensen in de zaal]",
        "Wie één keer [komt|proeft], [komt vaak terug|blijft vaak hangen]: [bijna|ruim] {pct} "
        "[schrijft zich opnieuw in|neemt deel aan een tweede activiteit]",
        "[Mond-tot-mondreclame blijft|Persoonlijke uitnodigingen blijven] de [sterkste|meest "
        "effectieve] manier om [nieuwe mensen|{dg}] te bereiken",
        "Samen met {partner} willen we het bereik [in {stad}|{gebied}] [vergroten|verdubbelen] "
        "[tegen {jaar}|voor het einde van de beleidsperiode]",
        "[In|Tijdens] {pjaar} [namen|kwamen] [bijna|ruim] {deeln} mensen [voor het eerst|"
        "opnieuw] [deel aan een activiteit|naar een vorming|naar een bijeenkomst]",
        "[Bereik|Participatie] [gaat|draait] [voor ons|bij ons] niet om [massa|grote aantallen], "
        "[wel om|maar om] [de juiste mensen|duurzame betrokkenheid]",
    ),
    # ------------------------------------------------------------------ context
    "contextanalyse": (
        "[De samenleving|Onze samenleving|De wereld rond ons] verandert [snel|razendsnel|"
        "ingrijpend]: [vergrijzing|digitalisering|superdiversiteit|de klimaatcrisis] [tekent|"
        "bepaalt|kleurt] de context [waarin we werken|van onze werking]",
        "[Cijfers van Statistiek Vlaanderen|Cijfers uit de gemeentemonitor|Recente studies] "
        "[tonen|laten zien] dat het aandeel {dg} [in onze regio|{gebied}] [stijgt|groeit|verder "
        "toeneemt]",
        "[De kloof|Het verschil] tussen [wie mee is en wie niet|hoog- en laaggeschoolden|rijk "
        "en arm] [wordt groter|groeit|verdiept zich], [ook|zeker] {gebied}",
        "Het vertrouwen in [de politiek|instellingen|de overheid] [kalft af|staat onder druk|is "
        "broos], en dat [daagt ons uit|vraagt om nieuwe vormen van inspraak|maakt ons werk "
        "relevanter dan ooit]",
        "[Eenzaamheid|Sociaal isolement] is [een stil|een groeiend] [probleem|maatschappelijk "
        "probleem], [vooral|in het bijzonder] bij {dg}",
        "We [stellen vast|merken|zien] dat [mensen|burgers] [zich minder lang engageren|zich "
        "vaker projectmatig inzetten|kritischer kiezen waar ze hun tijd in steken]",
        "[De klimaatverandering|De energiecrisis|De woningnood] [raakt|treft] {dg} [het "
        "hardst|onevenredig sterk|het eerst]",
        "[Lokale besturen|Gemeenten] [fuseren|hervormen|besparen], en dat [verandert|"
        "hertekent] [het speelveld|de verhoudingen] voor [verenigingen|organisaties zoals de "
        "onze]",
        "Uit [onze omgevingsanalyse|een stakeholderbevraging|een reeks focusgesprekken] kwamen "
        "drie [uitdagingen|tendensen] naar voren: {thema}, {thema2} en [de polarisering van het "
        "debat|de druk op vrije tijd|de versnippering van het aanbod]",
        "[Die|Deze] [tendensen|evoluties|ontwikkelingen] [hebben gevolgen voor|laten sporen "
        "na in] [de manier waarop we werken|ons aanbod|hoe we mensen bereiken]",
        "Ons [werkingsgebied|werkterrein] kent [sterke|grote] [contrasten|verschillen] tussen "
        "[stad en platteland|kernsteden en dorpen|de rand en het centrum]",
        "[Polarisering|Verharding|Wij-zij-denken] [in het publieke debat|op sociale media] "
        "maakt [ontmoeting over verschillen heen|het gesprek] [moeilijker, maar ook "
        "noodzakelijker|kwetsbaarder]",
        "De vergrijzing [zet zich door|versnelt] {gebied}: [in|tegen] 2030 is [bijna een op de "
        "drie inwoners ouder dan zestig|het aandeel tachtigplussers fors groter]",
        "[Steeds meer|Meer en meer] [gezinnen|mensen] leven [rond de armoedegrens|in "
        "financiële onzekerheid], [vooral|zeker] [in|rond] {stad}",
        "[Mensen|Volwassenen] [hebben minder vrije tijd|ervaren een drukker leven] en [kiezen|"
        "zoeken] vaker [kortlopende|vrijblijvende] [engagementen|activiteiten]",
        "Het [maatschappelijk|politiek] debat over {thema} [verhardt|polariseert|wordt grimmiger]",
        "[De coronacrisis legde|De recente crisissen legden] [de ongelijkheid|de kloven] "
        "pijnlijk bloot",
        "[Ook|Zelfs] in [welvarende|kleinere] gemeenten [zien we|stellen we] [groeiende|"
        "verborgen] [armoede|eenzaamheid|uitsluiting] vast",
        "[De digitalisering van diensten|Het verdwijnen van loketten] [maakt|laat] [het "
        "leven|de toegang tot rechten] [moeilijker|complexer] voor {dg}",
        "[Jongere generaties|Nieuwe generaties] [engageren zich|zetten zich in] [anders|op "
        "andere manieren]: [korter|online|rond één concreet doel]",
        "[Het aantal|Het aandeel] [alleenwonenden|mensen met een migratieachtergrond|"
        "werkende mantelzorgers] {gebied} [neemt toe|groeit gestaag]",
    ),
    "zelfevaluatie-swot": (
        "[Onze sterkte|Een duidelijke sterkte|Wat we goed doen] [ligt in|is] [de nabijheid tot "
        "onze deelnemers|een hecht en deskundig team|een trouw publiek|een stevig netwerk]",
        "[Tegelijk|Anderzijds|Eerlijk gezegd] [zijn|blijven] we [kwetsbaar door|afhankelijk "
        "van] [een klein team|een beperkt aantal trekkers|projectmiddelen]",
        "[Bij de zelfevaluatie|In ons zelfonderzoek|Bij de evaluatie van de vorige periode] "
        "[werkten we met|gebruikten we] [een SWOT-analyse|de kwaliteitsspiegel|een externe "
        "begeleider|focusgroepen met deelnemers]",
        "Niet elk doel uit [het vorige plan|de vorige beleidsperiode] [realiseerden we|haalden "
        "we]; [vooral|met name] [het bereik van {dg}|de digitale omslag|de doorstroming naar het "
        "bestuur] [bleef achter|liep vertraging op]",
        "[Een kans|Een opportuniteit] [zien we|ligt] in [de groeiende belangstelling voor "
        "{thema}|nieuwe samenwerkingen met {partner}|de vernieuwde lokale dynamiek]",
        "[Een bedreiging|Een risico] [is|vormt] [de stijgende kost van personeel|de "
        "versnippering van het middenveld|de onzekerheid over projectsubsidies]",
        "[We leerden|De oefening leerde ons|Het proces maakte duidelijk] dat we [scherper "
        "moeten kiezen|onze sterktes beter kunnen uitspelen|meer moeten inzetten op opvolging]",
        "[Medewerkers, bestuurders en vrijwilligers|Het team en het bestuur] [scoorden|"
        "beoordeelden] [onze werking|de eigen praktijk] [op|aan de hand van] [tien|twaalf] "
        "[criteria|indicatoren]",
        "De [resultaten|uitkomsten] van [die|deze] [evaluatie|oefening] [vormen|zijn] [het "
        "vertrekpunt|de basis] voor de [keuzes|doelstellingen] in dit plan",
        "We stelden onszelf [de vraag|kritische vragen]: [doen we de dingen goed|doen we de "
        "goede dingen|bereiken we wie we willen bereiken]?",
        "Uit [de bevraging|de gesprekken] [bleek|kwam naar voren] dat [deelnemers|partners] "
        "[ons|onze werking] [waarderen|appreciëren] om [de warme sfeer|de deskundigheid|de "
        "laagdrempeligheid]",
        "[Een zwakte|Een werkpunt] [blijft|is] [onze beperkte zichtbaarheid|de verouderde "
        "registratie|de zware werklast van een klein team]",
        "[Externe|Kritische] [vrienden|stemmen] [zoals|van] {partner} [keken|lazen] [mee|"
        "kritisch mee] en [gaven|formuleerden] [feedback|aanbevelingen]",
        "[Die|Deze] [inzichten|lessen] [namen we mee|vertaalden we] [naar|in] de "
        "[doelstellingen|keuzes] [voor 2021-2025|van dit plan]",
        "[Deelnemers|Partners] [noemden|vermeldden] [vaak|opvallend vaak] [de bereikbaarheid|"
        "onze flexibiliteit|de persoonlijke aanpak] als [een troef|een reden om te blijven "
        "komen]",
    ),
    "zelfevaluatie-swot@new": (
        "Als [nieuwe organisatie|nieuwkomer in het decreet] [kijken we terug op|evalueren we] "
        "[onze projectwerking|de opstartjaren|onze eerste jaren] sinds {opgericht}",
        "[Als jonge organisatie|Als nieuwkomer] [misten we een volwaardig kwaliteitssysteem|"
        "hadden we nog geen vaste structuren]; [dat maakte de zelfevaluatie anders|dat bouwen "
        "we in deze periode op]",
    ),
    "zelfevaluatie-swot@old": (
        "[In de vorige beleidsperiode|Tussen 2016 en 2020] [realiseerden we|bereikten we] "
        "[het merendeel|een groot deel|twee derde] van onze [doelen|doelstellingen]",
        "[Het vorige beleidsplan|De vorige periode] [leerde ons|toonde] dat [te veel "
        "doelstellingen|een te breed aanbod] [de focus verdunt|het team overbelast]",
    ),
    # ------------------------------------------------------------------ functies
    "cultuurfunctie": (
        "[Cultuur|Kunst] [is voor ons|vormt] [een hefboom|een taal|een manier] om [mensen te "
        "verbinden|betekenis te geven|de wereld te verbeelden]",
        "[Deelnemers|Mensen] [maken|spelen|schrijven] [zelf|samen] [theater|muziek|verhalen], "
        "[onder begeleiding van|samen met] [professionele kunstenaars|ervaren begeleiders]",
        "We [brengen|tonen|ontsluiten] [het erfgoed|de verhalen|de geschiedenis] van "
        "{werkingsgebied} [op een toegankelijke manier|voor een breed publiek|via wandelingen en "
        "tentoonstellingen]",
        "[Creatieve|Artistieke|Sociaal-artistieke] [praktijken|projecten] [geven|bieden] {dg} "
        "[een podium|een stem|ruimte voor expressie]",
        "[Cultuurparticipatie|Deelname aan kunst en cultuur] is [geen luxe maar een recht|een "
        "grondrecht|geen vanzelfsprekendheid]",
        "Met {praktijk} brengen we [cultuur|kunst] [dichter bij mensen|tot in de wijk|tot bij "
        "mensen thuis]",
        "[Verbeelding|Creativiteit|Schoonheid] [opent|verruimt] [de blik|het denken] en [zet|"
        "brengt] [mensen|deelnemers] [in beweging|aan het denken]",
        "Een [slotmoment|toonmoment] [in het cultuurcentrum van {stad}|op een openluchtpodium "
        "in {stad}] [brengt|zet] [het werk van de deelnemers|de creaties] in de kijker",
        "We laten [mensen|deelnemers] kennismaken met [hedendaagse kunst|literatuur|film|"
        "poëzie] die ze [anders niet|zelden] zouden [ontdekken|opzoeken]",
        "Samen met [kunstenaars|makers] uit {stad} werken [deelnemers|{dg}] aan [een "
        "voorstelling|een tentoonstelling|een gedichtenbundel]",
        "[Sociaal-artistieke|Creatieve] [projecten|trajecten] [vragen|veronderstellen] [tijd|"
        "een lange adem|vertrouwen]; daarom [plannen|spreiden] we ze over [meerdere jaren|"
        "minstens twee seizoenen]",
        "[Verhalen|Herinneringen] van [bewoners|deelnemers] [worden gebundeld in|groeien uit "
        "tot] [een erfgoedwandeling|een podcastreeks|een verhalenbank]",
        "[Tijdens|Gedurende] [zes|acht|tien] [zaterdagen|avonden] [schrijven|werken] "
        "[deelnemers|{dg}] [onder begeleiding van|samen met] [een auteur|een theatermaker|een "
        "beeldend kunstenaar] aan [eigen verhalen|een gezamenlijk werk]",
        "Het [resultaat|eindproduct] is te zien [in de bibliotheek van {stad}|op een open "
        "atelierdag|op het stadsfestival van {stad}]",
        "Een [gids|erfgoedvrijwilliger] [neemt de groep mee langs vergeten plekken van {stad}|"
        "leidt de groep door de geschiedenis van {stad}]",
        "[Deelnemers|Bezoekers] [kiezen|bepalen] [mee|samen] welke [voorstellingen|films|"
        "tentoonstellingen] op het programma komen",
        "Na [elke|iedere] [voorstelling|filmvertoning|uitstap] volgt een [nagesprek|gesprek "
        "bij een drankje] over [wat het werk oproept|wat de makers vertellen]",
        "[Amateurkunstenaars|Creatieve deelnemers] [krijgen|vinden] [een podium|ruimte] om hun "
        "werk te tonen [aan familie en buren|in {stad}]",
    ),
    "leerfunctie": (
        "[Leren|Samen leren|Levenslang leren] [staat centraal in|is de rode draad van] [ons "
        "aanbod|onze werking|alles wat we doen]",
        "We [organiseren|bieden] [cursussen|vormingsreeksen|workshops|lezingen] over {thema}, "
        "[telkens|altijd] met ruimte voor [de ervaring van deelnemers|praktijkvoorbeelden|"
        "dialoog]",
        "[Ons leren|Het leren bij ons] is [informeel en non-formeel|ervaringsgericht|"
        "laagdrempelig]: geen [examens|diploma's], wel [groei|competenties die mensen meenemen "
        "in hun leven]",
        "[Deelnemers|Cursisten] [verwerven|ontwikkelen] [kennis|vaardigheden|inzichten] die ze "
        "[inzetten|gebruiken] [in hun buurt|in hun vereniging|als burger]",
        "We [ontwikkelen|werken aan] [leertrajecten|vormingspakketten|een leerlijn] [op maat "
        "van|voor] {dg}",
        "[Didactisch|Methodisch] [kiezen we voor|werken we met] [kleine groepen|"
        "ervaringsleren|peer learning|de methodiek van het leesatelier]",
        "De kwaliteit van [onze lesgevers|onze begeleiders] [bewaken|verzekeren] we [via "
        "intervisie|met een jaarlijkse vormingsdag|met een eigen leerkader]",
        "Wie [deelneemt aan|instapt in] {praktijk}, [leert|ontdekt] [wat {thema} in het "
        "dagelijks leven betekent|wat je zelf kunt doen rond {thema}]",
        "[Elke|Iedere] [vormingsreeks|cursus] [start|begint] met [een kennismaking|de "
        "leervragen van de groep]",
        "[We combineren theorie met|We wisselen inhoudelijke input af met] [oefening|"
        "uitwisseling|bezoeken ter plaatse]",
        "[Vrijwillige|Ervaren] [lesgevers|docenten] [krijgen|volgen] [een didactische vorming|"
        "een opleiding] [voor ze starten|bij hun start]",
        "Wat [deelnemers|mensen] [leren|opsteken], [nemen ze mee naar|dragen ze uit in] [hun "
        "gezin|hun werk|hun buurt]",
        "[Een deel|Een derde] van [het aanbod|de vormingen] [gaat door|vindt plaats] in "
        "[partnerorganisaties|bibliotheken|wijkcentra] in {stad}",
        "[Leren|Samen leren] gebeurt [niet alleen in een lokaal, maar ook onderweg|ook "
        "buiten], [tijdens|op] [uitstappen|wandelingen|werkbezoeken]",
        "[De reeks|De cursus|Het traject] [bestaat uit|telt] [vier|zes|acht] [sessies|"
        "bijeenkomsten] van [twee|drie] uur in {stad}",
        "[Elke|Iedere] [sessie|bijeenkomst] [combineert|verbindt] [een korte inleiding|input "
        "van een expert] met [oefeningen|groepswerk|een bezoek ter plaatse]",
        "[Deelnemers|Cursisten] [krijgen|ontvangen] [een werkmap|een naslagwerk|online "
        "materiaal] om thuis [verder te oefenen|na te lezen]",
        "Na afloop [kunnen deelnemers zelf een budget opmaken|kennen deelnemers hun rechten|"
        "vinden deelnemers de weg naar de juiste dienst|kunnen deelnemers zelf een gesprek "
        "leiden]",
        "[De vormingsreeks|De opleiding] is bedoeld voor [vrijwilligers|mensen] die [zelf een "
        "groep willen trekken|in hun buurt iets willen opzetten]",
        "We [werken|leren] [met|aan de hand van] [casussen|rollenspelen|getuigenissen] uit [de "
        "leefwereld|het dagelijks leven] van {dg}",
    ),
    "gemeenschapsvormende-functie": (
        "[Mensen samenbrengen|Ontmoeting|Samen zijn] [is|vormt] [de basis|het fundament|het "
        "vertrekpunt] van [onze werking|wat we doen]",
        "Rond {praktijk} [ontstaan|groeien] [nieuwe|hechte|duurzame] [netwerken|"
        "vriendschappen|groepen] [tussen|van] {dg}",
        "We [bouwen aan|zorgen voor] [gemeenschappen|plekken] waar [mensen|buren|deelnemers] "
        "[elkaar leren kennen|voor elkaar zorgen|zich gedragen voelen]",
        "[Het groepsgevoel|De onderlinge band|Het gevoel erbij te horen] is voor [veel "
        "deelnemers|velen] [de belangrijkste reden|een sterke drijfveer] om [te blijven komen|"
        "terug te komen]",
        "[Gemeenschapsvorming|Het vormen van gemeenschap] [gebeurt niet vanzelf|vraagt tijd]: "
        "het [vraagt|veronderstelt] [begeleiding|gastvrijheid|mensen die trekken]",
        "[Onze|De] [ontmoetingsmomenten|bijeenkomsten|feesten] verbinden [generaties|culturen|"
        "buurtbewoners] [die elkaar anders niet zouden treffen|over grenzen heen]",
        "Samen [koken|wandelen|tuinieren|zingen] [klinkt eenvoudig|lijkt onschuldig], maar "
        "[het schept|zo'n moment bouwt] [vertrouwen|verbondenheid|sociaal weefsel]",
        "[Nieuwe|Pas verhuisde] [bewoners|inwoners] van {stad} [vinden|leggen] via ons [snel|"
        "vlot] [aansluiting|contacten]",
        "[Vaste|Wekelijkse] [groepen|kernen] [geven|bieden] [houvast|structuur] aan [mensen die "
        "alleen wonen|{dg}]",
        "[Vriendschappen|Banden] die [hier|bij ons] [ontstaan|groeien], [reiken verder dan|"
        "gaan voorbij] de activiteit zelf",
        "[Feesten|Vieringen] en [rituelen|tradities] [versterken|voeden] het [wij-gevoel|gevoel "
        "van samenhorigheid]",
        "We [zorgen|waken erover] dat [nieuwe mensen|nieuwkomers in de groep] zich [snel|"
        "meteen] [welkom|thuis] voelen",
        "[Elke|Iedere] [week|maand] [komen|zitten] [een twintigtal|een vijftiental|een "
        "dertigtal] [buurtbewoners|deelnemers] [samen aan een gedeelde maaltijd|aan een lange "
        "tafel in {stad}]",
        "Wie een tijd niet [kwam|meer langskwam], krijgt [een kaartje|een telefoontje|een "
        "bezoek] van [een vrijwilliger|de groep]",
        "De groep [beslist|bepaalt] zelf welke activiteiten er op het programma komen",
        "Rond {praktijk} [groeide|ontstond] een [hechte|vaste] [kern|groep] die [ook buiten de "
        "activiteiten|in het dagelijks leven] voor elkaar zorgt",
        "Een [zomerfeest|buurtfeest|nieuwjaarsdrink] in {stad} [brengt|lokt] [elk jaar|"
        "jaarlijks] [honderden|tientallen] [bewoners|mensen] [samen|op de been]",
        "Nieuwe deelnemers krijgen een [peter of meter|vaste gastvrouw of gastheer] die hen "
        "[wegwijs maakt|de weg toont]",
    ),
    "maatschappelijke-bewegingsfunctie": (
        "We [agenderen|brengen] [onrecht|maatschappelijke problemen|de noden van {dg}] onder "
        "de aandacht van [beleidsmakers|het publiek|de media]",
        "Samen met {dg} [voeren we actie|mobiliseren we|trekken we aan de alarmbel] rond {thema}",
        "Onze [campagnes|acties|petities] [zetten|brachten] {thema} [op de politieke agenda|in "
        "de krant|op de tafel van de minister]",
        "We [vertalen|bundelen] [de ervaringen|de verhalen|de signalen] van [deelnemers|{dg}] "
        "[in beleidsvoorstellen|in een memorandum|tot concrete eisen]",
        "[Verandering|Structurele verandering] [komt er niet vanzelf|vraagt volharding]; daarom "
        "bouwen we [aan|mee aan] [een brede coalitie|allianties] met {partner} en andere "
        "organisaties",
        "In aanloop naar de [verkiezingen|gemeenteraadsverkiezingen] van 2024 [stellen we een "
        "memorandum op|schrijven we een eisenbundel]",
        "[Mensen|Burgers] die [samen optrekken|zich organiseren] [hebben|krijgen] [meer|een "
        "sterkere] [stem|impact] dan wie alleen staat",
        "[Signalen|Verhalen] uit [onze groepen|de basis] [bundelen|verzamelen] we in een "
        "[jaarlijks dossier|signalenrapport]",
        "We trekken [naar het stadhuis van {stad}|naar het Vlaams Parlement|de straat op] om "
        "[onze eisen kracht bij te zetten|ons verhaal te brengen]",
        "[Deelnemers|Mensen] [leren|oefenen] hoe ze [zelf hun stem kunnen laten horen|"
        "beleidsmakers kunnen aanspreken]",
        "Onze [petitie|campagne] over {thema} [verzamelde|haalde] [ruim|bijna] {deeln} "
        "[handtekeningen|steunbetuigingen]",
        "Met {partner} [vormen|bouwen] we een [front|netwerk] dat [zich verzet tegen "
        "besparingen|ijvert voor betere regels] rond {thema}",
        "[Deelnemers|Betrokkenen] [verzamelen|bundelen] [getuigenissen|ervaringen] over {thema} "
        "en [bezorgen|overhandigen] die aan [het stadsbestuur van {stad}|de bevoegde minister|"
        "de gemeenteraad]",
        "[Een|De] [actiedag|manifestatie] in {stad} [bracht|bracht in {pjaar}] [ruim|meer dan] "
        "{deeln} mensen [op de been|samen]",
        "Samen met [de betrokken groepen|{dg}] [schrijven|formuleren] we [concrete|haalbare] "
        "[voorstellen|eisen] voor [lokale|Vlaamse] beleidsmakers",
        "[Een|Onze] [campagne|actie] [loopt|duurt] [telkens|meestal] een [jaar|werkjaar] en "
        "[mondt uit|eindigt] in [een publiek debat|een gesprek met politici|een symbolische "
        "actie]",
        "We [trainen|ondersteunen] [deelnemers|woordvoerders uit de groep] om [zelf|met "
        "vertrouwen] het woord te nemen [in de media|op hoorzittingen]",
        "[Beleidsmakers|Politici] [worden uitgenodigd|zijn welkom] om [te luisteren naar|in "
        "gesprek te gaan met] [de mensen zelf|{dg}]",
    ),
    "functie_niet:cultuurfunctie": (
        "[Voor de cultuurfunctie kiezen we niet|De cultuurfunctie nemen we niet op als "
        "kernfunctie]; [creatieve werkvormen|culturele uitstappen] [zijn bij ons|blijven] een "
        "middel, geen doel op zich",
    ),
    "functie_niet:leerfunctie": (
        "[De leerfunctie kiezen we niet|Leren als aparte functie staat niet centraal]; toch "
        "[leren deelnemers|groeien mensen] [onderweg|als bijproduct] [veel|heel wat] bij in "
        "onze [acties|ontmoetingen]",
    ),
    "functie_niet:gemeenschapsvormende-functie": (
        "[De gemeenschapsvormende functie kiezen we niet|Gemeenschapsvorming als functie "
        "laten we bewust terzijde], al blijft [ontmoeting|groepsvorming] [vanzelfsprekend|"
        "natuurlijk] een onderdeel van onze werking",
    ),
    "functie_niet:maatschappelijke-bewegingsfunctie": (
        "[De maatschappelijke bewegingsfunctie kiezen we niet|Actievoeren als kernfunctie "
        "nemen we niet op]: we treden niet op als [actiegroep|drukkingsgroep], al geven we wel "
        "signalen door aan [beleidsmakers|partners]",
    ),
    # ------------------------------------------------------------------ rollen
    "verbindende-rol": (
        "We [slaan|bouwen] bruggen tussen [mensen met verschillende achtergronden|generaties|"
        "buurtbewoners en instellingen|{dg} en {dg2}]",
        "[Onze medewerkers treden|We treden] op als [bruggenbouwers|tussenpersonen|makelaars] "
        "tussen [burgers en beleid|vragen en antwoorden|mensen en organisaties]",
        "Het [samenbrengen|verbinden] van [uiteenlopende|verschillende] [groepen|"
        "perspectieven|werelden] [zien we als|beschouwen we als] [een kerntaak|onze sterkste "
        "troef]",
        "[Waar|Wanneer] [groepen|mensen] [langs elkaar heen leven|elkaar niet meer begrijpen], "
        "[creëren|zoeken] we [ontmoetingsruimte|plekken voor dialoog|gesprekstafels]",
        "Via {praktijk} [komen|raken] {dg} in [contact|gesprek] met [{dg2}|lokale diensten|buren "
        "die ze anders nooit zouden spreken]",
        "[Bewoners|Mensen] uit [verschillende|uiteenlopende] [generaties|culturen|wijken] "
        "[leren elkaar kennen|raken met elkaar in gesprek] via {praktijk}",
        "We brengen [{partner} en {partner2}|scholen, diensten en bewoners] [rond de tafel|samen]",
        "Als [schakel|bindmiddel] tussen [de buurt en instellingen|burgers en beleid] vertalen "
        "we [vragen|noden] [over en weer|in twee richtingen]",
        "[Ontmoeting|Dialoog] over grenzen heen [organiseren|faciliteren] we [in {stad}|op "
        "plaatsen waar mensen elkaar zelden kruisen]",
        "[Verbinden|Bruggen bouwen] [is geduldig werk|vraagt tijd en vertrouwen], [zeker|"
        "vooral] [waar wantrouwen leeft|als er spanningen zijn]",
        "Rond {thema} brengen we [mensen met tegengestelde meningen|voorstanders en "
        "tegenstanders] [rond dezelfde tafel|samen aan tafel]",
        "[Soms|Vaak] [volstaat|is] [een koffie|een gedeelde maaltijd|een gezamenlijke klus] "
        "[om vooroordelen te laten smelten|om het ijs te breken] tussen {dg} en {dg2}",
        "[Wie elkaar kent|Wie samen iets doet], [oordeelt|spreekt] [milder|genuanceerder] over "
        "de ander; [daar|op dat inzicht] [bouwen|steunen] we [op]",
    ),
    "kritische-rol": (
        "We [stellen kritische vragen|durven vragen te stellen] bij [evidenties|beleid|"
        "dominante verhalen] over {thema}",
        "Als [waakhond|luis in de pels|kritische stem] [signaleren|kaarten] we [aan] wat "
        "[misloopt|niet klopt|mensen uitsluit]",
        "Ons [maatschappijkritisch|kritisch] [denken|perspectief] [voeden|onderbouwen] we "
        "[met onderzoek|met getuigenissen|met cijfers uit het veld]",
        "We [geven|bieden] [een tegenstem|een ander verhaal|een alternatief perspectief] "
        "[wanneer|als] [beslissingen over de hoofden van {dg} heen worden genomen|maatregelen de "
        "zwaksten treffen]",
        "[Kritisch zijn|Een kritische houding] [betekent voor ons|is voor ons] niet enkel tegen "
        "zijn, maar ook [alternatieven aanreiken|zelfkritisch durven kijken]",
        "We leggen de vinger op [blinde vlekken|uitsluiting|onrecht] in [het beleid|de "
        "samenleving] rond {thema}",
        "Onze [opiniestukken|standpunten|beleidsnota's] over {thema} [vinden|krijgen] "
        "[weerklank|een plaats] [in de pers|bij beleidsmakers]",
        "Niet alles [wat nieuw is|wat beleid heet], [is vooruitgang|is goed voor {dg}]; die "
        "boodschap [brengen|verdedigen] we [luid|met overtuiging]",
        "We [bevragen|toetsen] ook [onszelf|onze eigen praktijk]: wie [sluiten|laten] we "
        "[onbewust|ongewild] [uit|buiten]?",
        "Samen met [deelnemers|{dg}] [analyseren|ontleden] we de [oorzaken|mechanismen] "
        "[achter|van] [ongelijkheid|armoede|uitsluiting] {gebied}",
        "[Tegendraads denken|Een kritische blik] [houdt|maakt] [ons|de sector] [scherp|wakker]",
        "[We publiceren|We schrijven] [jaarlijks|geregeld] [een analyse|een dossier] over [de "
        "gevolgen van beleid voor {dg}|{thema}], [samen met|met steun van] {partner}",
        "[Wie|Mensen die] [het moeilijk hebben|uit de boot vallen], [zijn|worden] [vaak|te "
        "vaak] [het onderwerp|het voorwerp] van beleid, [zelden|nauwelijks] [de auteur|een "
        "gesprekspartner]",
    ),
    "laboratoriumrol": (
        "We [experimenteren met|testen|proberen] [nieuwe werkvormen|onontgonnen methodieken|"
        "andere manieren van samenwerken] [in een veilige omgeving|op kleine schaal|samen met "
        "deelnemers]",
        "Niet elk experiment [hoeft te slagen|lukt meteen]; [mislukken mag|ook een mislukking "
        "levert inzichten op]",
        "Als [proeftuin|laboratorium] [ontwikkelen we|werken we] [praktijken|methodes] "
        "[uit] die [andere organisaties|partners] [later kunnen overnemen|daarna opschalen]",
        "[We reserveren een deel van ons budget|Elk jaar gaat er tijd en geld] [voor|naar] "
        "[pilootprojecten|proefprojecten|experimenten] rond {thema}",
        "Wat [werkt|aanslaat], [nemen we op in|verankeren we in] [het reguliere aanbod|de vaste "
        "werking]; [de rest|wat niet werkt] [documenteren|evalueren] we grondig",
        "In {praktijk} [proberen|testen] we [in {jaar}|de komende jaren] een aanpak uit die "
        "[nog nergens|elders nog niet] [werd uitgeprobeerd|bestaat]",
        "[Proefprojecten|Pilots] krijgen bij ons [een vaste plaats|een eigen budget] en [een "
        "duidelijke|een vooraf bepaalde] [looptijd|evaluatie]",
        "We [documenteren|beschrijven] [elk experiment|iedere proef] [zorgvuldig|"
        "systematisch], zodat [anderen|collega-organisaties] [ervan kunnen leren|de aanpak "
        "kunnen overnemen]",
        "Samen met {partner} [zetten we|starten we] [een proeftuin|een lab] [op] rond {thema}",
        "[Durven experimenteren|Het lef om te mislukken] [vraagt|veronderstelt] [vertrouwen|"
        "ruimte] van [het bestuur|subsidiegevers|partners]",
        "Uit [een reeks|enkele] [kleinschalige|snelle] [tests|experimenten] [groeide|ontstond] "
        "[een nieuw|een vernieuwend] [format|aanbod] voor {dg}",
        "[Een|Ons] [experiment|proefproject] met {praktijk} [loopt|duurt] [zes maanden|een "
        "jaar] en wordt [begeleid door|geëvalueerd samen met] {partner}",
    ),
    # ------------------------------------------------------------------ werking
    "vrijwilligers": (
        "Zonder [onze {vrijw} vrijwilligers|de {vrijw} mensen die zich onbezoldigd inzetten|ons "
        "vrijwillig kader] [draait|bestaat] [onze werking|{ons}] niet",
        "[Vrijwillige|Onbezoldigde] [lesgevers|begeleiders|trekkers|gastvrouwen en gastheren] "
        "[dragen het aanbod|zijn de ruggengraat van de werking]",
        "We [investeren in|zetten in op] [vorming|coaching|waardering] van [wie zich vrijwillig "
        "engageert|ons vrijwillig kader]",
        "Het [profiel|engagement] van [de vrijwilliger|vrijwilligers] [verandert|evolueert]: "
        "[korter engagement|projectmatige inzet|flexibele inzet] wordt de norm",
        "Een [vrijwilligersbeleid|vrijwilligersvisie] met [duidelijke afspraken|een onthaalmap|"
        "een jaarlijks bedankingsmoment] [geeft|biedt] [houvast|erkenning]",
        "[Mensen uit de doelgroep|Deelnemers van het eerste uur] [groeien door|stromen door] "
        "naar [een vrijwillig engagement|een rol als trekker|het bestuur]",
        "We [zoeken|werven] [actief|gericht] [nieuwe|jongere|diverse] [vrijwillige krachten|"
        "medestanders], [onder meer|bijvoorbeeld] via [{partner}|de vrijwilligerscentrale|ons "
        "eigen netwerk]",
        "[Een vrijwilliger|Wie zich bij ons engageert] [kan rekenen op|krijgt] [een "
        "aanspreekpunt|een vaste begeleider|een verzekering en een onkostenvergoeding]",
        "[Jaarlijks|Elk jaar] [bedanken|vieren] we [ons vrijwillig kader|de mensen die zich "
        "belangeloos inzetten] [met een feest|op een bedankingsdag] in {stad}",
        "[Vrijwillige inzet|Onbetaald engagement] mag nooit [goedkope arbeid|een vervanging "
        "van betaalde jobs] worden",
        "[Steeds vaker|Meer en meer] [engageren|melden] zich [jongere|werkende] [mensen|"
        "volwassenen] voor [een afgebakende taak|een kortlopend project]",
        "[Onze kernvrijwilligers|De trekkers] [dragen mee de verantwoordelijkheid|nemen mee "
        "verantwoordelijkheid op] voor [programmatie|onthaal|logistiek]",
        "[Wie zich inzet|Wie meedraait], [leert|groeit] [zelf|ook] [veel|mee]: [organiseren, "
        "overleggen en communiceren|plannen en samenwerken] [zijn|blijken] [vaardigheden die "
        "ook elders van pas komen|waardevolle competenties]",
    ),
    "vrijwilligers@afd": (
        "[De|Onze] {afd} [afdelingen|lokale groepen] [draaien|steunen] [volledig|bijna "
        "volledig] op vrijwillige bestuursploegen, die we [ondersteunen|begeleiden] [met "
        "regionale medewerkers|via een kaderopleiding]",
        "[Afdelingsbesturen|Lokale bestuursploegen] [vernieuwen|verjongen] [is|blijft] een "
        "[uitdaging|aandachtspunt]: [in|bij] [een derde|een kwart] van de afdelingen [zoeken "
        "we nieuwe trekkers|staat de opvolging onder druk]",
    ),
    "diversiteit-inclusie": (
        "[Onze werking|Ons publiek|Ons team] [weerspiegelt|vertegenwoordigt] [nog te weinig|"
        "onvoldoende] de [superdiverse|diverse] samenleving {gebied}",
        "We [werken aan|streven naar] [een inclusieve|een toegankelijke|een open] [organisatie|"
        "werking] waar [iedereen|elke deelnemer] [zich welkom voelt|zichzelf kan zijn]",
        "[Drempels|Uitsluitingsmechanismen] in [onze communicatie|ons aanbod|onze structuren] "
        "brengen we in kaart [samen met|met hulp van] [ervaringsdeskundigen|{partner}|de "
        "betrokken groepen]",
        "[Diversiteit|Verschil] gaat niet alleen over [afkomst|herkomst], maar ook over "
        "[gender|leeftijd|beperking|seksuele oriëntatie|sociaaleconomische positie]",
        "We [werken met|voorzien] [toegankelijke locaties|tolken|vereenvoudigde taal|"
        "pictogrammen|een prijsbeleid op maat]",
        "[Ons bestuur|Onze raad van bestuur|Het team] moet [diverser worden|de diversiteit van "
        "de deelnemers weerspiegelen]; daarvoor [zetten we concrete stappen|leggen we meetbare "
        "streefcijfers vast]",
        "[Interculturele competenties|Een diversiteitsbewuste houding] [versterken|bouwen] we "
        "[op] [via vorming|via intervisie|in een traject met {partner}]",
        "Een [drempelscan|toegankelijkheidsplan] bracht in kaart welke [hindernissen|drempels] "
        "[mensen met een beperking|{dg}] [ervaren|tegenkomen]",
        "[Inclusie|Iedereen meenemen] [vraagt|betekent] [soms|vaak] [anders werken|het aanbod "
        "herdenken], niet enkel [de deur openzetten|mensen uitnodigen]",
        "[Meertalige|Vereenvoudigde] [folders|uitnodigingen] en [tolken|brugfiguren] [maken het "
        "verschil|verkleinen de drempel]",
        "Bij [vacatures|de werving van personeel] [kijken we bewust naar|letten we "
        "uitdrukkelijk op] [een divers team|kandidaten met een andere achtergrond]",
        "[Gelijkwaardigheid|Erkenning van verschil] [betekent|vraagt] ook dat we "
        "[luisteren naar|ruimte maken voor] [ervaringsdeskundigen|de stem van {dg}]",
        "[Niet-leden|Mensen zonder lidkaart] zijn [welkom|even welkom] [op|bij] [al onze "
        "activiteiten|het grootste deel van ons aanbod]",
    ),
    "digitalisering": (
        "[Onze website|De online inschrijvingen|Onze nieuwsbrief] [vernieuwen|moderniseren] "
        "we [in {jaar}|tegen {jaar}|in de loop van {jaar}]",
        "[Webinars|Online sessies|Hybride vormingen] [zijn|vormen] intussen [een vast "
        "onderdeel|een volwaardig deel] van [het aanbod|onze werking]",
        "[De digitale kloof|Digitale uitsluiting|Het gebrek aan digitale vaardigheden] [treft|"
        "raakt] {dg} [hard|sterk|in het bijzonder]",
        "We [investeren in|kiezen voor] [een nieuw CRM-pakket|een gedeeld online platform|een "
        "digitaal registratiesysteem|cloudopslag en veilige werkplekken]",
        "[Digitale|Online] [tools|instrumenten] [vervangen|verdringen] [de ontmoeting|het "
        "persoonlijke contact] niet; ze [vullen die aan|verlagen soms drempels]",
        "[Medewerkers en vrijwilligers|Het team] [krijgen vorming|krijgen ondersteuning|volgen "
        "een opleiding] [rond|over] [digitale vaardigheden|online begeleiden|privacy en de GDPR]",
        "[Sociale media|Instagram en Facebook|Onze online kanalen] [gebruiken we|zetten we in] "
        "om [jongere|nieuwe] [doelgroepen|publieken] [te bereiken|aan te spreken]",
        "[Mediawijsheid|Kritisch omgaan met nieuws en algoritmes] [krijgt|heeft] [een plaats|"
        "een vaste plek] in [ons aanbod|onze vormingen]",
        "Een [online|digitaal] [leerplatform|inschrijvingssysteem] [moet|zal] [in {jaar}|tegen "
        "{jaar}] [klaar|operationeel] zijn",
        "[Niet iedereen|Lang niet iedereen] is mee in de [digitale|online] [wereld|samenleving]; "
        "daarom [blijven we ook papieren alternatieven aanbieden|houden we ook fysieke "
        "kanalen open]",
        "[E-inclusie|Digitale inclusie] [is|wordt] een [rode draad|aandachtspunt] [in|doorheen] "
        "[al onze|onze] praktijken",
        "[Vrijwilligers|Digidokters] [helpen|ondersteunen] [mensen|{dg}] [bij|met] [hun "
        "smartphone|online formulieren|videobellen]",
        "[Gegevens|Data] van [deelnemers|leden] [beheren|bewaren] we [veilig|conform de "
        "privacywetgeving]",
    ),
    "samenwerking-netwerken": (
        "We [werken|werken structureel|werken nauw] samen met {partner} [en|maar ook met] "
        "{partner2}",
        "[Samenwerken|Netwerken] is [geen doel op zich|geen vrijblijvende zaak], maar [een "
        "manier|een hefboom] om [meer mensen te bereiken|expertise te bundelen|sterker te staan]",
        "Met {partner} [sloten we|ondertekenden we] [een samenwerkingsakkoord|een convenant|een "
        "meerjarige overeenkomst] over {thema}",
        "We [zijn lid van|nemen deel aan|zetelen in] [het regionale overleg|het netwerk|de "
        "stuurgroep] over {thema}, samen met [een twintigtal|een tiental] [organisaties|partners]",
        "[Partnerschappen|Samenwerkingen] met [het onderwijs|scholen|hogescholen zoals "
        "{kennispartner}] [voeden|verrijken] [onze praktijk|ons aanbod] met [onderzoek|nieuwe "
        "inzichten]",
        "[Elke samenwerking|Ieder partnerschap] [evalueren|bekijken] we [jaarlijks|op het einde "
        "van het jaar] [met de betrokken partners|samen]",
        "We [delen|bundelen] [expertise|middelen|infrastructuur] met andere "
        "[sociaal-culturele|sociaal-cultureel werkende] organisaties {gebied}",
        "Zonder [partners|de steun van partners] [zoals|als] {partner} [zou dit aanbod niet "
        "bestaan|was deze werking ondenkbaar]",
        "We [kiezen voor|gaan in zee met] [partners|organisaties] die [onze waarden delen|"
        "complementair zijn]",
        "[Een|Het] [netwerk|overleg] over {thema} {gebied} [telt intussen een vijftiental "
        "organisaties|brengt vandaag ruim twintig partners samen]",
        "Met andere [sociaal-culturele organisaties|organisaties uit het middenveld] "
        "[organiseren we een gezamenlijke vorming|delen we een secretariaat|organiseren we een "
        "jaarlijkse studiedag]",
        "[Samenwerken|Partnerschappen] [kost|vragen] [tijd|energie], maar [levert|leveren] "
        "[veel|meer bereik en expertise] op",
        "[Onderzoekers|Studenten] van {kennispartner} [volgen {praktijk} en delen hun "
        "bevindingen met het team|onderzoeken onze praktijk en koppelen terug naar het team]",
        "[Met|Samen met] {lokalepartner} [organiseren|verzorgen] we [het onthaal|de "
        "praktische kant|de promotie] van [{praktijk}|onze activiteiten in {stad}]",
    ),
    "lokale-werking": (
        "[Dicht bij mensen zijn|Nabijheid] blijft ons uitgangspunt: we [organiseren|brengen] "
        "[onze activiteiten|ons aanbod] [in de wijken van {stad}|in dorpen en gemeenten "
        "{gebied}|in buurthuizen en parochiezalen]",
        "Met [lokale besturen|gemeenten|het stadsbestuur van {stad}] [maken|sluiten] we "
        "[afspraken|overeenkomsten] over [zalen|ondersteuning|communicatie]",
        "In {stad} en {stad2} [zijn we|blijven we] [sterk verankerd|stevig aanwezig|zichtbaar]",
        "[Lokale|Buurtgerichte] [projecten|initiatieven] [vertrekken|groeien] [vanuit|uit] [de "
        "noden|de vragen|de dromen] van [bewoners|de buurt|lokale groepen]",
        "Het [lokale|buurtniveau] [is|blijft] [de plaats|het schaalniveau] waar [mensen elkaar "
        "echt ontmoeten|vertrouwen groeit|engagement begint]",
        "[Lokale|Gemeentelijke] [overheden|besturen] [zien|beschouwen] ons [als een partner|"
        "steeds meer als een bondgenoot] [in hun sociaal beleid|voor de aanpak van {thema}]",
        "In de [wijk|buurt] rond [ons huis|ons lokaal] in {stad} [kennen|herkennen] [mensen|"
        "bewoners] [ons|onze medewerkers] [bij naam|persoonlijk]",
        "We [schuiven aan|nemen deel] [aan het lokaal sociaal beleid|aan het buurtoverleg|in de "
        "cultuurraad] [van|in] {stad}",
        "[Een|Onze] [buurtwerking|lokale werking] [start|vertrekt] [altijd|steeds] [met een "
        "wijkverkenning|vanuit gesprekken aan de voordeur]",
        "[In|Voor] [kleinere gemeenten|landelijke dorpen] [zoeken|vinden] we [lokale|"
        "plaatselijke] [sleutelfiguren|partners] [die de weg kennen|met een groot netwerk]",
    ),
    "lokale-werking@afd": (
        "[Onze|De] {afd} [afdelingen|lokale afdelingen|plaatselijke groepen] [vormen|zijn] "
        "[het kloppend hart|de basis] van {ons}",
        "[Elke afdeling|Iedere lokale groep] [stelt|maakt] [zelf|in eigen regie] een "
        "[jaarprogramma|activiteitenaanbod] [op], [met ondersteuning van|begeleid door] [de "
        "regiowerking|een regioverantwoordelijke]",
        "[Het aantal afdelingen|Ons afdelingsnetwerk] [daalde|kromp] [licht|de voorbije "
        "jaren]; daarom [investeren we in|zetten we in op] [herstart|ondersteuning|fusies] van "
        "[kleinere|kwetsbare] afdelingen",
        "[Afdelingsbesturen|Lokale bestuursploegen] [krijgen|ontvangen] [een startpakket|een "
        "werkingsbudget|vorming] en [kunnen rekenen op|kunnen een beroep doen op] [de nationale "
        "ploeg|het secretariaat]",
    ),
    "brussel": (
        "[Brussel|De hoofdstad] [is|blijft] een [bijzondere|uitdagende|boeiende] [context|"
        "omgeving] voor [onze werking|sociaal-cultureel werk]",
        "In [Brussel|de Brusselse context] [werken we|zoeken we samenwerking] met "
        "[Franstalige|meertalige] partners [zoals|en] [het Brusselse middenveld|lokale "
        "gemeenschapscentra]",
        "[De meertaligheid|De superdiversiteit|De jonge bevolking] van [Brussel|de hoofdstad] "
        "[vraagt|vergt] [een eigen aanpak|aangepaste methodes|aparte inspanningen]",
        "[Tegelijk|Anderzijds] is [Brussel|de hoofdstad] [een plek|de plek bij uitstek] waar "
        "[nieuwe praktijken ontstaan|vernieuwing het eerst zichtbaar wordt]",
        "In [Brussel|de Brusselse wijken] [werken we|zoeken we aansluiting] met "
        "[gemeenschapscentra|buurthuizen|Brusselse zelforganisaties]",
    ),
    "brussel@bru": (
        "Vanuit [ons huis in {zetel}|onze thuisbasis in {zetel}] [werken we|zijn we actief] "
        "[in alle negentien gemeenten|in de Brusselse wijken|in de Kanaalzone]",
        "Als [Nederlandstalige|Vlaamse] organisatie in [Brussel|de hoofdstad] [bereiken we|"
        "spreken we] [ook|heel wat] [anderstaligen|mensen die thuis een andere taal spreken] "
        "aan",
        "[We werken nauw samen met|We overleggen geregeld met] de [Vlaamse "
        "Gemeenschapscommissie|VGC] en [de Brusselse gemeenschapscentra|lokale Brusselse "
        "partners]",
        "[Brusselaars|Bewoners van {zetel}] [leven dicht op elkaar|wonen in wijken met weinig "
        "groen|wonen in een van de jongste regio's van het land]; dat [kleurt|bepaalt] [onze "
        "prioriteiten|ons aanbod]",
        "Onze [deelnemers|bezoekers] [in|uit] [Brussel|{zetel}] spreken [samen|onderling] "
        "[meer dan twintig|tientallen] [talen|moedertalen]",
        "De [Brusselse|grootstedelijke] [realiteit|context] [vraagt|betekent] dat we [over "
        "taalgrenzen heen|over gemeenschapsgrenzen heen] werken",
    ),
    "brussel@nonbru": (
        "Ook in Brussel [organiseren|brengen] we [jaarlijks|geregeld] [activiteiten|een deel "
        "van ons aanbod], [vaak|meestal] [samen met|in samenwerking met] [een Brussels "
        "gemeenschapscentrum|een Brusselse partner]",
        "[Ons werkingsgebied|Onze werking] [reikt|loopt] tot in Brussel, waar we [nog zoekende "
        "zijn|een kleinere maar groeiende groep bereiken]",
        "Via [een Brusselse partner|een gemeenschapscentrum in Brussel] [bereiken we ook|"
        "vinden we ook] [anderstalige|nieuwe] [deelnemers|groepen]",
    ),
    "internationale-werking": (
        "Via [Erasmus+|een Europees partnerschap|een uitwisselingsproject] [leren we van|"
        "kijken we naar] {intl}",
        "[Internationale|Europese] [uitwisseling|samenwerking] [verruimt|verbreedt] [onze "
        "blik|het perspectief van medewerkers en deelnemers]",
        "[Elk jaar|Om de twee jaar] [trekt|reist] een [groep|delegatie] [deelnemers|"
        "vrijwilligers|medewerkers] [naar|op studiebezoek bij] {intl}",
        "[Mondiale|Internationale] [thema's|vraagstukken] [zoals|als] [migratie|klimaat|"
        "eerlijke handel] [krijgen|hebben] [ook|een] plaats in [onze lokale activiteiten|onze "
        "werking]",
        "We [zijn lid van|participeren in] [een Europees|een internationaal] netwerk van "
        "[organisaties voor volwasseneneducatie|sociaal-culturele organisaties]",
        "[Inspiratie|Ideeën] [halen|vinden] we [ook|evengoed] [over de grens|in het "
        "buitenland], [bijvoorbeeld|onder meer] bij {intl}",
        "Met {intl} [wisselen we methodieken uit|delen we ervaringen] over {thema}",
        "[Europese|Internationale] [projectmiddelen|subsidies] [maken|maakten] "
        "[studiereizen|uitwisselingen] [voor vrijwilligers|voor medewerkers] [mogelijk|"
        "haalbaar]",
        "[Noord-Zuid-solidariteit|Internationale solidariteit] [krijgt|heeft] [een plaats|een "
        "vaste plek] in [onze campagnes|ons aanbod]",
        "[Buitenlandse|Europese] [collega's|partners] [bezoeken ons|komen naar {stad}] om "
        "[onze aanpak|de praktijk] [te leren kennen|te bekijken]",
    ),
    "innovatie-experiment": (
        "[Vernieuwing|Innovatie] [ontstaat|groeit] [vaak|meestal] [aan de randen|op "
        "onverwachte plekken|in gesprek met deelnemers]",
        "We [testen|proberen] [in {jaar}|de komende jaren] [een nieuw format|een andere aanpak|"
        "een nieuwe methodiek] [uit] [rond|voor] {thema}",
        "[Design thinking|Co-creatie|Participatief ontwerp] [helpt|ondersteunt] ons om [het "
        "aanbod|nieuwe praktijken] samen met [deelnemers|{dg}] [te ontwikkelen|te herdenken]",
        "Niet elk [nieuw idee|vernieuwend voorstel] [haalt de eindmeet|overleeft de evaluatie], "
        "[en dat is oké|maar we leren er telkens uit]",
        "[Een innovatiebudget|Een vernieuwingsfonds|Een experimentenpot] [geeft|biedt] "
        "[medewerkers|vrijwilligers] [ruimte|de kans] om [ideeën|plannen] [snel|kleinschalig] "
        "[uit te proberen|te testen]",
        "[Nieuwe|Frisse] [ideeën|voorstellen] [komen vaak van|ontstaan geregeld bij] "
        "[deelnemers|vrijwilligers|jonge medewerkers]",
        "Samen met {partner} [verkennen|onderzoeken] we de mogelijkheden van [co-creatie|"
        "participatief onderzoek]",
        "Een [proef|test] met {praktijk} in {stad} [leverde|bracht] [verrassende|nieuwe] "
        "[inzichten|resultaten] [op]",
        "[Vernieuwen|Innoveren] betekent voor ons niet [alles omgooien|de hype volgen], "
        "[wel|maar] [slim bijsturen|gericht uitproberen]",
        "We [houden|reserveren] [elk jaar|jaarlijks] [tijd|ruimte] [vrij] voor [ideeën die nog "
        "nergens passen|onverwachte kansen]",
    ),
    "communicatie-beeldvorming": (
        "[Onze communicatie|Hoe we communiceren] [moet|wil] [helder|toegankelijk|warm] [zijn|"
        "blijven], [in klare taal|zonder jargon]",
        "We [vertellen|brengen] [het verhaal|de verhalen] van [onze deelnemers|{dg}] [via onze "
        "website|op sociale media|in een magazine|op de lokale radio]",
        "[Het beeld|De beeldvorming] over {dg} is [vaak|te vaak] [eenzijdig|negatief|"
        "stereotiep]; we [zetten|brengen] daar [genuanceerde verhalen|een ander verhaal] "
        "tegenover",
        "[Een nieuwe huisstijl|Een vernieuwde huisstijl|Een communicatieplan] [moet|zal] "
        "[onze herkenbaarheid|onze zichtbaarheid] [versterken|vergroten] [tegen {jaar}|vanaf "
        "{jaar}]",
        "[Onze nieuwsbrief|Ons ledenblad|Ons magazine] [bereikt|gaat naar] [zo'n|ongeveer] "
        "{leden} [lezers|abonnees|adressen]",
        "[Regionale media|Journalisten] [vinden|kennen] [ons|de weg naar ons] [steeds beter|"
        "wanneer het over {thema} gaat]",
        "[Onze website|Onze nieuwsbrief] [trekt|bereikt] [maandelijks|jaarlijks] [ruim|zo'n] "
        "{deeln} [bezoekers|lezers]",
        "Met [een reeks portretten|korte filmpjes|een podcast] [tonen we|laten we zien] wie "
        "[onze deelnemers|{dg}] zijn",
        "[Klare taal|Eenvoudige taal] [is|blijft] [een must|de norm] in [al onze|onze] "
        "[brieven|uitnodigingen|teksten]",
        "We willen het [beeld|verhaal] over {thema} [bijsturen|nuanceren] [met|via] "
        "[verhalen van mensen zelf|eigen getuigenissen]",
        "[Een|Ons] [communicatieplan|mediaplan] [bepaalt|legt vast] welke [boodschappen|"
        "verhalen] we [via welke kanalen|wanneer] [brengen|verspreiden]",
    ),
    # ------------------------------------------------------------------ strategie
    "strategische-doelstellingen": (
        "[Deze|Die] [strategische doelstelling|langetermijndoelstelling] [vertaalt|zet] [onze "
        "missie|de contextanalyse] om in [een heldere richting|een concrete ambitie] voor [de "
        "komende vijf jaar|2021-2025]",
        "[Tegen 2025|Op het einde van de beleidsperiode] willen we dat {dg} [zichtbaar sterker "
        "staan|meer zeggenschap hebben|beter toegerust zijn]",
        "We kozen voor [deze beleidsperiode|2021-2025] [bewust|welbewust] [een beperkt aantal|"
        "{aantal}] [strategische doelen|prioriteiten]",
        "[Dit doel|Deze doelstelling] [sluit aan bij|beantwoordt aan|vertrekt van] [de "
        "uitdagingen|de kansen] [uit de contextanalyse|die we eerder beschreven]",
        "[Elke|Iedere] strategische [keuze|doelstelling] [werd|is] [afgetoetst|besproken] met "
        "[deelnemers, vrijwilligers en partners|het bestuur en het team]",
        "Met [deze|die] [doelstelling|ambitie] willen we [tegen 2025|binnen vijf jaar] [een "
        "blijvend|een zichtbaar] verschil maken voor {dg}",
        "[De strategische doelen|Onze doelen voor 2021-2025] vormen [samen|samen genomen] [een|"
        "het] [kompas|richtsnoer] voor [het team|de organisatie]",
        "We vertrekken [hier|daarbij] [van|vanuit] [de vaststelling|het inzicht] dat "
        "{thema} [onder druk staat|meer aandacht verdient] {gebied}",
        "[Concreet|Kort gezegd] [vertaalt deze doelstelling zich in|werken we dit doel uit in] "
        "[twee|drie|vier] [operationele doelstellingen|concrete doelen]",
        "[Succes|Geslaagd] is [dit doel|deze doelstelling] [als|wanneer] {dg} [zelf|in eigen "
        "woorden] [kunnen aangeven wat er veranderde|het verschil merken in hun dagelijks "
        "leven]",
    ),
    "operationele-doelstellingen": (
        "[Concreet|Praktisch] [organiseren|zetten] we [jaarlijks|elk jaar|per seizoen] "
        "[minstens|zo'n] {aantal} [activiteiten|sessies|bijeenkomsten] [op] in {stad}",
        "Om [die doelstelling|dit doel] te [realiseren|bereiken], [plannen|voorzien] we "
        "[een reeks acties|{aantal} concrete acties]",
        "De [timing|planning] ziet er zo uit: [opstart|start] in {jaar}, [evaluatie|bijsturing] "
        "[halverwege|na twee jaar]",
        "[Deze operationele doelstelling|Dit actiepunt] [wordt getrokken door|is in handen "
        "van] [een medewerker en een kerngroep van vrijwilligers|het team {thema}]",
        "We [meten|volgen] de [vooruitgang|voortgang] [via|met] [indicatoren|streefcijfers] "
        "zoals [het aantal deelnemers|de tevredenheid|het aantal nieuwe trekkers]",
        "Tegen {jaar} willen we [minstens|ten minste] {deeln} [deelnemers|mensen] bereiken "
        "[met|via] {praktijk}",
        "De [acties|stappen] [hieronder|die volgen] zijn gespreid over de [vijf|volgende vijf] "
        "jaar",
        "[Een projectgroep|Een werkgroep] van [medewerkers en vrijwilligers|team en deelnemers] "
        "[volgt de uitvoering op|bewaakt de voortgang]",
        "[Per|Voor elk] [jaar|werkjaar] [leggen we concrete mijlpalen vast|bepalen we haalbare "
        "streefcijfers]",
        "[Voor|Bij] [deze doelstelling|dit doel] rekenen we op {partner} voor [de lokalen|de "
        "communicatie|inhoudelijke expertise]",
    ),
    # ------------------------------------------------------------------ zakelijk
    "financien": (
        "[De werkingssubsidie|De structurele subsidie] van de Vlaamse overheid [blijft|is] "
        "[de basis|het fundament] van [onze inkomsten|ons budget]",
        "[Eigen inkomsten|Eigen middelen] uit [deelnemersbijdragen|lidgelden|verhuur|giften] "
        "[vormen|zijn] een [belangrijke|noodzakelijke] [aanvulling|buffer]",
        "We voeren een [voorzichtig|gezond|behoedzaam] financieel beleid en bouwen [een buffer|"
        "reserves] op [voor onvoorziene kosten|om tegenvallers op te vangen]",
        "[De begroting|Onze begroting] [is|werd] opgemaakt [in constante prijzen|in lopende "
        "prijzen met een indexatie van twee procent]",
        "[Projectsubsidies|Middelen uit projectoproepen] [van|bij] [provincie, steden en "
        "fondsen|lokale besturen en Europa] [maken|houden] [experimenten|nieuwe initiatieven] "
        "[mogelijk|betaalbaar]",
        "[De personeelskost|De loonkost] [is goed voor|vertegenwoordigt] [het grootste deel|"
        "ruim twee derde] van [de uitgaven|het budget]",
        "[Een boekhoudkantoor controleert de rekeningen jaarlijks|Een externe accountant "
        "controleert de jaarrekening|De penningmeester volgt de cijfers driemaandelijks op]",
        "[Een|De] [indexering|loonindexering] van [de subsidie|onze middelen] is [cruciaal|"
        "noodzakelijk] om [de loonkost te dragen|het personeelsbestand op peil te houden]",
        "We [sparen|reserveren] [jaarlijks|elk jaar] [een klein bedrag|een deel van het "
        "resultaat] [voor investeringen|als sociaal passief]",
        "[Deelnemersbijdragen|Prijzen voor activiteiten] houden we [bewust|uitdrukkelijk] "
        "[laag|betaalbaar], ook al [drukt dat de eigen inkomsten|kost dat marge]",
        "Ons [financieel beheer|boekhoudsysteem] [wordt in {jaar}|werd recent] "
        "[gedigitaliseerd|vernieuwd]",
        "[Elk kwartaal|Maandelijks] toetsen we [de uitgaven|de realisaties] aan "
        "[de begroting|het budget], [zodat we tijdig kunnen bijsturen|om tijdig bij te sturen]",
    ),
    "medewerkers": (
        "[Ons team|De personeelsploeg] [bestaat uit|telt] [gedreven|ervaren|goed opgeleide] "
        "[professionals|medewerkers] met [uiteenlopende|verschillende] "
        "[achtergronden|opleidingen]",
        "[Competentieontwikkeling|Vorming voor het team|Bijscholing] [krijgt|heeft] [een vaste "
        "plaats|ruimte] in [ons personeelsbeleid|de jaarplanning]",
        "[Functioneringsgesprekken|Jaarlijkse gesprekken|Loopbaangesprekken] helpen "
        "[medewerkers|collega's] om te groeien in hun [job|rol]",
        "[Werkdruk|Welzijn op het werk|Een goede balans tussen werk en privé] [bewaken we|"
        "volgen we op] [met een jaarlijkse bevraging|via de preventieadviseur|in het "
        "teamoverleg]",
        "We [kiezen voor|werken met] [zelfsturende teams|een vlakke structuur|projectteams] met "
        "[duidelijke|heldere] [verantwoordelijkheden|rollen]",
        "Nieuwe [collega's|medewerkers] [krijgen|doorlopen] [een onthaaltraject|een "
        "inwerkperiode met een meter of peter]",
        "[Het paritair comité 329.01|PC 329.01] [bepaalt|regelt] [de loonschalen|de "
        "verloning]; daarnaast [voorzien|bieden] we [maaltijdcheques|een fietsvergoeding|"
        "afspraken over thuiswerk]",
        "[Medewerkers|Collega's] [krijgen|hebben] [ruimte|autonomie] om [eigen accenten te "
        "leggen|initiatief te nemen] binnen [hun opdracht|het team]",
        "We [bieden|voorzien] [flexibele|gezinsvriendelijke] [werktijden|uurroosters] en [de "
        "mogelijkheid tot thuiswerk|afspraken over bereikbaarheid]",
        "Bij [de aanwerving van|de selectie van] nieuwe [medewerkers|collega's] kijken we "
        "naast [diploma's|ervaring] ook naar [competenties|engagement]",
        "Het [team|personeel] komt [wekelijks|tweewekelijks] samen [voor een teamoverleg|op "
        "een planningsmoment]",
        "[Een deel van het team werkt deeltijds|Enkele collega's werken in een landingsbaan]; "
        "daarom [verdelen|organiseren] we [taken|de permanenties] [zorgvuldig|in onderling "
        "overleg]",
    ),
    "goed-bestuur": (
        "[De algemene vergadering|Onze algemene vergadering] [telt|bestaat uit] {avleden} "
        "[leden|stemgerechtigde leden] en [komt|vergadert] [minstens|ten minste] [één keer|twee "
        "keer] per jaar [samen]",
        "[De raad van bestuur|Het bestuursorgaan] bestaat uit [vrijwillige|onbezoldigde] "
        "bestuurders met [expertise in|kennis van] [financiën, recht en sociaal werk|"
        "personeelsbeleid en communicatie]",
        "We [onderschrijven|volgen] [de principes van de Code Cultural Governance|de "
        "aanbevelingen voor goed bestuur in cultuur]",
        "[Rollen|Taken en bevoegdheden] van bestuur en [directie|coördinatie] [zijn|werden] "
        "[helder|duidelijk] [afgebakend|vastgelegd] in [een huishoudelijk reglement|de "
        "statuten|een bestuurscharter]",
        "[Bestuurders|Bestuursleden] [zetelen|worden verkozen] voor [vier|zes] jaar, [eenmaal "
        "hernieuwbaar|met een rotatieschema]",
        "[Bestuurders melden mogelijke belangenconflicten|Mogelijke belangenvermenging wordt "
        "gemeld] [vooraf|bij de start van elke vergadering]",
        "[Het bestuur|De raad van bestuur] [evalueert|bekijkt] [zijn eigen werking|zichzelf] "
        "[jaarlijks|om de twee jaar] [tijdens een bestuursdag|aan de hand van een "
        "zelfevaluatie]",
        "[Het dagelijks bestuur|Een bureau] bereidt [de vergaderingen|de beslissingen] van [de "
        "raad van bestuur|het bestuur] voor",
        "[Nieuwe bestuurders|Kandidaat-bestuurders] [krijgen|volgen] [een onthaalmoment|een "
        "introductiepakket]",
        "[De directie|De coördinator] [rapporteert maandelijks|brengt op elke vergadering "
        "verslag uit] aan [het bestuur|de raad van bestuur]",
        "We [streven naar|willen] [een evenwichtige samenstelling|een divers bestuur] [naar|qua] "
        "[leeftijd, gender en achtergrond|profiel en expertise]",
        "[Verslagen|Notulen] van [de bestuursvergaderingen|de algemene vergadering] [zijn|"
        "liggen] ter inzage [voor de leden|op het secretariaat]",
    ),
    "infrastructuur": (
        "[Ons secretariaat|Onze thuisbasis|Ons kantoor] [is gevestigd|bevindt zich] in {zetel}, "
        "[vlot|goed] bereikbaar [met het openbaar vervoer|met de fiets en het openbaar vervoer]",
        "We [huren|beschikken over] [een gebouw|lokalen|een verdieping] met [vergaderzalen|een "
        "polyvalente zaal|een atelier]",
        "Voor [activiteiten|ons aanbod] [maken we gebruik van|huren we] [zalen|lokalen] [bij "
        "partners|in gemeenschapscentra|in bibliotheken]",
        "De [toegankelijkheid|rolstoeltoegankelijkheid] van [onze lokalen|het gebouw] "
        "[verbeteren we|pakken we aan] [in {jaar}|tegen {jaar}]",
        "[Het gebouw is|Onze lokalen zijn] [aan renovatie toe|energetisch verouderd]; [we "
        "plannen|er komen] [isolatiewerken|zonnepanelen|een nieuwe verwarming]",
        "[Laptops|IT-materiaal|Audiovisueel materiaal] [vervangen|vernieuwen] we [gefaseerd|"
        "volgens een afschrijvingsplan]",
        "Onze [lokalen|ruimtes] [stellen|zetten] we [ook|graag] [open|ter beschikking] voor "
        "[buurtgroepen|partners|niet-leden]",
        "Ons [gebouw|pand] in {zetel} [delen we met|huren we samen met] [andere organisaties|"
        "een partnerorganisatie]",
        "Voor [grotere|drukbezochte] [activiteiten|evenementen] [huren|reserveren] we [zalen|"
        "een zaal] in [{stad}|de buurt]",
    ),
    "kwaliteitszorg": (
        "[Kwaliteit|Goed werk] [bewaken|volgen] we [systematisch|cyclisch] [op] [volgens de "
        "PDCA-cirkel|met een plan-do-check-act-cyclus]",
        "Na [elke activiteit|iedere reeks] [vragen|peilen] we [naar] [de tevredenheid|feedback] "
        "[van deelnemers|bij deelnemers]; de gemiddelde score [is|bedraagt] [8 op 10|7,8 op 10|"
        "ruim 80 procent]",
        "[Een jaarlijkse|Een tweejaarlijkse] [evaluatiedag|zelfevaluatie] [met team en bestuur|"
        "met alle betrokkenen] stuurt [de planning|de werking] bij",
        "We [registreren|houden] [deelnames|activiteiten] [bij] in [een databank|ons "
        "registratiesysteem], wat ons [toelaat|helpt] [trends te zien|bij te sturen]",
        "[Een kwaliteitshandboek|Een kwaliteitskader] [beschrijft onze processen|legt vast hoe "
        "we werken] en wordt [jaarlijks|geregeld] [geactualiseerd|herzien]",
        "[Indicatoren|Kerncijfers] [bespreken|rapporteren] we [elk kwartaal|halfjaarlijks] [op "
        "het bestuur|in het team]",
        "[Deelnemers|Vrijwilligers] [vullen|geven] na afloop [een korte|een digitale] "
        "[evaluatie|bevraging] [in]",
        "[Een kwaliteitscoördinator|Een stafmedewerker] [bewaakt de uitvoering van het plan|"
        "volgt de voortgang van de doelstellingen op]",
        "[Jaarlijks|Elk jaar] [maken|schrijven] we [een beknopt|een] [voortgangsrapport|"
        "jaarverslag] [voor het bestuur|voor de algemene vergadering]",
        "[Klachten|Opmerkingen] van [deelnemers|bezoekers] [registreren|behandelen] we "
        "[volgens|via] [een vaste procedure|een klachtenprocedure]",
    ),
    # ------------------------------------------------------------------ zonder code
    "geen": (
        "[In wat volgt|In dit hoofdstuk|Hieronder] [lichten we|zetten we] [onze keuzes|de "
        "verschillende onderdelen] [stap voor stap|kort] [toe|uiteen]",
        "[We komen|We gaan] [hier|daar] [verder|uitgebreider] op in [in het volgende "
        "hoofdstuk|verderop in dit plan|bij de doelstellingen]",
        "[Dit|Het] [hoofdstuk|deel] [werd|is] [geschreven|opgesteld] [door|samen met] [een "
        "schrijfgroep|een werkgroep] van [medewerkers en bestuurders|team en vrijwilligers]",
        "[We danken|Een woord van dank gaat naar] [iedereen die meedacht|alle mensen die "
        "meewerkten] aan [dit plan|deze tekst]",
        "[In bijlage vindt u|Achteraan vindt u] [de statuten|het organogram|de jaarcijfers van "
        "{pjaar}|een overzicht van onze partners]",
        "[In wat volgt|Hieronder] [gaan we|staan we] [eerst|kort] [in op|stil bij] [de context|"
        "onze keuzes]; daarna [volgen|komen] [de doelstellingen|de concrete plannen]",
        "Wie [dit plan|deze tekst] [leest|doorneemt], [merkt|ziet] [wellicht|misschien] dat "
        "[sommige|bepaalde] [thema's|praktijken] [meermaals terugkomen|doorheen de hoofdstukken "
        "terugkeren]",
        "[Zo|Op die manier] [kwamen|raakten] we [bij|aan] [dit|het] [thema|onderwerp], maar "
        "dat verhaal [loopt nog|vertellen we graag een andere keer]",
        "[Wat volgt|Het volgende deel] [is|biedt] een [overzicht|blik] per [thema|onderdeel], "
        "[zonder de pretentie volledig te zijn|met enkele voorbeelden]",
        "[De|Alle] [namen|voornamen] in [de getuigenissen|dit plan] [zijn|werden] [gewijzigd|"
        "aangepast] [om de privacy te beschermen|op vraag van de betrokkenen]",
        "[Dit plan|Deze tekst] [werd|is] [besproken|goedgekeurd] op de algemene vergadering "
        "van {maand} 2019",
        "[Een|De] [eerste|vorige] [versie|ontwerptekst] [lag|ging] [ter bespreking|voor "
        "feedback] [voor|naar] [de leden|onze partners] in {maand} 2019",
    ),
    "geen:praktijk": (
        "[Wie|Iemand die] [op een dinsdagavond|op een zaterdagvoormiddag|in het najaar] "
        "[binnenloopt|langskomt] in {stad}, [ziet|treft] [een volle zaal|koffie en een lange "
        "tafel|een bont gezelschap]",
        "[{persoon}|Een deelnemer], [{leeftijd} jaar|een van de vaste gezichten], [vertelde|"
        "zei] [ons|het ooit] zo: “Hier [voel ik me thuis|word ik gezien|mag ik zijn wie ik "
        "ben|leer ik elke week iets bij]”",
        "De [activiteiten|bijeenkomsten|sessies] [in {stad}|van {praktijk}] [vinden plaats|gaan "
        "door] [op weekdagen tussen 9 en 12 uur|op weekavonden van 19 tot 22 uur|op zaterdag "
        "tussen 14 en 17 uur]",
        "[Inschrijven|Aanmelden] [kan|gebeurt] [via het secretariaat|via de website|"
        "telefonisch] [tot|uiterlijk] [een week|drie dagen] [vooraf|op voorhand]",
        "Zoals [elk jaar|de vorige jaren] sluiten we [het seizoen|het werkjaar] af met [een "
        "feest|een barbecue|een slotmoment] in {stad}",
        "[Koffie en thee staan|Een drankje staat] altijd klaar; [soms|af en toe] [brengt "
        "iemand zelfgebakken taart mee|zorgt een deelnemer voor soep]",
        "[Het|Dat] [verhaal|voorbeeld] [illustreert|toont] beter dan [cijfers|woorden] [waarom|"
        "hoe] we doen wat we doen",
        "Op een [regenachtige|koude|zonnige] [dinsdag|woensdag|vrijdag] in {maand} [stapte|"
        "kwam] {persoon} [voor het eerst|aarzelend] binnen in {stad}. [Vandaag|Intussen] "
        "[zet|schenkt] [die|{persoon}] [zelf de koffie|de stoelen klaar]",
        "Het lokaal in {stad} gaat [om half negen|om negen uur|om zeven uur] open; wie [te "
        "laat is|later komt], [schuift gewoon aan|is evengoed welkom]",
        "Voor [{praktijk}|de eerste bijeenkomst] in {stad} [stonden er meer stoelen klaar dan "
        "nodig|waren er te weinig stoelen]; [het|dat] [zorgde voor hilariteit|leidde tot een "
        "kleine verhuizing naar de grote zaal]",
        "[De trein|De bus] naar {stad} had [die dag|die ochtend] [vertraging|een uur "
        "vertraging], [dus startte de groep|waardoor we begonnen] met [een ontbijt|koffie] in "
        "het station",
        "[Parkeren|Een fiets stallen] kan [vlak|net] [naast|achter] het gebouw in de {straat}",
        "Meer informatie over {praktijk} [vindt u|staat] [in de bijlage|op onze website|in "
        "ons jaarverslag van {pjaar}]",
        "Het programma van [{maand}|het najaar] [hangt|staat] [aan het prikbord|op de deur] "
        "van [het lokaal|ons huis] in {stad}",
        "{persoon} ({leeftijd}) [lacht|glimlacht] [als|wanneer] [die|{persoon}] [terugdenkt "
        "aan|vertelt over] de eerste [keer|bijeenkomst] in {stad}: “[Ik kende er niemand|Ik "
        "wist niet wat ik moest verwachten|Ik kwam voor een kwartiertje]”",
    ),
    "geen:zakelijk": (
        "[De bedragen|Alle bedragen] in [dit hoofdstuk|de tabellen] [zijn uitgedrukt in euro "
        "en afgerond|staan in euro, afgerond op de euro]",
        "[De|Een] [gedetailleerde|volledige] [begroting|jaarrekening van {pjaar}] [is opgenomen "
        "in bijlage|werd bij de aanvraag gevoegd]",
        "[Het organogram|Een schema van de organisatie] [vindt u|staat] [in bijlage|op de "
        "volgende pagina|achteraan dit plan]",
        "[In dit|Dit] [hoofdstuk|deel] [beschrijven we|gaat over] de [zakelijke|"
        "organisatorische] [kant|onderbouw] van [de werking|het plan]",
        "De [cijfers|gegevens] [hebben betrekking op|gelden voor] [de toestand op 31 december "
        "{pjaar}|het werkjaar {pjaar}], [tenzij anders vermeld|behalve waar anders aangegeven]",
        "[We verwijzen hier|Voor meer details verwijzen we] [graag|ook] naar [de statuten|het "
        "huishoudelijk reglement|ons jaarverslag van {pjaar}]",
        "[De vergelijking|Een vergelijking] met [vorige jaren|de vorige beleidsperiode] [is|"
        "blijft] [beperkt|moeilijk] [door|omwille van] [een nieuwe rekeningstructuur|"
        "gewijzigde boekhoudregels]",
    ),
    "voorwoord": (
        "[Met trots|Met veel goesting|Met enige fierheid] [stellen we|leggen we] [ons|dit] "
        "beleidsplan voor [de periode 2021-2025|2021-2025] [aan u voor|voor]",
        "[Dit plan|Deze tekst] [kwam tot stand|groeide] [na|uit] [maanden|een jaar] [overleg|"
        "gesprekken] [met|tussen] [deelnemers, vrijwilligers, partners en medewerkers|team, "
        "bestuur en achterban]",
        "Het [was|werd] [geen|allerminst een] [papieren|bureaucratische] oefening: [het plan|de "
        "tekst] is [het resultaat|de vrucht] van [echte|intense] [dialoog|gesprekken|"
        "discussies]",
        "We [wensen u veel leesplezier|hopen dat u met plezier leest] en [kijken uit naar het "
        "gesprek|zien uw reactie graag tegemoet]",
        "[Een woord van dank|Dank] [gaat naar|aan] [iedereen die meeschreef|alle meedenkers|de "
        "schrijfgroep en de vele vrijwilligers]",
        "[De voorbije maanden|Het voorbije jaar] [zaten|kwamen] [tientallen|meer dan honderd] "
        "mensen [samen|rond de tafel] om [na te denken over|te dromen over] de toekomst van {ons}",
    ),
}

# List items: short actions and indicators that end up as bullet points.
ACTIONS: tuple[tuple[str | None, str], ...] = (
    (
        "operationele-doelstellingen",
        "[We organiseren|We plannen] [jaarlijks|elk jaar|per seizoen] {aantal} [vormingsmomenten|"
        "bijeenkomsten|workshops] over {thema} in {stad}",
    ),
    (
        "operationele-doelstellingen",
        "[We ontwikkelen|We schrijven] [tegen|in] {jaar} een [draaiboek|handleiding|"
        "methodiekenbundel] voor {praktijk}",
    ),
    (
        "operationele-doelstellingen",
        "[We starten|We lanceren] in {jaar} [een pilootproject|een proefproject] in {stad} [met|"
        "voor] {dg}",
    ),
    (
        "operationele-doelstellingen",
        "[Opstart|Start] van {praktijk} in {stad} [in het voorjaar van {jaar}|in het najaar van "
        "{jaar}|in {maand} {jaar}]",
    ),
    (
        "operationele-doelstellingen",
        "[Uitbreiding|Verbreding] van {praktijk} naar {stad2} [vanaf|in] {jaar}",
    ),
    (
        "operationele-doelstellingen",
        "Een [trefdag|inspiratiedag|slotevent] in {stad} in {maand} {jaar}, [samen met|met] "
        "{partner}",
    ),
    (
        "vrijwilligers",
        "[We werven|We vinden] [tegen {jaar}|jaarlijks] {aantal} nieuwe [trekkers|vrijwilligers|"
        "kernleden] voor {praktijk}",
    ),
    (
        "vrijwilligers",
        "Een [vormingsdag|onthaalmoment] voor [nieuwe|alle] vrijwilligers in {stad} [elk jaar in "
        "{maand}|vanaf {jaar}]",
    ),
    (
        "samenwerking-netwerken",
        "[We sluiten|We tekenen] [in {jaar}|tegen {jaar}] een [samenwerkingsovereenkomst|"
        "convenant] met {partner}",
    ),
    (
        "samenwerking-netwerken",
        "[Tweemaal per jaar|Elk kwartaal] overleg met {partner} en {partner2} over {praktijk}",
    ),
    (
        "communicatie-beeldvorming",
        "[We publiceren|We verspreiden] [elk jaar|tweemaal per jaar] [een magazine|een "
        "verhalenbundel|een reeks portretten] over {dg} in {stad}",
    ),
    (
        "communicatie-beeldvorming",
        "[Een campagne|Een affichecampagne] over {thema} in {stad} en {stad2} [in|tegen] {jaar}",
    ),
    (
        "digitalisering",
        "[We bieden|We voorzien] [minstens|jaarlijks] {aantal} [online|hybride] [sessies|webinars] "
        "over {thema}",
    ),
    (
        "digitalisering",
        "[Digitale|Online] [inschrijvingen|registratie] voor {praktijk} [vanaf|tegen] {jaar}",
    ),
    (
        "diversiteit-inclusie",
        "[We screenen|We toetsen] [ons aanbod|onze communicatie] [op drempels|op "
        "toegankelijkheid] samen met {dg} [in {jaar}|tegen {jaar}]",
    ),
    (
        "diversiteit-inclusie",
        "[Tolken|Brugfiguren] bij {praktijk} in {stad} [vanaf {jaar}|waar nodig]",
    ),
    (
        "participatie-bereik",
        "[We bereiken|We mikken op] [minstens|jaarlijks] {deeln} [deelnemers|mensen] [via|met] "
        "{praktijk}",
    ),
    (
        "participatie-bereik",
        "[Gratis|Betaalbare] [instapmomenten|proeflessen] voor {dg} in {stad} [vanaf {jaar}|in "
        "{maand}]",
    ),
    (
        "lokale-werking",
        "[We brengen|We organiseren] {praktijk} in [{aantal} gemeenten|{stad} en {stad2}] [tegen "
        "{jaar}|vanaf {jaar}]",
    ),
    (
        "innovatie-experiment",
        "[Vanaf {jaar} testen we|In {jaar} testen we] een [nieuw format|nieuwe werkvorm] [rond|"
        "voor] {thema} in {stad}",
    ),
    (
        None,
        "[Evaluatie|Bijsturing] [met|door] [de stuurgroep|het team] van {praktijk} in {maand} "
        "{jaar}",
    ),
    (
        None,
        "[Verslag|Rapportering] aan [het bestuur|de algemene vergadering] over {praktijk} [in|"
        "tegen] {maand} {jaar}",
    ),
)

INDICATORS: tuple[tuple[str | None, str], ...] = (
    ("participatie-bereik",
     "[minstens|ten minste] {deeln} [deelnemers|unieke deelnemers] [aan|bij] {praktijk} [per "
     "jaar|tegen {jaar}]"),
    ("participatie-bereik",
     "{pct} van de deelnemers in {stad} [behoort tot|komt uit de groep] {dg} [in|tegen] {jaar}"),
    ("participatie-bereik",
     "{aantal} [nieuwe|extra] [groepen|reeksen] in {stad} en {stad2} [tegen|in] {jaar}"),
    ("kwaliteitszorg",
     "[een gemiddelde tevredenheid van|een tevredenheidsscore van] [minstens|ten minste] "
     "[8 op 10|7,5 op 10|80 procent] [bij|voor] {praktijk} in {jaar}"),
    ("kwaliteitszorg",
     "[een evaluatierapport|een evaluatienota] over {praktijk} [klaar|besproken] [tegen|in] "
     "{maand} {jaar}"),
    ("vrijwilligers",
     "{aantal} [nieuwe|extra] vrijwillige [trekkers|begeleiders] voor {praktijk} [tegen|in] "
     "{jaar}"),
    ("samenwerking-netwerken",
     "[minstens|ten minste] {aantal} [structurele|actieve] [partners|partnerschappen] in "
     "{stad}, [onder wie|waaronder] {partner}"),
    (None,
     "[realisatie|uitvoering] van {praktijk} [volgens planning|op schema] [in|tegen] {maand} "
     "{jaar}"),
)  # fmt: skip

SWOT_ITEMS: dict[str, tuple[str, ...]] = {
    "Sterktes": (
        "[sterk|hecht] en [deskundig|gedreven] team",
        "[trouwe|loyale] [achterban|deelnemers]",
        "[stevig|breed] netwerk [{gebied}|met lokale partners]",
        "[expertise|jarenlange ervaring] [rond|met] {thema}",
        "[laagdrempelig|toegankelijk] aanbod",
        "[betrokken|enthousiaste] vrijwilligers",
        "[gezonde|stabiele] financiële basis",
    ),
    "Zwaktes": (
        "[beperkte|kleine] personeelsomkadering",
        "[vergrijzend|ouder wordend] [publiek|kader]",
        "[weinig|te weinig] [zichtbaarheid|naambekendheid]",
        "[verouderde|versnipperde] [ICT|registratie]",
        "[afhankelijkheid van|kwetsbaarheid door] projectsubsidies",
        "[beperkte|onvoldoende] diversiteit in het bestuur",
    ),
    "Kansen": (
        "[groeiende|toenemende] [aandacht|belangstelling] voor {thema}",
        "[nieuwe|vernieuwde] [samenwerking|partnerschappen] met {partner}",
        "[digitale|online] [werkvormen|kanalen]",
        "[vernieuwd|nieuw] lokaal [beleid|sociaal beleid]",
        "[engagement van jongere generaties|nieuwe generaties vrijwilligers]",
    ),
    "Bedreigingen": (
        "[stijgende|hogere] [loonkosten|energiekosten]",
        "[besparingen|bezuinigingen] bij [lokale besturen|de overheid]",
        "[polarisering|verharding] van het debat",
        "[concurrentie|overaanbod] in de vrije tijd",
        "[druk op|afname van] vrijwillig engagement",
    ),
}

# Titles for strategic and operational objectives (headings, not passages).
SD_TITLES: tuple[str, ...] = (
    "[We versterken|We ondersteunen] {dg} [rond|op het vlak van] {thema}",
    "{dg} [nemen|krijgen] [een stem|het woord] in het debat over {thema}",
    "We [bouwen|werken] aan [warme|hechte] gemeenschappen {gebied}",
    "[Iedereen kan een leven lang bijleren|Elke burger krijgt de kans om een leven lang te "
    "leren] over {thema}",
    "We [agenderen|maken] {thema} [als maatschappelijke uitdaging|tot een gedeelde zorg]",
    "{org} is [wendbaar|toekomstbestendig] en [inclusief|divers]",
    "We [verbinden|brengen] {dg} en {dg2} [samen|met elkaar]",
    "We [vernieuwen|verbreden] ons aanbod [rond|over] {thema}",
)
OD_TITLES: tuple[str, ...] = (
    "[We ontwikkelen|We bieden] [een aanbod|vormingen] [op maat van|voor] {dg}",
    "[We organiseren|We brengen] [ontmoetingsmomenten|activiteiten] in {stad}",
    "[We versterken|We ondersteunen] [vrijwillige trekkers|ons vrijwillig kader]",
    "[We bouwen|We onderhouden] [partnerschappen|een netwerk] rond {thema}",
    "We maken {thema} [zichtbaar|bespreekbaar] [bij een breed publiek|in de media]",
    "[We experimenteren|We innoveren] met [nieuwe|digitale] werkvormen",
    "[We verlagen|We slopen] drempels voor {dg}",
    "[We verzamelen|We bundelen] signalen over {thema}",
    "[We zetten|We brengen] {praktijk} [op de kaart|verder uit]",
)

# Titles of highlighted boxes.
BOX_TITLES: tuple[str, ...] = (
    "Uitgelicht",
    "In de kijker",
    "Praktijkvoorbeeld",
    "Getuigenis",
    "Zo doen we dat",
    "Even inzoomen",
)

# Sentences that introduce a praktijk.
PRAKTIJK_OPENERS: tuple[str, ...] = (
    "{praktijk} is [een vaste praktijk|een van onze langlopende praktijken|een nieuwe "
    "praktijk] in {stad}",
    "[Met|In] {praktijk} [bereiken we|brengen we samen|werken we met] {dg}",
    "{praktijk} [ging van start|startte] in {pjaar} als [een proefproject|een klein "
    "initiatief|een samenwerking met {partner}]",
    "[Sinds|Vanaf] {pjaar} [loopt|draait] {praktijk} in {stad} [en|maar ook in] {stad2}",
)

# Scanned annex pages: letters with signatures, rendered as images (no text layer).
SCAN_LETTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Verklaring op eer",
        (
            "Ondergetekende, {persoon_vol}, voorzitter van de raad van bestuur van {org} vzw,",
            "verklaart op eer dat de gegevens in deze subsidieaanvraag volledig en",
            "waarheidsgetrouw zijn en dat de organisatie voldoet aan de voorwaarden van het",
            "decreet van 7 juli 2017 over het sociaal-cultureel volwassenenwerk.",
            "",
            "De algemene vergadering keurde het beleidsplan 2021-2025 goed op {datum}.",
        ),
    ),
    (
        "Engagementsverklaring partner",
        (
            "Hierbij bevestigen wij onze samenwerking met {org} vzw voor de periode 2021-2025.",
            "Wij engageren ons om samen activiteiten te organiseren rond {thema}",
            "en stellen daartoe onze lokalen en onze expertise ter beschikking.",
            "",
            "Wij kijken uit naar een vruchtbare samenwerking.",
        ),
    ),
    (
        "Uittreksel uit de notulen van de algemene vergadering",
        (
            "Aanwezig: {aantal} stemgerechtigde leden. Verontschuldigd: 2 leden.",
            "Agendapunt 3: goedkeuring beleidsplan 2021-2025.",
            "De vergadering keurt het beleidsplan unaniem goed.",
            "Het bestuur wordt gemandateerd om de aanvraag in te dienen.",
        ),
    ),
)

# ---------------------------------------------------------------------------------------
# Extra variety for the business part and for uncoded passages, which recur in every plan.
_MORE: dict[str, tuple[str, ...]] = {
    "financien": (
        "[Het begrote resultaat|Het resultaat] [blijft|is] [bewust|elk jaar] [beperkt|klein]: "
        "[middelen|subsidies] [zijn bedoeld om te besteden aan de werking|gaan naar de werking, "
        "niet naar reserves]",
        "[Tegenvallende|Dalende] [projectinkomsten|eigen inkomsten] [vangen we op|compenseren "
        "we] [met|door] [onze reserves|een tijdelijke vermindering van de werkingskosten]",
        "[De raad van bestuur|Het bestuur] keurt [de begroting|de jaarrekening] [jaarlijks|elk "
        "voorjaar] goed [op voorstel van de penningmeester|na advies van een financiële "
        "werkgroep]",
        "[Huur en energie|Huisvestingskosten] [wegen|drukken] [steeds zwaarder|meer dan vroeger] "
        "op [het budget|de werkingsmiddelen]",
        "[Giften|Legaten en giften] [vormen|zijn] een [kleine|bescheiden] maar [trouwe|"
        "stabiele] [inkomstenbron|bron van inkomsten] dankzij [onze leden|een vaste kring "
        "van schenkers]",
        "[Investeringen|Grotere aankopen] [plannen we|spreiden we] over [meerdere jaren|de hele "
        "beleidsperiode] en [schrijven we af|boeken we] volgens [de gangbare regels|een vast "
        "schema]",
        "Een [liquiditeitsplanning|thesaurieplanning] [zorgt ervoor|waarborgt] dat we [lonen "
        "en facturen tijdig kunnen betalen|ook bij laattijdige subsidies kunnen doorwerken]",
        "We [vragen|ontvangen] [ook|daarnaast] [middelen|steun] van [de provincie|lokale "
        "besturen|private fondsen] voor [{praktijk}|specifieke projecten]",
    ),
    "medewerkers": (
        "[Elke medewerker|Iedere collega] [heeft|krijgt] [een vormingsbudget|recht op "
        "bijscholing] [van|voor] [enkele dagen per jaar|minstens vijf dagen per jaar]",
        "[Het team|De ploeg] [is|blijft] [klein|compact], waardoor [elke afwezigheid|ziekte of "
        "verlof] [snel voelbaar is in|meteen gevolgen heeft voor] de werking",
        "[Interne communicatie|Overleg binnen het team] [verloopt|gebeurt] [via|in] [een "
        "wekelijkse nieuwsbrief|een gedeeld digitaal platform|korte dagelijkse afstemming]",
        "[We investeren in|We zetten in op] [leiderschap|coaching] [voor|van] "
        "[leidinggevenden|coördinatoren] [om|zodat] [teams zelfstandiger kunnen werken|"
        "verantwoordelijkheid gedeeld wordt]",
        "[Stagiairs|Studenten] van {kennispartner} [lopen|doen] [jaarlijks|geregeld] stage [bij "
        "ons|in onze werking] en [brengen|geven] [frisse ideeën|nieuwe inzichten] [mee]",
        "[Het personeelsbeleid|Ons personeelsbeleid] [wordt|is] [jaarlijks|geregeld] "
        "[besproken|geëvalueerd] [met|in] [de personeelsafvaardiging|het bestuur]",
        "[Ervaren|Oudere] [collega's|medewerkers] [geven|dragen] hun [kennis|ervaring] [door|"
        "over] aan [nieuwe|jongere] [collega's|medewerkers] [via|in] [duowerking|een "
        "mentorschap]",
    ),
    "goed-bestuur": (
        "[De statuten|Onze statuten] [werden|zijn] [in 2019|recent] aangepast aan het [nieuwe|"
        "vernieuwde] Wetboek van vennootschappen en verenigingen",
        "[Leden van de algemene vergadering|Stemgerechtigde leden] [komen uit|vertegenwoordigen] "
        "[onze deelnemers, vrijwilligers en partners|de verschillende regio's en werkvormen]",
        "[Een|Het] [auditcomité|financieel comité] [volgt|bewaakt] [de financiële gezondheid|"
        "de risico's] [op] en [rapporteert|adviseert] aan [het bestuur|de raad van bestuur]",
        "[Bestuurders|De leden van het bestuur] [ondertekenen|onderschrijven] [een "
        "deontologische code|een integriteitsverklaring] bij [hun aantreden|de start van hun "
        "mandaat]",
        "[Beslissingen|Besluiten] [worden|zijn] [genomen|gedragen] bij [consensus|een "
        "gewone meerderheid], [en|waarbij] [minderheidsstandpunten|afwijkende meningen] in "
        "[de notulen|het verslag] [worden opgenomen|worden genoteerd]",
        "[Transparantie|Openheid] over [beslissingen|middelen] [vinden we|is voor ons] "
        "[vanzelfsprekend|essentieel]: [het jaarverslag|de jaarrekening] [staat|verschijnt] "
        "[op onze website|in ons ledenblad]",
    ),
    "infrastructuur": (
        "[We beschikken over|We hebben] [een|een eigen] [busje|bestelwagen|materiaalkar] voor "
        "[het vervoer van materiaal|uitstappen en activiteiten]",
        "[Het huurcontract|De huurovereenkomst] [van|voor] ons [kantoor|gebouw] [loopt|geldt] "
        "[tot|nog tot] [2024|2026]; [daarna bekijken we of we verhuizen of verlengen|tegen "
        "dan onderzoeken we de mogelijkheden]",
        "[Onze|De] [ICT-infrastructuur|servers en werkposten] [werd|werden] [in {pjaar}|recent] "
        "[vernieuwd|naar de cloud verhuisd]",
        "[Vergaderruimte|Een vergaderzaal] [delen we|gebruiken we] [samen] met {lokalepartner}",
        "[Materiaal|Uitleenmateriaal] zoals [tenten, geluidsinstallaties en projectoren|"
        "spelkoffers en tentoonstellingspanelen] [lenen we uit|stellen we ter beschikking] aan "
        "[partners|lokale groepen]",
    ),
    "kwaliteitszorg": (
        "[Een|Onze] [jaarlijkse|tweejaarlijkse] [bevraging|enquête] bij [partners|deelnemers en "
        "vrijwilligers] [meet|peilt naar] [de tevredenheid|de impact van onze werking]",
        "[Intervisie|Collegiale feedback] [helpt|ondersteunt] [medewerkers|begeleiders] om "
        "[de kwaliteit van hun werk|hun aanpak] [kritisch te bekijken|te verbeteren]",
        "[Resultaten|Evaluaties] [bespreken we|delen we] [openlijk|transparant] [met|in] [het "
        "team|de algemene vergadering] en [vertalen we|zetten we om] in [concrete "
        "verbeterpunten|acties]",
        "[Voor elke praktijk|Bij iedere praktijk] [leggen we|bepalen we] [vooraf|bij de start] "
        "[vast] [welke resultaten we verwachten|hoe we succes meten]",
    ),
    "geen:praktijk": (
        "[De eerste keer|De eerste editie] van {praktijk} [verliep|liep] [niet zonder "
        "slag of stoot|niet helemaal volgens plan]: [de zaal was te klein|de koffie raakte op|"
        "het begon te regenen]",
        "[Een groepsfoto|Een foto] van [de bijeenkomst|het slotmoment] in {stad} [hangt|staat] "
        "[nog altijd|intussen] [in ons lokaal|op onze website]",
        "[Wie vragen heeft, kan terecht bij|Met vragen kunt u terecht bij] {persoon} [op het "
        "secretariaat|via het algemene nummer]",
        "[Tijdens|Na] de [pauze|afsluiting] [praten|blijven] [deelnemers|de meeste mensen] "
        "[nog lang na|nog even hangen] [bij een drankje|aan de toog]",
        "[In juli en augustus|Rond de feestdagen] ligt de werking [stil|grotendeels stil]; "
        "[sommige|enkele] groepen komen dan toch samen",
        "{persoon} [haalt|brengt] [elke week|telkens] [twee buren|een buurvrouw] [op met de "
        "auto|mee met de fiets]",
        "[Het|Ons] [lokaal|huis] in de {straat} in {stad} [is|blijft] [ook buiten de "
        "activiteiten open|open voor wie even wil binnenspringen]",
        "[De foto's|Het verslag] van [{praktijk}|de laatste bijeenkomst] [staan|staat] in "
        "[onze nieuwsbrief van {maand}|ons jaarverslag van {pjaar}]",
        "[Deelnemers|Bezoekers] [brengen|nemen] [soms|af en toe] [hun kinderen|een "
        "buurvrouw|een vriend] mee; iedereen [is welkom|schuift mee aan]",
        "[De|Een] [vrijwilliger|medewerker] [ontvangt|verwelkomt] [elke nieuwe deelnemer|"
        "nieuwe mensen] [persoonlijk aan de deur|met een kop koffie]",
    ),
    "geen:zakelijk": (
        "[Een overzicht|Een lijst] van [de leden van de raad van bestuur|onze bestuurders] "
        "[vindt u|staat] [in bijlage|achteraan dit plan]",
        "[Wijzigingen|Aanpassingen] in [de begroting|het personeelsplan] [melden we|brengen "
        "we] [jaarlijks|tijdig] [in het voortgangsrapport|bij de administratie]",
        "[Dit deel|Dit hoofdstuk] [werd|is] [opgesteld|voorbereid] [door|samen met] [de "
        "penningmeester en de coördinator|het dagelijks bestuur]",
    ),
}
for _key, _templates in _MORE.items():
    SENTENCES[_key] = SENTENCES.get(_key, ()) + _templates
