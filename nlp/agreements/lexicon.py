"""The words the agreement rules read: agreement nouns, the verbs and modifiers that carry a status, the
prepositions and group nouns that say whether a name is a party, and the seats of government news names
countries by. Word lists only (as spaCy keeps `lang/en/stop_words.py`); the rules are in `status` and
`parties`."""

AGREEMENT_NOUNS = frozenset(
    "agreement deal treaty accord pact memorandum mou partnership compact convention protocol arrangement".split()
    # a ceasefire is agreed between the sides that stop fighting
    + "ceasefire cease-fire truce armistice".split()
)

# 'subscribe': 'Mexico and Chile subscribed a memorandum', Spanish 'suscribir' and Portuguese 'subscrever'
# translated.
SIGNING_VERBS = frozenset(
    """sign ink agree conclude strike seal clinch finalise finalize ratify reach enter renew extend endorse achieve
    subscribe""".split()
)

# An agreement that by its kind is reached, not signed: 'concluded a staff-level agreement with the IMF' (the
# Fund's Board is still to approve it), 'concluded a preliminary (tentative) agreement'.
AGREED_KINDS = frozenset("staff-level preliminary tentative".split())

# Negotiations finished and the text settled, nothing signed yet ("agreed"): 'concluded negotiations on',
# 'finalised the text of', 'struck a deal on', 'reached agreement in principle on'.
CONCLUDING_VERBS = frozenset("conclude finalise finalize complete strike seal clinch reach".split())

# Said of a signed agreement, these put it in force: 'the treaty was ratified', 'the rules apply from May'
# (with 'take effect', 'come into effect' and 'enter into force', read from their objects).
TAKING_EFFECT_VERBS = frozenset("ratify apply".split())

# Working on an agreement not yet reached is negotiating it: 'committed to develop a framework', 'will
# draft a memorandum', 'to explore a partnership'.
# 'we seek an agreement with Korea' is pursuing it, as 'seek an outcome to the negotiation' is.
DEVELOPING_VERBS = frozenset("develop draft pursue explore seek".split())

# Carrying out an agreement shows it is in force: 'implementing the Stormont House Agreement'.
IMPLEMENTING = frozenset("implement implementation honour honor uphold enforce".split())

# 'working towards a deal', 'progress towards devolution deals': the deal is being negotiated.
TOWARDS = frozenset({"towards", "toward"})

NEGOTIATING = frozenset("negotiate negotiation talk discuss discussion".split())

PLANNING_VERBS = frozenset("plan intend expect propose aim hope want prepare set aspire look".split())

PLANNED_MODIFIERS = frozenset("proposed planned upcoming forthcoming future draft prospective".split())

IN_FORCE_MODIFIERS = frozenset("existing current longstanding long-standing".split())

# 'the landmark Good Friday Agreement' is in force, but 'signed a landmark deal' is news: only where the
# clause says nothing else.
WEAK_IN_FORCE_MODIFIERS = frozenset({"landmark"})

# 'The Cabinet has approved the signing of an MoU': it is yet to be signed.
APPROVING = frozenset("approve authorise authorize sanction clear pass consent".split())

ENDING_VERBS = frozenset("terminate scrap cancel abandon expire collapse end withdraw quit exit tear".split())

SUSPENDING_VERBS = frozenset("suspend pause freeze halt".split())

# 'the deal has been delayed': not yet made.
DELAYING_VERBS = frozenset("delay postpone defer".split())

# 'have deepened their partnership', 'will strengthen the agreement': it exists already.
STRENGTHENING_VERBS = frozenset("deepen strengthen expand broaden reinforce enhance upgrade extend".split())

FUTURE_AUX = frozenset({"will", "shall", "'ll", "would", "going"})

# A definite agreement noun points back to one founded just before ('the deals will ...').
REFERRING_DETERMINERS = frozenset("the these those this that such both its their our".split())

# 'a meeting in Hungary', 'a better deal than Canada': names after these are places or comparisons.
NON_PARTY_PREPOSITIONS = frozenset("in at from across through into via near during than like".split())

PARTY_GROUP_NOUNS = frozenset(
    "country countries state states government governments nation nations member members partner partners".split()
    # a country's leaders act for it: 'the Prime Ministers of Canada and of the United Kingdom ... endorsed'
    + "minister ministers president presidents leader leaders premier premiers chancellor".split()
    # and its institutions: "North Macedonia's parliament ratified the agreement"
    + "parliament assembly cabinet ministry executive administration council authorities officials".split()
    # and the members of its alliance: 'we have agreed with our NATO allies'
    + "ally allies".split()
)

PLACE_PREPOSITIONS = frozenset("in at near across through via during into".split())

TIME_WORDS = frozenset("since after before until when while despite".split())

