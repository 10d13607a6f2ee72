"""Word lists for the sample corpus: places, target groups, themes, partners, names.

Why a module of plain data: the generator must not read ``/work/shared`` or the network at
run time, and keeping the vocabulary apart from the grammar lets a reader check the Dutch
without wading through code. Everything here is invented or generic; real public bodies and
umbrella organisations appear only as partners, the way real plans mention them.
"""

from __future__ import annotations

from coder.ingest.manifest import REGIONS as REGIONS

# Share of organisations per seat; Brussels is well represented, as in the real sector.
REGION_WEIGHTS: dict[str, float] = {
    "Antwerpen": 0.22,
    "Oost-Vlaanderen": 0.21,
    "Brussel": 0.16,
    "West-Vlaanderen": 0.14,
    "Vlaams-Brabant": 0.14,
    "Limburg": 0.13,
}

CITIES: dict[str, tuple[str, ...]] = {
    "Antwerpen": (
        "Antwerpen", "Mechelen", "Turnhout", "Geel", "Mol", "Lier", "Herentals", "Boom",
        "Heist-op-den-Berg", "Mortsel", "Westerlo", "Hoogstraten", "Borgerhout", "Deurne",
    ),
    "Limburg": (
        "Hasselt", "Genk", "Sint-Truiden", "Tongeren", "Maasmechelen", "Beringen", "Lommel",
        "Bilzen", "Houthalen-Helchteren", "Maaseik", "Leopoldsburg", "Heusden-Zolder",
    ),
    "Oost-Vlaanderen": (
        "Gent", "Aalst", "Sint-Niklaas", "Dendermonde", "Oudenaarde", "Eeklo", "Lokeren",
        "Ninove", "Ronse", "Wetteren", "Zele", "Geraardsbergen", "Deinze", "Temse",
    ),
    "West-Vlaanderen": (
        "Brugge", "Kortrijk", "Oostende", "Roeselare", "Ieper", "Waregem", "Tielt",
        "Poperinge", "Menen", "Torhout", "Diksmuide", "Izegem", "Harelbeke",
    ),
    "Vlaams-Brabant": (
        "Leuven", "Vilvoorde", "Halle", "Aarschot", "Tienen", "Diest", "Zaventem", "Asse",
        "Dilbeek", "Grimbergen", "Tervuren", "Landen", "Liedekerke",
    ),
    "Brussel": (
        "Anderlecht", "Molenbeek", "Schaarbeek", "Sint-Gillis", "Elsene", "Laken", "Vorst",
        "Jette", "Etterbeek", "Sint-Joost-ten-Node", "Brussel-stad", "Koekelberg", "Evere",
    ),
}  # fmt: skip

# Subregions used for the working area of regional organisations ("in de Kempen").
SUBREGIONS: dict[str, tuple[str, ...]] = {
    "Antwerpen": ("de Kempen", "de regio Mechelen", "de Antwerpse rand", "de Noorderkempen"),
    "Limburg": ("Noord-Limburg", "Haspengouw", "de Maaskant", "Midden-Limburg"),
    "Oost-Vlaanderen": (
        "het Waasland",
        "de Vlaamse Ardennen",
        "het Meetjesland",
        "de Dendervallei",
        "de Leiestreek",
    ),
    "West-Vlaanderen": ("de Westhoek", "de regio Kortrijk", "de kuststreek", "het Brugse Ommeland"),
    "Vlaams-Brabant": ("het Pajottenland", "het Hageland", "de Noordrand", "Oost-Brabant"),
    "Brussel": ("Brussel", "de Brusselse Kanaalzone", "Noord-Brussel"),
}

TARGET_GROUPS: tuple[str, ...] = (
    "mensen in armoede",
    "ouderen",
    "nieuwkomers",
    "jongvolwassenen",
    "vrouwen",
    "mensen met een migratieachtergrond",
    "gezinnen met jonge kinderen",
    "mensen met een beperking",
    "plattelandsbewoners",
    "holebi's en transgenders",
    "mantelzorgers",
    "werkzoekenden",
    "laaggeletterde volwassenen",
    "natuurliefhebbers",
    "amateurkunstenaars",
    "buurtbewoners",
    "alleenstaande ouders",
    "gepensioneerden",
    "dak- en thuislozen",
    "vluchtelingen",
    "mensen met een psychische kwetsbaarheid",
    "werknemers",
    "zestigplussers",
    "anderstaligen",
    "bewoners van sociale woonwijken",
    "mensen met dementie en hun omgeving",
    "jonge ouders",
    "lezers",
    "wandelaars en fietsers",
    "consumenten",
    "landbouwers",
    "studenten en starters",
)