# A nationality on these stands for its government: 'his Hungarian counterpart', 'the Indian and Japanese
# governments', 'Philippine Foreign Secretary Manalo'.
ACTING_FOR_A_COUNTRY = frozenset(
    "counterpart counterparts government governments administration minister ministers secretary president "
    "premier chancellor leader leaders delegation authorities officials ambassador envoy".split()
)

# 'The two countries signed ...', 'both leaders', 'the two sides': the parties are named just before.
GROUP_REFERENCES = frozenset(
    "country nation government side leader minister party partner counterpart".split()
)

# 'a party to the agreement', 'a signatory to the treaty', 'committed to the agreement': it is in force.
BOUND_BY = frozenset("party parties signatory signatories committed commitment adherence".split())

# Governments of the nations inside a country: 'the Scottish Government' is a body of its own, not the
# announcing government named after its leader ('the Albanese Government').
SUBNATIONAL_ADJECTIVES = frozenset({"scottish", "welsh"})  # names with a space are never a leader's

# News names a government by its seat: 'Washington and Kyiv finalised a deal', 'Belgrade and Pristina
# agreed'. Read so only where the city signs, negotiates or is the other side ('a deal with Moscow').
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "London": "United Kingdom",
    "Washington": "United States",
    "Brussels": "European Union",
    "New Delhi": "India",
    "Delhi": "India",
    "Canberra": "Australia",
    "Wellington": "New Zealand",
    "Ottawa": "Canada",
    "Belgrade": "Serbia",
    "Pristina": "Kosovo",
    "Prishtina": "Kosovo",
    "Skopje": "North Macedonia",
    "Tirana": "Albania",
    "Podgorica": "Montenegro",
    "Sarajevo": "Bosnia and Herzegovina",
    "Zagreb": "Croatia",
    "Ljubljana": "Slovenia",
    "Kyiv": "Ukraine",
    "Kiev": "Ukraine",
    "Moscow": "Russia",
    "Kremlin": "Russia",  # the seat's building, as news and addresses name the government
    "Beijing": "China",
    "Tokyo": "Japan",
    "Seoul": "South Korea",
    "Pyongyang": "North Korea",
    "Paris": "France",
    "Berlin": "Germany",
    "Rome": "Italy",
    "Madrid": "Spain",
    "Ankara": "Turkey",
    "Athens": "Greece",
    "Sofia": "Bulgaria",
    "Bucharest": "Romania",
    "Budapest": "Hungary",
    "Warsaw": "Poland",
    "Islamabad": "Pakistan",
    "Dhaka": "Bangladesh",
    "Colombo": "Sri Lanka",
    "Kathmandu": "Nepal",
    "Tehran": "Iran",
    "Cairo": "Egypt",
    "Riyadh": "Saudi Arabia",
    "Doha": "Qatar",
    "Abu Dhabi": "United Arab Emirates",
    "Jakarta": "Indonesia",
    "Manila": "Philippines",
    "Hanoi": "Vietnam",
    "Port Moresby": "Papua New Guinea",
    "Suva": "Fiji",
    "Dublin": "Ireland",
    "Chisinau": "Moldova",
    "Tbilisi": "Georgia",
    "Yerevan": "Armenia",
    "Baku": "Azerbaijan",
    "Minsk": "Belarus",
    "Mexico City": "Mexico",
    "Brasilia": "Brazil",
    "Oslo": "Norway",
    "Stockholm": "Sweden",
    "Copenhagen": "Denmark",
    "Helsinki": "Finland",
    "The Hague": "Netherlands",
    "Vienna": "Austria",
    "Bern": "Switzerland",
    "Prague": "Czechia",
    "Bratislava": "Slovakia",
    "Lisbon": "Portugal",
    "Nairobi": "Kenya",
    "Abuja": "Nigeria",
    "Pretoria": "South Africa",
    "Kigali": "Rwanda",
    "Taipei": "Taiwan",
    "Kabul": "Afghanistan",
    "Damascus": "Syria",
    "Baghdad": "Iraq",
    "Beirut": "Lebanon",
    "Amman": "Jordan",
    "Bangkok": "Thailand",
    "Kuala Lumpur": "Malaysia",
    "Male": "Maldives",
    # the older spellings and former seats speeches name them by
    "Peking": "China",
    "Peiping": "China",
    "Bonn": "Germany",
    "Rangoon": "Myanmar",
    "Saigon": "South Vietnam",
}

# 'needs to complete free-trade agreements', 'aim to finalise the deal', 'hope to strike a deal': a deal yet
# to be finished is being negotiated ('finalised a deal' is agreed).
FINISHING = CONCLUDING_VERBS

DASHES = frozenset({"-", "–", "—", "--"})

GOVERNMENT_SUBJECTS = frozenset(
    "we i government governments minister ministers secretary department administration cabinet office".split()
)

# A country's name on one of these heads is part of a body's name, not the country: 'the Japan International
# Cooperation Agency', 'the Export-Import Bank of India' (where the recogniser tags only 'Japan').
ORGANISATION_HEADS = frozenset(
    "agency bank corporation fund authority institute council commission organisation organization service "
    "board company association foundation centre center trust office ministry department".split()
)

# Words that make a framework a shared one: 'work together under a framework', 'a bilateral framework'.
SHARED = frozenset("together jointly joint bilateral mutual cooperation".split())

# A legislature's approval enacts an agreement: 'Congress approved the agreement', 'the Senate ratified'.
LEGISLATURES = frozenset("congress senate parliament assembly house legislature diet".split())

# Sent to a legislature, an agreement is signed and awaits its approval: 'I will submit the treaty to the
# Senate', 'I urge the Congress to approve the agreement'.
SUBMITTING_VERBS = frozenset("submit send transmit present".split())
ASKING_VERBS = frozenset("ask urge call request".split())

# Still talking: 'will continue our talks with China', 'held negotiations on', 'commenced (embarked on)
# talks'; the object of these verbs does not finish them ('concluded negotiations' is agreed, 'broke off talks' ended).
CONTINUING_TALKS = frozenset(
    "continue resume hold begin start launch open pursue conduct intensify initiate commence embark".split()
)

# --- parties (nlp-parties) ---------------------------------------------------------------------------------

# More of those who act for a country, whose nationality names it: 'American and Soviet negotiators'.
ACTING_FOR_A_COUNTRY_TOO = frozenset(
    "negotiator negotiators diplomat diplomats representative representatives delegate delegates envoys "
    "ambassadors ministry".split()
    # the side or the leadership of a nationality: 'the Soviet side has agreed', 'the Soviet leadership'
    + "side leadership".split()
)

# Endings that make a nationality of a country's name the demonym table leaves out: Fiji-an, Malawi-an,
# Panama-nian, Kenya-n; tried longest stem first, and kept only where the stem is a country.
NATIONALITY_ENDINGS = ("n", "an", "ian", "nian", "ese", "i")

# Names history gives a country that an agreement is made with: 'our treaty with Free China' ('Korea' and 'the
# Republic of China' are the gazetteer's).
PARTY_NAMES: dict[str, str] = {
    "Free China": "Taiwan",
    "Nationalist China": "Taiwan",
}

# The speaker's own government, said as a pronoun beside another side: 'the Philippine Government and ours',
# 'between Japan and ourselves'.
OUR_SIDE = frozenset({"we", "us", "ours", "ourselves"})

# The heads of the bodies that are a government itself, and act as its country: 'the Ministry of Power', the
# 'Department of State', 'the European Commission' (a public body of the tables), 'the Foreign Office'.
GOVERNMENT_BODY_HEADS = frozenset("ministry department commission cabinet office treasury".split())

# Plurals of agreement nouns that the lemmatiser keeps: 'memoranda of understanding'.
AGREEMENT_PLURALS = frozenset({"memoranda"})

# Prepositions after which an agreement names every one of its sides: 'a treaty between A and B', 'the
# Baghdad Pact among Turkey, Iraq, Iran, Pakistan and the United Kingdom'.
ALL_SIDES = frozenset({"between", "among", "amongst"})

# Older names of countries that agreements are made with, beside `PARTY_NAMES`.
FORMER_NAMES: dict[str, str] = {
    "Rumania": "Romania",
    "Roumania": "Romania",
    "Siam": "Thailand",
    "Muscat": "Oman",  # the Sultanate of Muscat (and Oman) until 1970
    "Muscat and Oman": "Oman",
    "Persia": "Iran",
    "Ceylon": "Sri Lanka",
    "Formosa": "Taiwan",
    "Red China": "China",
    "Communist China": "China",
    "Mainland China": "China",
    "Kampuchea": "Cambodia",
    # the two Vietnams by their formal names ('the Republic of Vietnam' is not today's Vietnam)
    "Republic of Vietnam": "South Vietnam",
    "Republic of Viet-Nam": "South Vietnam",
    "Republic of Viet Nam": "South Vietnam",
    "Democratic Republic of Vietnam": "North Vietnam",
    "Democratic Republic of Viet-Nam": "North Vietnam",
}

# What a deal to buy is for: 'a deal to purchase 30 of Boeing's jets', 'to buy 20 aircraft from Airbus' —
# the seller is its other side.
BUYING_VERBS = frozenset("buy purchase acquire order procure lease".split())