# Themes: a label used in prose, word roots for compound names ("Klimaat" + "punt") and a
# capitalised topic for names like "Vereniging voor Erfgoed".
THEMES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("klimaat en duurzaamheid", ("Klimaat", "Groen", "Aarde", "Duurzaamheids"), "Klimaat"),
    (
        "armoede en sociale uitsluiting",
        ("Armoede", "Kansen", "Recht", "Solidariteits"),
        "Sociale Rechten",
    ),
    ("digitale inclusie", ("Digi", "Netwijs", "Klik", "Computer"), "Digitale Inclusie"),
    ("erfgoed en geschiedenis", ("Erfgoed", "Heem", "Geheugen", "Verleden"), "Erfgoed"),
    ("gezondheid en welzijn", ("Gezondheids", "Welzijns", "Zorg", "Vitaliteits"), "Gezondheid"),
    ("mobiliteit", ("Fiets", "Trage Wegen", "Mobiliteits", "Onderweg"), "Duurzame Mobiliteit"),
    ("betaalbaar wonen", ("Woon", "Thuis", "Dak", "Huurders"), "Betaalbaar Wonen"),
    ("democratie en burgerschap", ("Stem", "Burger", "Agora", "Democratie"), "Democratie"),
    ("samenleven in diversiteit", ("Samen", "Kleur", "Ontmoetings", "Brug"), "Samenleven"),
    ("voedsel en landbouw", ("Voedsel", "Akker", "Oogst", "Boeren"), "Voedsel en Landbouw"),
    ("mediawijsheid", ("Media", "Nieuws", "Beeld", "Scherm"), "Mediawijsheid"),
    ("zorg en mantelzorg", ("Mantelzorg", "Zorgzaam", "Nabij", "Hand in Hand"), "Mantelzorg"),
    (
        "vrede en internationale solidariteit",
        ("Vredes", "Wereld", "Noord-Zuid", "Horizon"),
        "Vrede en Solidariteit",
    ),
    ("natuur en biodiversiteit", ("Natuur", "Boom", "Vogel", "Landschaps"), "Natuurbeleving"),
    ("taal en geletterdheid", ("Taal", "Lees", "Woord", "Letter"), "Geletterdheid"),
    ("eenzaamheid en sociale contacten", ("Buren", "Buur", "Praat", "Verbindings"), "Ontmoeting"),
    ("kunst en creativiteit", ("Kunst", "Atelier", "Creatief", "Verbeeldings"), "Amateurkunst"),
    ("levenslang leren", ("Leer", "Academie", "Kennis", "Vormings"), "Volksontwikkeling"),
    ("werk en inkomen", ("Werk", "Arbeids", "Loopbaan", "Inkomens"), "Werk en Inkomen"),
    (
        "gender en gelijke kansen",
        ("Vrouwen", "Gelijkheids", "Gender", "Evenwicht"),
        "Gelijke Kansen",
    ),
    ("ouder worden", ("Senioren", "Grijs", "Levenskunst", "Zilver"), "Actief Ouder Worden"),
    ("opvoeding en gezin", ("Gezins", "Ouders", "Opvoedings", "Kinder"), "Gezin en Opvoeding"),
    ("energietransitie", ("Energie", "Zon", "Wind", "Warmte"), "Energie"),
    ("publieke ruimte", ("Plein", "Straat", "Wijk", "Stads"), "Publieke Ruimte"),
    (
        "zingeving en levensbeschouwing",
        ("Zin", "Bezinnings", "Levensvragen", "Stilte"),
        "Zingeving",
    ),
    ("lezen en literatuur", ("Lees", "Boek", "Verhaal", "Schrijf"), "Literatuur"),
)

# Organisation names: first part by type, second part a place or a theme word.
NAME_PREFIXES: dict[str, tuple[str, ...]] = {
    "vormingsinstelling": (
        "Vormingshuis", "Leerhuis", "Vormingscentrum", "Open Academie", "Volkshogeschool",
        "Denkhuis", "Vormingsplek", "Huis van het Leren",
    ),
    "beweging": ("Beweging voor", "Platform voor", "Netwerk voor", "Front voor"),
    "vereniging": ("Vereniging voor", "Kring voor", "Genootschap voor", "Vrienden van"),
    "landelijke organisatie met afdelingen": (
        "Vlaamse Federatie voor", "Landelijk Verbond voor", "Vlaamse Vereniging voor",
    ),
}  # fmt: skip

NAME_TAILS: tuple[str, ...] = (
    "punt", "huis", "kracht", "netwerk", "forum", "plein", "werf", "atelier", "kring",
    "platform", "collectief", "lab", "bond", "raad", "school", "fabriek", "vereniging",
)  # fmt: skip

FIRST_NAMES: tuple[str, ...] = (
    "An", "Els", "Karen", "Tom", "Pieter", "Bart", "Sofie", "Lien", "Jan", "Wim", "Katrien",
    "Nathalie", "Hilde", "Mohamed", "Fatima", "Yusuf", "Samira", "Ilse", "Joris", "Koen",
    "Griet", "Annelies", "Stijn", "Nele", "Dirk", "Marleen", "Jef", "Ahmed", "Leila", "Lotte",
    "Ruben", "Eva", "Hanne", "Kristof", "Veerle", "Geert", "Sarah", "Nadia", "Mustafa", "Ine",
    "Luc", "Rita", "Hasan", "Zeynep", "Bram", "Jolien", "Frederik", "Ellen", "Kobe", "Mira",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Vermeulen", "Van den Broeck", "Dubois", "El Amrani", "Yilmaz",
    "Hermans", "De Clercq", "Lambrechts", "Verstraete", "Van Damme", "Declercq", "Coppens",
    "Desmet", "Leroy", "Bogaert", "Vandenberghe", "De Backer", "Aerts", "Pauwels", "Segers",
    "Ben Ali", "Öztürk", "Michiels", "Smets", "Verhoeven", "Van Acker", "Bosmans", "Cools",
)  # fmt: skip