# The combining forms that join countries in an agreement's name: 'the Russo-Japanese Agreement', 'the
# Sino-British Joint Declaration', 'the Anglo-Irish Agreement'.
COMBINING_FORMS: dict[str, str] = {
    "Anglo": "United Kingdom",
    "Franco": "France",
    "Russo": "Russia",
    "Sino": "China",
    "Indo": "India",
    "Italo": "Italy",
    "Austro": "Austria",
    "Greco": "Greece",
    "Turco": "Turkey",
    "Nippo": "Japan",
    "Hispano": "Spain",
    "Luso": "Portugal",
    "Serbo": "Serbia",
}

# Former states named by a compass point, which the recogniser tags without it ('North' + 'Vietnam'); those
# the gazetteer knows ('South Korea', 'East Germany') are read from it.
COMPASS_POINTS = frozenset({"North", "South", "East", "West"})
FORMER_STATES = frozenset({"North Vietnam", "South Vietnam", "North Yemen", "South Yemen"})

# --- status (issue 19, round 3) ---

# Ended by one side's act or by time, as treaty language says it: 'the treaty was abrogated', 'it lapsed'.
ANNULLING_VERBS = frozenset("abrogate denounce renounce repudiate annul revoke rescind lapse cease".split())

# What an agreement without force or effect is said to be: 'has therefore become void', 'became null and void',
# 'was declared void', 'is now inoperative' (it ended: a treaty not approved in time is void).
VOID_WORDS = frozenset("void null invalid inoperative nugatory".split())
# The verbs that say an agreement is or has been made so: 'become', 'be', 'declare', 'render', 'make'.
MAKING_VOID_VERBS = frozenset("become be declare render make hold".split())

# What a legislature gives an agreement: asked for, it is signed and pending ('awaits your approval',
# 'I will seek the Senate's consent to ratification of the treaty', 'still needs parliamentary approval').
APPROVAL_NOUNS = frozenset("approval consent ratification advice endorsement".split())
AWAITING_VERBS = frozenset("await need require deserve merit seek ask request urge".split())

# --- status (issue 19, round 17) ---

# What a legislature or the other government gives an agreement before it can stand, and the verbs that get it:
# '..., which failed to receive the advice and consent of the Senate' (ended: refused), 'has not yet received
# the consent of the Senate' (signed: still awaited).
CONSENT_NOUNS = APPROVAL_NOUNS | frozenset("sanction approbation assent".split())
OBTAINING_VERBS = frozenset("receive obtain secure win gain get".split())

# Where an agreement still under talks is said to be: 'now in course of negotiation', 'in the process of
# negotiation', 'under negotiation' (with NEGOTIATING for the talks).
TALKS_UNDER_WAY = frozenset("course process".split())

# An agreement the subject of these, said as it stands, is in force: 'the treaty remains the cornerstone',
# 'the pact has held for forty years', 'the treaty, which binds us still'.
PERSISTING_VERBS = frozenset("remain continue endure survive hold stand bind govern serve".split())

# What an agreement means, said in the present, is no sign that it operates: a release praising the treaty it
# announces ('this treaty marks a new chapter', 'represents a turning point', 'sends a clear message').
SIGNIFYING_VERBS = frozenset(
    "mark represent signal show demonstrate send reflect underline underscore highlight symbolise symbolize "
    "herald embody".split()
)

# Striving for an agreement is negotiating it: 'we will press for an agreement', 'push for a deal'.
PURSUING_VERBS = frozenset("press push strive work fight".split())

# Making a new agreement: 'we must build a partnership with Russia', 'should forge a pact' (planned).
CREATING_VERBS = frozenset("build forge create establish form".split())

# Making one public as made: 'Canada and Germany announced a new hydrogen partnership', 'launched a critical
# minerals partnership', 'unveiled a pact' (signed: made, not merely reached; said in the future, planned).
# Not the creating verbs: 'we built a partnership with Russia' tells of a relation, not an instrument made.
LAUNCHING_VERBS = frozenset("launch unveil announce inaugurate".split())

# What an agreement holds, not what it does: 'the agreement includes provisions on digital trade', 'covers
# services', 'sets out rules' say what it is, not that it operates.
CONTENT_VERBS = frozenset(
    "include cover contain comprise feature provide set outline aim envisage envision foresee".split()
)

# Finishing talks said with a particle: 'have wrapped up negotiations', 'wound up talks' (as 'concluded').
FINISHING_PHRASES = frozenset("wrap wind".split())

# Put before a legislature for its vote, as 'submit' is: 'I commend the convention to the attention of the
# Senate', 'the agreement will be laid before Parliament'.
COMMENDING_VERBS = frozenset("commend refer lay table".split())

# Becoming a party to an agreement that stands: 'we joined in the test ban treaty', 'acceded to the convention'.
JOINING_VERBS = frozenset("join accede adhere".split())

# 'strict compliance with the peace agreement', 'in accordance with the treaty': it is in force.
COMPLYING = frozenset("compliance comply accordance conformity".split())

# --- status (issue 19, round 4) ---

# Keeping or breaking an agreement's terms presupposes it operates: 'the treaty has been faithfully observed',
# 'an agreement ... is being systematically violated' (in force).
OBSERVING_VERBS = frozenset("observe respect violate breach flout".split())

# 'went into operation', 'came into effect', 'was put into force': what an agreement goes into to apply.
OPERATION_NOUNS = frozenset("effect force operation".split())

# A clause these open, in the present tense, speaks of what is yet to come: 'when the treaties are drawn',
# 'once the agreement is ratified'.
TEMPORAL_MARKS = frozenset("when once until before after".split())

# What talks end in: 'the negotiations have resulted in an agreement', 'talks produced a deal' (agreed).
RESULTING_VERBS = frozenset("result produce yield".split())

# Trying to bring an agreement about is negotiating it: 'is endeavoring to bring about a treaty with Colombia'.
STRIVING_VERBS = frozenset("endeavor endeavour strive try attempt".split())

# --- parties (nlp-parties), devolved governments ---

# A nation of the United Kingdom makes agreements through its devolved government: 'the St David's Day
# agreement for Wales', 'a revised Scottish fiscal framework' (the annotation guide names the government).
DEVOLVED_GOVERNMENTS: dict[str, str] = {
    "Scotland": "Scottish Government",
    "Scottish": "Scottish Government",
    "Wales": "Welsh Government",
    "Welsh": "Welsh Government",
    "Northern Ireland": "Northern Ireland Executive",
}

# --- parties round 5 (nlp-parties5) ---

# 'the authority signed memoranda with Uganda ...' in a government's release: the publisher's own body, named
# by its kind with 'the', is the announcing side, not a third party that makes the agreement without it.
OWN_BODY_NOUNS = frozenset(
    "authority agency ministry commission board council corporation bank service".split()
)

# With these, a sentence pointing back tells of a stage in an agreement's life: 'went into effect', 'came
# into force', 'took effect' (besides signing, taking effect, suspending and ending verbs).
STAGE_MOVING_VERBS = frozenset("go come take".split())

# --- parties round 6 (nlp-parties6) ---

# An understanding is an agreement where it is reached, concluded or come to ('we have reached an
# understanding with Peking', 'arrived at an understanding'), not 'a better understanding of'.
UNDERSTANDING_VERBS = frozenset("reach conclude arrive come sign enter".split())

# Agreement nouns of treaty language written as two words, the last the head: 'a modus vivendi with Mexico'.
TWO_WORD_AGREEMENTS = frozenset({("modus", "vivendi")})

# A seat of government that was a former state's, read so in a text that names that state: 'Moscow' in an
# address that speaks of the Soviet Union is the Soviet Union's government, not Russia's.
FORMER_SEATS: dict[str, tuple[str, str]] = {
    "Moscow": ("Soviet", "Soviet Union"),
    "Kremlin": ("Soviet", "Soviet Union"),
    "Belgrade": ("Yugoslav", "Yugoslavia"),
    "Hanoi": ("North Viet", "North Vietnam"),  # 'North Vietnam', 'the North Vietnamese', 'North Viet-Nam'
}

# A government's stance on an agreement it would make with the speaker's: 'the Soviet Government wants an
# agreement', 'Japan seeks a new trade agreement', 'Cuba has refused every agreement', 'the Soviet leaders
# rejected our proposal for a treaty', 'That Government has invited negotiations toward a new treaty'.
STANCE_VERBS = frozenset("want seek accept reject refuse propose offer desire prefer invite".split())

# A monarch acts for the country it reigns over, as treaty language names the other side: 'a treaty with His
# Majesty the King of Siam', 'a convention with the Emperor of Japan', 'the Sultan of Oman has agreed'.
MONARCHS = frozenset(
    "king kings queen emperor empress sultan shah emir amir tsar czar kaiser monarch sovereign majesty".split()
)

# Monarchs' titles that name a foreign sovereign when said bare ('The Sultan has since agreed to a convention' after
# a sentence on Morocco): not 'the King' or 'the Queen', which on a monarchy's own page are its own.
FOREIGN_MONARCHS = frozenset("emperor empress sultan shah khedive emir amir tsar czar kaiser mikado".split())