STREETS: tuple[str, ...] = (
    "Stationsstraat", "Kerkstraat", "Molenstraat", "Nieuwstraat", "Dorpsstraat",
    "Schoolstraat", "Kapelstraat", "Beekstraat", "Kasteelstraat", "Markt", "Veldstraat",
    "Leopoldlaan", "Brugstraat", "Hoogstraat", "Lindenlaan",
)  # fmt: skip

MONTHS: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip

# Praktijk (practice) names: a theme root or a neutral word plus a format.
PRAKTIJK_FORMATS: tuple[str, ...] = (
    "café", "atelier", "academie", "lab", "school", "dag", "reeks", "wandeling", "kring",
    "tafel", "festival", "markt", "keuken", "salon", "route", "traject", "dialoog", "werf",
)  # fmt: skip
PRAKTIJK_NAMES: tuple[str, ...] = (
    "Buurtkeuken", "Repaircafé", "Digidokters", "Praatpunt", "Taalcafé", "Verhalenbank",
    "Samenleesgroep", "Burgerlab", "Denkdag", "Zomerschool", "Wijkfestival", "Vertelavond",
    "Moestuin aan huis", "Fietsschool", "Kennisdag", "Inspiratiedag", "Open Ateliers",
    "Stadswandeling", "Dorpsgesprek", "Leesclub", "Schrijfwerkplaats", "Filmforum",
    "Buurtpensioen", "Klimaattafel", "Vrouwenacademie", "Vertelcafé", "Kookstudio",
    "Ontmoetingsdag", "Zorgcafé", "Erfgoedwandeling", "Debatavond", "Politiek café",
    "Wereldkeuken", "Tuinploeg", "Mediadag", "Spreekbeurt", "Leerwerkplaats", "Stille week",
)  # fmt: skip

# Partners: generic local bodies (with a city slot), sector bodies and higher education.
LOCAL_PARTNERS: tuple[str, ...] = (
    "het OCMW van {stad}",
    "de bibliotheek van {stad}",
    "het cultuurcentrum van {stad}",
    "het lokaal dienstencentrum in {stad}",
    "het stadsbestuur van {stad}",
    "het Centrum voor Basiseducatie in {stad}",
    "het Centrum voor Volwassenenonderwijs in {stad}",
    "het buurthuis in {stad}",
    "de dienst welzijn van {stad}",
    "de academie voor beeldende kunst in {stad}",
    "het sociaal huis van {stad}",
    "de jeugddienst van {stad}",
)
SECTOR_PARTNERS: tuple[str, ...] = (
    "Socius",
    "De Federatie",
    "Demos",
    "Mediawijs",
    "Netwerk tegen Armoede",
    "het Minderhedenforum",
    "Vluchtelingenwerk Vlaanderen",
    "Natuurpunt",
    "Welzijnszorg",
    "het Agentschap Integratie en Inburgering",
    "de Vereniging van Vlaamse Steden en Gemeenten",
    "FARO",
    "Kenniscentrum Mediaparticipatie",
    "de Gezinsbond",
    "Samenlevingsopbouw",
)
ACADEMIC_PARTNERS: tuple[str, ...] = (
    "UGent",
    "KU Leuven",
    "UAntwerpen",
    "de VUB",
    "UHasselt",
    "HOGENT",
    "Odisee",
    "Thomas More",
    "Howest",
    "Hogeschool PXL",
    "UCLL",
    "de Erasmushogeschool Brussel",
    "Artevelde Hogeschool",
    "Karel de Grote Hogeschool",
)

# European and international partners, for the international work passages.
INTERNATIONAL_PARTNERS: tuple[str, ...] = (
    "een volkshogeschool in Denemarken",
    "een Nederlandse partner in Rotterdam",
    "een Duitse Volkshochschule in Aken",
    "een buurtorganisatie in Lille",
    "een partnerorganisatie in Dakar",
    "een netwerk van vormingscentra in Finland",
    "een Poolse vereniging in Krakau",
    "een coöperatie in Bologna",
    "het European Association for the Education of Adults",
    "een Marokkaanse vrouwenvereniging in Tanger",
)

# Compounds that keep their hyphen; used as vocabulary so that every plan contains some.
HYPHEN_COMPOUNDS: tuple[str, ...] = (
    "sociaal-cultureel",
    "sociaal-culturele",
    "sociaal-artistieke",
    "sociaal-economische",
    "niet-leden",
    "e-inclusie",
    "co-creatie",
    "ex-gedetineerden",
    "niet-erkende",
)