# The peoples' adjectives of former states (`presswatch/data/former_states.tsv`) the demonyms lack, as treaty
# language names their governments: 'The Ottoman Government gave notice', 'the Prussian Government'.
FORMER_PEOPLES: dict[str, str] = {
    "Ottoman": "Ottoman Empire",
    "Prussian": "Prussia",
    "Bavarian": "Bavaria",
    "Austro-Hungarian": "Austria-Hungary",
    "Neapolitan": "Two Sicilies",
    "Sardinian": "Sardinia",
    "Hawaiian": "Hawaiian Kingdom",
}

# --- parties round 7 (nlp-parties7) ---

# What an agreement is about, not who makes it: 'an agreement with Canada on salmon in the waters off Alaska',
# 'a treaty concerning the boundary with Mexico' ('on the part of' and 'on behalf of' name a side).
ABOUT_PREPOSITIONS = frozenset("on concerning regarding about over covering".split())

# --- status (issue 19, round 7) ---

# Verbs that bring an agreement into being, besides signing, concluding, creating, launching, negotiating,
# planning, joining and approving ones ('the terms of the treaty will be settled in May'): only their future says it is yet to be made ('we will secure the best deal'). Any other verb's
# future acts on one that exists ('we will present the agreement to the Congress', 'will stand by our treaty').
MAKING_VERBS = frozenset(
    "make draw adopt secure get obtain win deliver bring produce initial exchange rejoin settle".split()
)

# What a legislature passes to carry an agreement out: 'I will ask the Congress for the legislation needed to
# carry out the agreement' (signed, awaiting it); 'Congress passed the bill implementing the pact' (in force).
LEGISLATION_NOUNS = frozenset("legislation bill act law".split())

# Passing a law: said of the legislation that carries an agreement out, in the past, it is enacted.
ENACTING_VERBS = frozenset("pass enact adopt approve sign".split())

# Keeping an agreement's terms, as 'observe' is: 'the United States will abide by the agreement'.
ABIDING_VERBS = frozenset({"abide"})

# Only a legislature passes an agreement: 'we must pass the trade agreement', 'let us pass it' ask for an
# approval not given (signed); 'the agreement passed the Senate' has it (in force), as 'ratify' says.
PASSING_VERBS = frozenset({"pass"})

# What a legislature is asked for on an agreement besides its approval: 'I will ask the Senate for prompt
# action on the treaty', 'a vote on the agreement' (only where the legislature is named).
LEGISLATIVE_ACTS = frozenset("action vote".split())

# --- status (issue 19, round 8) ---

# Reaching an agreement said with a phrasal verb, as 'reach' says it: 'worked out (hammered out) an agreement
# with Canada', 'arrived at (came to) an agreement with Japan' (agreed: reached, not signed). Each verb with the
# particle or preposition that makes it one ('came to power' is not: the preposition's object must be an
# agreement).
REACHING_PHRASES: dict[str, str] = {
    "work": "out",
    "hammer": "out",
    "iron": "out",
    "arrive": "at",
    "come": "to",
}

# --- parties round 8 (nlp-parties8) ---

# Who an agreement is proposed or offered to is its other side: 'We have proposed a treaty to the Russians'.
OFFERING_VERBS = frozenset("propose offer".split())

# 'the two superpowers have agreed', as 'the two countries': a group of sides named before ('superpower' beside
# `GROUP_REFERENCES`).
# ('the three powers', 'both delegations')
GROUP_REFERENCES_TOO = frozenset({"superpower", "power", "delegation"})

# How many a group reference counts: 'the two countries', 'the three governments'.
GROUP_NUMBERS = frozenset({"two", "three", "four"})

# Relations that are agreements where made with a named side: 'concluded an alliance with Britain', 'our
# understanding with Mexico', 'the settlement with Germany on war claims' ('our alliance has never been
# stronger', 'a lasting settlement of the conflict' name none).
RELATIONS_AGREED = frozenset("alliance understanding settlement".split())

# Whom an agreement is made against is no side of it: 'an alliance with Britain against Nazi Germany'.
OPPOSING_PREPOSITIONS = frozenset({"against"})

# Pacts named by the initials of their sides: 'the ANZUS pact', 'the AUKUS partnership'.
SIDES_IN_NAMES: dict[str, tuple[str, ...]] = {
    "ANZUS": ("Australia", "New Zealand", "United States"),
    "AUKUS": ("Australia", "United Kingdom", "United States"),
}

# Agreements whose sides history knows, by a name speeches call them ('the SALT II treaty', 'the INF treaty',
# 'the North American Free Trade Agreement', 'the Camp David accords', whose witness is no side); Russia is the
# Soviet Union in a text that speaks of it.
SIDES_HISTORY_NAMES: dict[str, tuple[str, ...]] = {
    "SALT": ("United States", "Soviet Union"),
    "ABM": ("United States", "Soviet Union"),
    "INF": ("United States", "Soviet Union"),
    "START": ("United States", "Russia"),
    "North American Free Trade": ("United States", "Canada", "Mexico"),
    "NAFTA": ("United States", "Canada", "Mexico"),
    "USMCA": ("United States", "Canada", "Mexico"),
    "Camp David": ("Egypt", "Israel"),
    "Good Friday": ("United Kingdom", "Ireland"),
}

# A government that comes to the speaker's, asks or offers is the other side of what the speaker agrees next:
# 'The President of Mexico visited Washington in May. We agreed to build a new bridge.'
ADVANCING_VERBS = frozenset("visit meet ask request propose offer seek approach invite call come".split())

# The titles under which a surname alone names a head of state or government ('President Sheinbaum').
HEAD_TITLES = frozenset("president minister premier chancellor taoiseach king queen emperor".split())

# Armed forces, whose nationalities name the sides of the agreement that parts or stops them: 'the
# disengagement of Egyptian and Israeli military forces', 'a ceasefire between Indian and Pakistani troops'.
FORCE_NOUNS = frozenset("force troop army navy soldier".split())

# --- status (issue 19, round 9) ---

# Nouns that say an agreement ended or was suspended: 'the collapse of the INF treaty', 'since its withdrawal
# from the deal', 'the treaty's expiry' (ended, unless the end is still ahead or only feared: 'before the expiry
# of the treaty', 'could lead to the collapse of the deal' leave it in force).
ENDING_NOUNS = frozenset(
    "collapse termination expiry expiration abrogation demise lapse denunciation cancellation scrapping "
    "repudiation withdrawal exit".split()
)
SUSPENDING_NOUNS = frozenset({"suspension"})

# What an end still to come is to a sentence that only fears, averts or sets a date for it: 'threatens the
# collapse of the deal', 'to prevent the expiry of the treaty' (in force till then).
AVERTING_VERBS = frozenset("threaten risk fear prevent avert avoid stop warn face".split())

# What an agreement in force is to the relations it carries, said in the present: 'the security treaty with
# Japan is the foundation of peace in Asia', 'the free trade agreement is the bedrock of our trade'.
FOUNDATION_NOUNS = frozenset(
    "foundation cornerstone bedrock basis backbone pillar linchpin lynchpin keystone anchor mainstay".split()
)

# An agreement another takes the place of has ended: 'the Clayton-Bulwer Treaty has been superseded by the new
# canal treaty', 'the 1990 agreement was replaced in 2015' (the one replacing it is not ended; one to be
# replaced still stands: 'a new treaty to replace the arrangement now in effect').
SUPERSEDING_VERBS = frozenset("supersede replace".split())

# Leaving an agreement said with a phrasal verb, each with its particles: 'pulled out of the grain deal',
# 'walked away from the agreement', 'backed out of the deal', 'opted out of the treaty' (ended; 'we will not
# walk away from the deal' keeps it).
WITHDRAWING_PHRASES: dict[str, frozenset[str]] = {
    "pull": frozenset({"out"}),
    "walk": frozenset({"away", "out"}),
    "back": frozenset({"out"}),
    "opt": frozenset({"out"}),
    "bow": frozenset({"out"}),
}

# What a country has under a treaty, said with 'treaty' as its modifier: 'our treaty commitments to Taiwan',
# 'treaty obligations to the Philippines', 'Japan, our treaty ally' (the treaty is in force).
TREATY_BONDS = frozenset("commitment obligation ally alliance partner guarantee".split())

# --- parties round 9 (nlp-parties9) ---

# Legislatures known by a name of their own, each to the country it acts for (it ratifies or approves that
# country's side of an agreement; it is no party of its own): 'the Supreme Soviet has ratified the treaty'.
NAMED_LEGISLATURES: dict[str, str] = {
    "supreme soviet": "Soviet Union",
    "knesset": "Israel",
    "bundestag": "Germany",
    "duma": "Russia",
    "state duma": "Russia",
    "storting": "Norway",
    "riksdag": "Sweden",
    "sejm": "Poland",
    "folketing": "Denmark",
    "eduskunta": "Finland",
    "oireachtas": "Ireland",
    "dáil": "Ireland",
    "lok sabha": "India",
    "rajya sabha": "India",
    "majlis": "Iran",
    "verkhovna rada": "Ukraine",
    "national people's congress": "China",
    "cortes": "Spain",
    "althing": "Iceland",
}

# Ratifying or approving an agreement, which a country's legislature does for its side: 'Mexico has already
# ratified the treaty, and I hope the Senate will soon do the same'.
APPROVING_VERBS = frozenset("ratify approve sign accept".split())

# What a side gives an agreement, said with the side's possessive: 'seek the Soviet Union's signature on a
# treaty', "Japan's ratification of the convention", "Norway's accession to the pact" (the owner is a side).
SIDES_ACTS = frozenset("signature ratification accession adherence consent approval".split())

# --- parties round 10 (nlp-parties10) ---

# Blocs and pacts' organisations by the names addresses of their time use, as the bloc that continues them is
# named now ('the European Community', 'the Common Market': the European Union; a counterpart is its state as
# it is today where it continues), and the treaty organisations the gazetteer lacks by their full names.
FORMER_BLOCS: dict[str, str] = {
    "European Community": "European Union",
    "European Communities": "European Union",
    "European Economic Community": "European Union",
    "EEC": "European Union",
    "Common Market": "European Union",
    "SEATO": "Southeast Asia Treaty Organization",
    "Southeast Asia Treaty Organization": "Southeast Asia Treaty Organization",
    "CENTO": "Central Treaty Organization",
    "Central Treaty Organization": "Central Treaty Organization",
    "OAS": "Organization of American States",
    "Organization of American States": "Organization of American States",
}

# A country's neighbour said by the compass from the speaker's own ('our neighbor to the north', 'our
# southern neighbour'): facts of geography, for the countries with one neighbour on that side.
NEIGHBOURS: dict[tuple[str, str], str] = {
    ("United States", "north"): "Canada",
    ("United States", "northern"): "Canada",
    ("United States", "south"): "Mexico",
    ("United States", "southern"): "Mexico",
    ("Canada", "south"): "United States",
    ("Canada", "southern"): "United States",
    ("Mexico", "north"): "United States",
    ("Mexico", "northern"): "United States",
}

NEIGHBOUR_NOUNS = frozenset("neighbor neighbour neighbors neighbours".split())

# An alliance said by what it is, resolved to the bloc the text names ('the Alliance' after 'NATO'); names
# that say it whole need no other mention ('the Atlantic Alliance'). Name → (words one of which the text must
# hold, or none; the bloc).
DESCRIBED_BLOCS: dict[str, tuple[tuple[str, ...], str]] = {
    "Alliance": (("NATO", "North Atlantic"), "North Atlantic Treaty Organization"),
    "Atlantic Alliance": ((), "North Atlantic Treaty Organization"),
    "North Atlantic Alliance": ((), "North Atlantic Treaty Organization"),
    "Western Alliance": ((), "North Atlantic Treaty Organization"),
    "Community": (("European Community", "European Economic Community"), "European Union"),
    "Commission": (("European Commission",), "European Union"),  # or on the EU's own page
}

# The members of an alliance, said as a group, stand for the alliance the text names just before ('NATO remains
# strong. We have reached agreement with our allies').
ALLY_NOUNS = frozenset({"ally", "allies"})

# Alliances named by the pact that made them: on the other side of an agreement, or acting on one, the alliance
# is a party ('a new agreement with the Warsaw Pact'); said alone ('the Warsaw Pact was signed in 1955') it is
# the treaty. The Baghdad Pact's organisation took its later name.
PACT_ALLIANCES: dict[str, str] = {
    "Warsaw Pact": "Warsaw Pact",
    "Baghdad Pact": "Central Treaty Organization",
}

# Who a clause's sides act beside rather than deal with, said before its subject: 'With our NATO allies, we
# will negotiate with Moscow', 'Alongside Japan, we ...'; 'together with' or 'along with' anywhere.
BESIDE_PREPOSITIONS = frozenset({"with", "alongside"})
BESIDE_ADVERBS = frozenset({"together", "along"})

# Those a nationality names as the speaker's: 'our Canadian friends', 'our Mexican neighbors' are their country.
OUR_NATIONALITY_NOUNS = frozenset(
    "friend friends neighbor neighbors neighbour neighbours ally allies".split()
)

MIN_PARTIES = 2  # an agreement has two sides at least: fewer named is no agreement yet

# Round 13 of the status rules. What sides put on the table while an agreement is talked over: 'proposals for a
# trade agreement were exchanged', 'exchanged draft texts of an investment agreement' (a 'text' or 'paper'
# only when it is a draft), and the verbs that put them there.
TABLED_NOUNS = frozenset("proposal counterproposal counter-proposal offer draft".split())
TABLING_VERBS = frozenset("exchange table swap".split())

# What a clause is when it says an end is not meant: 'has no plans to pull out of the treaty', 'does not intend
# to withdraw', 'has no intention of leaving'.
INTENT_WORDS = frozenset("plan intention intent desire wish plan intend want seek mean decide".split())

# What a deal can be the frame of: 'Norway will buy frigates in the largest warship export deal' (the deal is
# reached; the purchase is what it is for); with BUYING_VERBS.
SELLING_VERBS = frozenset("sell supply export".split())
