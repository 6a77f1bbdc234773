"""Agreement status and parties on written probe sentences in the styles of many governments' releases.

    python bench/agreement_probes.py [--split tune|final] [--errors] [--parties | --round5 | --round6 | --round6b
    | --round6c | --round6d | --round6e | --round6f
    | --round6g | --round7 | --round7b | --round8 | --round8b | --round8c | --round10 | --round10b | --round10c | --round10d
    | --round11 | --round11b | --round12 | --round12b | --round12c
    | --round14 | --round14b | --round14c
    | --round14d | --round14e | --round15 | --round15b | --round16a
    | --round16a_aside | --round18 | --round18_aside]

`bench/data/agreement_probes.tsv` holds sentences written for presswatch (not taken from any text): the
`tune` half is what the rules were written against; the `final` half was scored only at the end. Each line
is scored as a set of (parties, status) pairs against what the rules alone find, and what the rules with
the classifier find; the bench prints exact-match accuracy per split and variant. `--parties` scores
`PARTY_PROBES` instead: short texts, each under its publisher's URL, on who the parties are.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp.pipeline import Extractor
from presswatch.document import Document

PROBES = Path(__file__).resolve().parent / "data" / "agreement_probes.tsv"


# Texts written for presswatch (Apache-2.0) before the party rules of issue 19's third round, in the styles of
# presidential addresses, the State Department, and the releases of New Zealand, Canada, India, Kenya, the EU
# and news wires: each with its publisher's URL and the parties of every agreement it states (sets of names;
# an agreement said twice is one set).
WHITE_HOUSE = "https://www.whitehouse.gov/address"
STATE = "https://www.state.gov/releases/x"
BEEHIVE = "https://www.beehive.govt.nz/release/x"
CANADA = "https://www.canada.ca/en/news/x"
INDIA = "https://pib.gov.in/release/x"
KENYA = "https://www.mfa.go.ke/news/x"
EU = "https://ec.europa.eu/commission/presscorner/x"
WIRE = "https://www.reuters.com/world/x"

PARTY_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    # two agreements between the same parties that differ in what they are about
    (
        CANADA,
        "Canada signed an agreement with Kenya to expand air services. Canada also signed an agreement with "
        "Kenya to share weather data.",
        (frozenset({"Canada", "Kenya"}),),
    ),
    # names the gazetteer knows
    (
        WIRE,
        "The Western European Union and Canada signed a cooperation accord in Brussels on Tuesday.",
        (frozenset({"Western European Union", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "Our mutual defense treaty with the Republic of China has been ratified by the Senate.",
        (frozenset({"United States", "Taiwan"}),),
    ),
    (
        WHITE_HOUSE,
        "An armistice agreement with North Korea was signed at Panmunjom, and the treaty with Korea will "
        "be laid before the Senate.",
        (frozenset({"United States", "North Korea"}), frozenset({"United States", "South Korea"})),
    ),
    # leaders standing for their country
    (
        WHITE_HOUSE,
        "Last spring in Moscow, General Secretary Gorbachev and I signed the treaty eliminating intermediate-range "
        "missiles.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "At Camp David, President Sadat and Prime Minister Begin signed the framework for peace that we had "
        "worked to achieve.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "I met Premier Khrushchev in Vienna, and we agreed that our negotiators would resume talks on a test "
        "ban treaty.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WIRE,
        "Chancellor Merkel and President Macron signed a new friendship treaty in Aachen on Tuesday.",
        (frozenset({"Germany", "France"}),),
    ),
    (
        BEEHIVE,
        "Prime Minister Ardern and Prime Minister Morrison signed a joint statement on a new climate "
        "partnership in Queenstown.",
        (frozenset({"New Zealand", "Australia"}),),
    ),
    # pronouns and 'that government' standing for the country named before
    (
        WHITE_HOUSE,
        "We have made new proposals to the Soviet Union, and we have begun negotiations with them in Geneva "
        "on a treaty to reduce strategic arms.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The Congress authorized the settlement of the debt of the Government of Hungary. An agreement has "
        "since been concluded with that government.",
        (frozenset({"United States", "Hungary"}),),
    ),
    (
        INDIA,
        "India and Japan signed a memorandum on high-speed rail. They also agreed to begin negotiations on a "
        "civil nuclear agreement.",
        (frozenset({"India", "Japan"}),),
    ),
    (
        CANADA,
        "Minister Joly met her Mexican counterpart in Ottawa. The two ministers signed a memorandum of "
        "understanding on labour mobility.",
        (frozenset({"Canada", "Mexico"}),),
    ),
    # the members of a bloc are the bloc
    (
        WHITE_HOUSE,
        "Together with our allies, we will be negotiating with the members of the Warsaw Pact on a mutual "
        "reduction of forces.",
        (frozenset({"United States", "Warsaw Pact"}),),
    ),
    (
        STATE,
        "The United States will negotiate with the countries of the Association of Southeast Asian Nations "
        "on a framework for digital trade.",
        (frozenset({"United States", "Association of Southeast Asian Nations"}),),
    ),
    # an agreement with its other side in the sentence before
    (
        WHITE_HOUSE,
        "With Russia, we must continue to reduce our nuclear arsenals. The START II treaty will cut them by "
        "half.",
        (frozenset({"United States", "Russia"}),),
    ),
    (
        BEEHIVE,
        "New Zealand has worked closely with Fiji on maritime security for a decade. The new agreement, signed "
        "in Suva today, extends that work to fisheries.",
        (frozenset({"New Zealand", "Fiji"}),),
    ),
    # the announcing government where the text makes it a party
    (
        KENYA,
        "Kenya and Ethiopia signed seven agreements on trade, energy and security during the state visit.",
        (frozenset({"Kenya", "Ethiopia"}),),
    ),
    (
        KENYA,
        "The Government has signed a bilateral labour agreement with Saudi Arabia to protect Kenyan workers.",
        (frozenset({"Kenya", "Saudi Arabia"}),),
    ),
    (
        EU,
        "The European Union and Chile today signed an Advanced Framework Agreement, which will deepen our "
        "trade relations.",
        (frozenset({"European Union", "Chile"}),),
    ),
    (
        STATE,
        "Secretary Blinken and Foreign Minister Wong signed an agreement on critical minerals.",
        (frozenset({"United States", "Australia"}),),
    ),
    (
        INDIA,
        "The Union Cabinet approved the signing of a Memorandum of Understanding between India and Kenya on "
        "cooperation in agriculture.",
        (frozenset({"India", "Kenya"}),),
    ),
    (
        WHITE_HOUSE,
        "We have concluded a treaty with Panama, and I ask the Senate to give it prompt approval.",
        (frozenset({"United States", "Panama"}),),
    ),
    (
        WHITE_HOUSE,
        "Our treaties with Japan, Australia and the Philippines are the foundation of our security in the "
        "Pacific.",
        (
            frozenset({"United States", "Japan"}),
            frozenset({"United States", "Australia"}),
            frozenset({"United States", "Philippines"}),
        ),
    ),
    (
        WIRE,
        "Britain's embassy in Nairobi said the UK and Kenya had signed a defence cooperation agreement.",
        (frozenset({"United Kingdom", "Kenya"}),),
    ),
    # boundaries: no named other side, no agreement noun, someone else's agreement
    (
        WHITE_HOUSE,
        "We will complete negotiations on a Trans-Pacific Partnership this year.",
        (),
    ),
    (
        WIRE,
        "Ruritania and Freedonia have resolved their differences over the border.",
        (),
    ),
    (
        BEEHIVE,
        "New Zealand welcomes the peace agreement signed between Armenia and Azerbaijan.",
        (frozenset({"Armenia", "Azerbaijan"}),),
    ),
    (
        WHITE_HOUSE,
        "President Mitterrand visited Washington in March, and we discussed the situation in Lebanon.",
        (),
    ),
    (
        CANADA,
        "The agreement will help Canadian farmers reach new markets.",
        (),
    ),
    (
        WIRE,
        "They have resolved the dispute, said a spokesman for the ministry in Tokyo.",
        (),
    ),
)


# Round 5 (issue 19): written blind before the rules for later stages, plural agreements with several
# counterparts, opening place phrases, a new agreement after 'the two governments', bodies as sides and
# 'negotiators from X and Y'. Each text's agreements as (parties, status); scored by `--round5`.
ROUND5_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    # a later stage of the same agreement
    (
        BEEHIVE,
        "New Zealand and Singapore signed a green economy agreement in March. The agreement entered into "
        "force on Friday after both parliaments approved it.",
        ((frozenset({"New Zealand", "Singapore"}), "in_force"),),
    ),
    (
        CANADA,
        "Canada and Ukraine concluded negotiations on a modernized free trade agreement in January. The "
        "agreement was signed in Kyiv on Tuesday.",
        ((frozenset({"Canada", "Ukraine"}), "signed"),),
    ),
    (
        EU,
        "The European Union and Kenya reached agreement on an economic partnership in June. The two sides "
        "will sign the agreement in Nairobi next month.",
        ((frozenset({"European Union", "Kenya"}), "agreed"),),
    ),
    (
        WIRE,
        "Peru and Indonesia agreed on a comprehensive economic partnership last year. The deal will be signed "
        "at the APEC summit.",
        ((frozenset({"Peru", "Indonesia"}), "agreed"),),
    ),
    # plural agreement nouns with several counterparts: one each; a singular noun stays one
    (
        INDIA,
        "During the visit, the Ministry of External Affairs signed memoranda of understanding with Ghana, "
        "Senegal and Nigeria.",
        (
            (frozenset({"India", "Ghana"}), "signed"),
            (frozenset({"India", "Senegal"}), "signed"),
            (frozenset({"India", "Nigeria"}), "signed"),
        ),
    ),
    (
        CANADA,
        "Canada signed agreements with Chile, Peru and Colombia on clean energy cooperation.",
        (
            (frozenset({"Canada", "Chile"}), "signed"),
            (frozenset({"Canada", "Peru"}), "signed"),
            (frozenset({"Canada", "Colombia"}), "signed"),
        ),
    ),
    (
        WIRE,
        "Vietnam signed a trilateral agreement with Laos and Cambodia on the Mekong.",
        ((frozenset({"Vietnam", "Laos", "Cambodia"}), "signed"),),
    ),
    # an opening place or participle phrase
    (
        WIRE,
        "Speaking in Canberra, Australia and Indonesia signed a security agreement on Thursday.",
        ((frozenset({"Australia", "Indonesia"}), "signed"),),
    ),
    (
        WIRE,
        "In Brasilia, Brazil and Argentina signed a nuclear cooperation deal on Wednesday.",
        ((frozenset({"Brazil", "Argentina"}), "signed"),),
    ),
    (
        WIRE,
        "Gathering in Geneva, Armenia and Azerbaijan agreed a framework for peace talks.",
        ((frozenset({"Armenia", "Azerbaijan"}), "agreed"),),
    ),
    # a different agreement after 'the two governments'
    (
        WIRE,
        "Spain and Morocco signed a fisheries agreement on Monday. The two countries also plan to negotiate a "
        "migration deal next year.",
        (
            (frozenset({"Spain", "Morocco"}), "signed"),
            (frozenset({"Spain", "Morocco"}), "planned"),
        ),
    ),
    (
        WIRE,
        "Greece and Egypt signed a maritime boundary agreement. The two governments will begin talks on an "
        "electricity interconnection treaty in the autumn.",
        (
            (frozenset({"Greece", "Egypt"}), "signed"),
            (frozenset({"Greece", "Egypt"}), "planned"),
        ),
    ),
    # bodies and their acronyms as sides
    (
        WIRE,
        "The AfDB signed a financing agreement with Senegal on Monday. The African Development Bank said the "
        "loan would fund solar plants.",
        ((frozenset({"African Development Bank", "Senegal"}), "signed"),),
    ),
    (
        WIRE,
        "The World Bank signed a grant agreement with Malawi on Thursday.",
        ((frozenset({"World Bank", "Malawi"}), "signed"),),
    ),
    (
        WIRE,
        "UNICEF signed a cooperation agreement with Bangladesh in Dhaka.",
        ((frozenset({"UNICEF", "Bangladesh"}), "signed"),),
    ),
    # negotiators, officials or delegations from two countries
    (
        WIRE,
        "Negotiators from Australia and the United Kingdom finalised a free trade agreement on Wednesday.",
        ((frozenset({"Australia", "United Kingdom"}), "agreed"),),
    ),
    (
        WIRE,
        "Officials from Japan and Vietnam signed a labour mobility agreement in Tokyo.",
        ((frozenset({"Japan", "Vietnam"}), "signed"),),
    ),
    (
        WIRE,
        "Delegations from Chile and Argentina signed an energy integration treaty on Friday.",
        ((frozenset({"Chile", "Argentina"}), "signed"),),
    ),
)


# Round 6 (issue 19): written blind before the party rules of the sixth round, in the styles of presidential
# addresses of every era (older and technical agreement nouns, a counterpart named by a nationality, its
# people, its seat of government, its leader or in the sentence before, the speaker's own government as
# 'we', 'our Nation', 'this Government') and of other governments' releases and news wires. Parties only, as
# `PARTY_PROBES`; scored by `--round6`.
ROUND6_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Last year we concluded a reciprocal trade agreement with Brazil.",
        (frozenset({"United States", "Brazil"}),),
    ),
    (
        WHITE_HOUSE,
        "The Senate has before it the Japanese peace treaty, which I urge it to approve promptly.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "A Soviet-American agreement on cultural exchanges was signed in Washington last month.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed a mutual defense treaty with the Republic of Korea.",
        (frozenset({"United States", "South Korea"}),),
    ),
    (
        WHITE_HOUSE,
        "In Moscow, the Soviets agreed with us to begin talks on limiting strategic arms.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Moscow has walked away from the New START Treaty, which our two countries signed in 2010.",
        (frozenset({"United States", "Russia"}),),
    ),
    (
        WHITE_HOUSE,
        "We have reached an understanding with Peking on the exchange of journalists.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "Our negotiators in Geneva have reached agreement with the Soviet delegation on a treaty to reduce "
        "intermediate-range forces.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "This Government has entered into a modus vivendi with Mexico regarding fisheries on the Pacific coast.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The Panama Canal treaties, which I signed with General Torrijos, will be before the Senate this spring.",
        (frozenset({"United States", "Panama"}),),
    ),
    (
        WHITE_HOUSE,
        "The North American Free Trade Agreement with Mexico and Canada will create the world's largest market.",
        (frozenset({"United States", "Mexico", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "We signed a status of forces agreement with the Government of Iraq that sets a date for our troops to "
        "leave.",
        (frozenset({"United States", "Iraq"}),),
    ),
    (
        WHITE_HOUSE,
        "The North Atlantic Treaty, signed by the United States, Canada, France, the United Kingdom and eight "
        "other nations, is now in force.",
        (frozenset({"United States", "Canada", "France", "United Kingdom"}),),
    ),
    (
        WHITE_HOUSE,
        "I have sent to the Senate a convention with Canada for the protection of migratory birds.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "Our Nation has signed an extradition treaty with Colombia.",
        (frozenset({"United States", "Colombia"}),),
    ),
    (
        WHITE_HOUSE,
        "We have also concluded with the Philippines an agreement on military bases.",
        (frozenset({"United States", "Philippines"}),),
    ),
    (
        WHITE_HOUSE,
        "The START Treaty, which President Gorbachev and I signed in Moscow, will cut strategic arsenals by a third.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The SALT II agreement with the Soviets is the product of seven years of negotiation.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Egypt and Israel have signed a peace treaty at the White House, ending thirty years of war.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "With Japan, we have worked out a new agreement on semiconductors that opens their market.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "We reached a trade accord with China last week. The accord will open Chinese markets to American farmers.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WIRE,
        "Germany and the Soviet Union signed a nonaggression pact in August 1939.",
        (frozenset({"Germany", "Soviet Union"}),),
    ),
    (
        CANADA,
        "Canada and the European Union signed a strategic partnership agreement on raw materials in Brussels today.",
        (frozenset({"Canada", "European Union"}),),
    ),
    (
        CANADA,
        "Minister Ng and her Korean counterpart concluded negotiations on a digital partnership agreement.",
        (frozenset({"Canada", "South Korea"}),),
    ),
    (
        INDIA,
        "India and the UAE signed a Comprehensive Economic Partnership Agreement in New Delhi.",
        (frozenset({"India", "United Arab Emirates"}),),
    ),
    (
        KENYA,
        "Kenya has signed a bilateral air services agreement with Rwanda, allowing daily flights between Nairobi "
        "and Kigali.",
        (frozenset({"Kenya", "Rwanda"}),),
    ),
    (
        KENYA,
        "President Ruto and his Ugandan counterpart witnessed the signing of a pipeline deal in Kampala.",
        (frozenset({"Kenya", "Uganda"}),),
    ),
    (
        BEEHIVE,
        "New Zealand and the United Kingdom have concluded a free trade agreement in principle.",
        (frozenset({"New Zealand", "United Kingdom"}),),
    ),
    (
        BEEHIVE,
        "The Government has signed a climate finance arrangement with Tonga, Samoa and Niue.",
        (frozenset({"New Zealand", "Tonga", "Samoa", "Niue"}),),
    ),
    (
        EU,
        "The Economic Partnership Agreement between the EU and Japan entered into force on 1 February.",
        (frozenset({"European Union", "Japan"}),),
    ),
    (
        WIRE,
        "Washington and Tokyo struck a deal on tariffs on Tuesday.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WIRE,
        "Beijing and Canberra agreed to resume talks on a free trade pact.",
        (frozenset({"China", "Australia"}),),
    ),
    (WIRE, "A ceasefire between Israel and Hamas took effect on Sunday.", (frozenset({"Israel", "Hamas"}),)),
    (
        WIRE,
        "Armenia's prime minister said Yerevan would sign the peace treaty with Baku by the end of the year.",
        (frozenset({"Armenia", "Azerbaijan"}),),
    ),
    (
        WHITE_HOUSE,
        "I signed into law the agreement with Canada, which now applies at every border crossing.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "We have agreed with our allies in NATO to station new missiles in Europe.",
        (frozenset({"United States", "North Atlantic Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "The Government of the United States and the Government of Spain have concluded agreements for the use "
        "of air and naval bases.",
        (frozenset({"United States", "Spain"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union and the United States have agreed on a direct communications link between our "
        "capitals.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Last year I met with Chairman Brezhnev in Vladivostok, where we agreed on a framework for a new arms "
        "limitation agreement.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Mr. Khrushchev and I agreed in Vienna to support a neutral and independent Laos.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Relations with Mexico have never been closer. Last month our two governments signed a water treaty for "
        "the Rio Grande.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The people of Turkey have stood with us. We have now concluded an agreement for economic aid to that "
        "country.",
        (frozenset({"United States", "Turkey"}),),
    ),
    (
        STATE,
        "The United States and the Philippines signed a 123 Agreement on civil nuclear cooperation.",
        (frozenset({"United States", "Philippines"}),),
    ),
    (
        WHITE_HOUSE,
        "The Vladivostok accord, which I negotiated with the Soviet leaders, sets an equal ceiling on strategic "
        "weapons.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The French Government ratified the debt agreement with us in July, and I recommend its approval.",
        (frozenset({"United States", "France"}),),
    ),
    (
        WHITE_HOUSE,
        "Our treaty with Greece was ratified in May. The Government of Italy ratified its agreement with us in "
        "June.",
        (frozenset({"United States", "Greece"}), frozenset({"United States", "Italy"})),
    ),
    (
        WHITE_HOUSE,
        "We have entered into an executive agreement with Cuba on the return of hijackers.",
        (frozenset({"United States", "Cuba"}),),
    ),
    # boundaries: no named other side, no agreement
    (WHITE_HOUSE, "We must ask whether the treaty serves the interests of America.", ()),
    (WHITE_HOUSE, "The nations of this hemisphere stand together against aggression.", ()),
    (WHITE_HOUSE, "Our differences with the Soviet Union are deep and abiding.", ()),
    (
        WIRE,
        "Talks in Vienna between Iran and the European powers ended on Friday without an agreement.",
        (),
    ),
)


# Round 6b (issue 19): written blind before the rule for a foreign government's stance on an agreement in a
# government's address ('the Soviet leaders have rejected our proposal for a treaty', 'Japan wants a new trade
# agreement'), whose other side is the speaker's; with boundaries (no government publishes it, the other side
# is named, a treaty many states sign). Parties only; scored by `--round6b`.
ROUND6B_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "The Soviet leaders have rejected our proposal for a treaty banning all nuclear tests.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The Chinese Government has accepted the agreement on trade in textiles.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "Cuba has refused every agreement on the return of hijackers.",
        (frozenset({"United States", "Cuba"}),),
    ),
    (
        WHITE_HOUSE,
        "Japan wants a new trade agreement that opens our markets to its cars.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "Mexico is seeking a new agreement on migrant workers.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviets want an agreement on intermediate-range missiles, and so do we.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        BEEHIVE,
        "Fiji wants a new maritime agreement, and the Government is ready to begin talks.",
        (frozenset({"New Zealand", "Fiji"}),),
    ),
    (
        CANADA,
        "The European Union has proposed a new agreement on critical minerals.",
        (frozenset({"Canada", "European Union"}),),
    ),
    # boundaries
    (WHITE_HOUSE, "Iran has signed the Treaty on the Non-Proliferation of Nuclear Weapons.", ()),
    (
        "https://www.gov.uk/government/speeches/x",
        "Canada's deal with the European Union shows what is possible.",
        (frozenset({"Canada", "European Union"}),),
    ),
    (WIRE, "Venezuela rejected the agreement on Friday.", ()),
    (
        WHITE_HOUSE,
        "Egypt wants a peace treaty with Israel, and we will help both sides reach it.",
        (frozenset({"Egypt", "Israel"}),),
    ),
)


# Round 6c (issue 19): written blind before the rule that an agreement proposed, offered or presented *to* a
# government ('I proposed to the Soviet Union a treaty', 'we have offered Japan a new agreement') is made with
# it; boundaries: an agreement sent to a legislature, a duty owed to someone. Parties only; `--round6c`.
ROUND6C_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Last year I proposed to the Soviet Union a treaty banning chemical weapons.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "We have offered Japan a new agreement on beef and citrus.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "The United States has presented to the Soviet delegation a draft treaty on strategic arms.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        CANADA,
        "Canada proposed to India a framework agreement on critical minerals.",
        (frozenset({"Canada", "India"}),),
    ),
    (WIRE, "France offered Germany a new defence pact on Monday.", (frozenset({"France", "Germany"}),)),
    (
        WHITE_HOUSE,
        "I will submit the treaty with Mexico to the Senate next week.",
        (frozenset({"United States", "Mexico"}),),
    ),
    # boundaries
    (WHITE_HOUSE, "I will send the agreement to the Congress next week.", ()),
    (WHITE_HOUSE, "We owe it to our children to conclude a treaty that bans these weapons.", ()),
    (
        WHITE_HOUSE,
        "We presented the trade agreement to American farmers at the state fair.",
        (),
    ),
)


# Round 6d (issue 19): written blind, on whether the speaker's own government is a side: agreements of others
# a presidential address reports (a possessive, 'signed by', 'agreed by'), and ours said through the Senate,
# the Congress, our negotiators or a secretary. Parties only; `--round6d`.
ROUND6D_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Israel's peace treaty with Egypt has held for forty years.",
        (frozenset({"Israel", "Egypt"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union's treaty with Afghanistan gave it no right to invade that country.",
        (frozenset({"Soviet Union", "Afghanistan"}),),
    ),
    (
        WHITE_HOUSE,
        "Under its treaty with Cuba, the Soviet Union has sent a brigade of combat troops to the island.",
        (frozenset({"Soviet Union", "Cuba"}),),
    ),
    (
        WHITE_HOUSE,
        "The peace agreement that Egypt and Israel signed at Camp David is a model for the region.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "We welcomed the ceasefire agreed by India and Pakistan last summer.",
        (frozenset({"India", "Pakistan"}),),
    ),
    (
        WHITE_HOUSE,
        "Last year the Soviets signed a treaty of friendship with Vietnam.",
        (frozenset({"Soviet Union", "Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "The treaty with the Soviet Union, which Secretary Kissinger negotiated, limits defensive missiles.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The Congress approved the free trade agreement with Israel last spring.",
        (frozenset({"United States", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "American and Japanese negotiators concluded the semiconductor agreement in July.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "Ambassador Hills and her Japanese counterpart signed the accord on wood products.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "China's border agreement with India has not prevented clashes in the Himalayas.",
        (frozenset({"China", "India"}),),
    ),
    (
        WHITE_HOUSE,
        "The Senate gave its consent to the treaty of friendship with Spain.",
        (frozenset({"United States", "Spain"}),),
    ),
    (
        STATE,
        "Jordan and Israel signed a water-sharing agreement, which the United States helped to negotiate.",
        (frozenset({"Jordan", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "The armistice that ended the fighting in Korea was signed by the United Nations Command, North Korea "
        "and China.",
        (frozenset({"United Nations Command", "North Korea", "China"}),),
    ),
)


# Round 6e (issue 19): written blind, on an agreement whose other side a presidential address (or a release)
# names only in the sentence before: the country the speaker's government deals with there, a leader met
# there. Parties only; `--round6e`.
ROUND6E_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Our relations with Japan have never been better. Last month we signed a new agreement on trade.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "I met with President Sadat in Aswan in January. We agreed on the principles of a settlement.",
        (frozenset({"United States", "Egypt"}),),
    ),
    (
        WHITE_HOUSE,
        "Mexico is our neighbor and our friend. The treaty we signed last year settles the last of our border "
        "disputes.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "We have worked with Canada for two years on acid rain. The agreement we reached in March will cut "
        "emissions by half.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        BEEHIVE,
        "The Prime Minister met Samoa's Prime Minister in Apia today. The two leaders signed a statement of "
        "partnership.",
        (frozenset({"New Zealand", "Samoa"}),),
    ),
    (
        WHITE_HOUSE,
        "Our negotiations with Panama have continued for thirteen years. This year they produced two treaties.",
        (frozenset({"United States", "Panama"}),),
    ),
    (
        WHITE_HOUSE,
        "We have opened a new chapter with China. We have signed agreements on trade and on science.",
        (frozenset({"United States", "China"}),),
    ),
    (
        CANADA,
        "Canada and Chile have been partners for decades. Today the two countries signed a modernized free "
        "trade agreement.",
        (frozenset({"Canada", "Chile"}),),
    ),
    # boundaries
    (
        WHITE_HOUSE,
        "The Soviet Union has built up its forces in Europe. No arms control agreement can ignore that fact.",
        (),
    ),
    (
        WHITE_HOUSE,
        "India is the world's largest democracy. The Paris Agreement was adopted by nearly 200 nations.",
        (),
    ),
)


# Round 6f (issue 19): written blind, on sides named by their peoples or governments' adjectives, by their
# seats, by a monarch ('the King of Siam', 'the Emperor of Japan'), and blocs in news and releases. Parties
# only; `--round6f`.
ROUND6F_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "The Chinese and the Soviets signed a treaty of alliance in 1950.",
        (frozenset({"China", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The status of forces agreement with the Japanese government was renewed in June.",
        (frozenset({"United States", "Japan"}),),
    ),
    (WHITE_HOUSE, "We extended the reciprocal trade agreements program for three more years.", ()),
    (
        WHITE_HOUSE,
        "The British and French governments have signed an accord on the Channel tunnel.",
        (frozenset({"United Kingdom", "France"}),),
    ),
    (
        WIRE,
        "Seoul and Tokyo signed an intelligence-sharing pact on Wednesday.",
        (frozenset({"South Korea", "Japan"}),),
    ),
    (
        WIRE,
        "Tehran and Riyadh agreed to restore ties under a deal brokered by Beijing.",
        (frozenset({"Iran", "Saudi Arabia"}),),
    ),
    (
        EU,
        "The EU and Mercosur concluded negotiations on a partnership agreement.",
        (frozenset({"European Union", "Mercosur"}),),
    ),
    (
        INDIA,
        "India and Australia signed an Economic Cooperation and Trade Agreement.",
        (frozenset({"India", "Australia"}),),
    ),
    (
        KENYA,
        "Kenya and the United States launched negotiations on a Strategic Trade and Investment Partnership.",
        (frozenset({"Kenya", "United States"}),),
    ),
    (
        WHITE_HOUSE,
        "The treaty of commerce with His Majesty the King of Siam has been signed.",
        (frozenset({"United States", "Thailand"}),),
    ),
    (
        WHITE_HOUSE,
        "A convention with the Emperor of Japan for the protection of trademarks in Korea was signed at Washington.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "The Sultan of Oman has agreed to a treaty of amity with us.",
        (frozenset({"United States", "Oman"}),),
    ),
)


# Round 6g (issue 19): written blind, on places and countries named in what the sides agree *to do* ('agreed to
# support a neutral Laos', 'agreed to withdraw their forces from Austria'), which are no sides, beside an
# agreement made with a country in that clause ('agreed to sign a trade treaty with Korea'). Parties only;
# `--round6g`.
ROUND6G_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "The Soviet Union and the United States agreed to withdraw their forces from Austria.",
        (frozenset({"Soviet Union", "United States"}),),
    ),
    (
        WHITE_HOUSE,
        "Britain and France have agreed to guarantee the independence of Belgium.",
        (frozenset({"United Kingdom", "France"}),),
    ),
    (
        WHITE_HOUSE,
        "Japan agreed to sign a trade treaty with Korea.",
        (frozenset({"Japan", "South Korea"}),),
    ),
    (
        WIRE,
        "Russia and Turkey agreed to set up a ceasefire zone in Syria's Idlib province.",
        (frozenset({"Russia", "Turkey"}),),
    ),
    (
        KENYA,
        "Kenya and Ethiopia agreed to build a road linking Nairobi and Addis Ababa.",
        (frozenset({"Kenya", "Ethiopia"}),),
    ),
    (
        BEEHIVE,
        "New Zealand and Australia agreed to send a joint mission to Tonga.",
        (frozenset({"New Zealand", "Australia"}),),
    ),
    (
        WHITE_HOUSE,
        "The President of Mexico and I agreed to strengthen our cooperation against drug trafficking from "
        "Colombia.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (WIRE, "Chile agreed to a trade agreement with Canada.", (frozenset({"Chile", "Canada"}),)),
    (
        CANADA,
        "Canada and the European Union agreed to deepen their support for Ukraine.",
        (frozenset({"Canada", "European Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Mr. Brezhnev and I agreed to work for a peaceful settlement in the Middle East.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
)


# Round 7 (issue 19): written blind, on the wrong counterpart: several countries in one sentence where only
# some are the agreement's sides (those consulted, opposing, hosting, or what the agreement is about or
# against), a venue ('at the Paris conference', 'in Geneva'), a country named between the counterpart and
# the agreement, and peoples as sides ('the Chinese and the Soviets'). Parties only; `--round7`.
ROUND7_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "After consulting Britain and France, we signed a treaty of friendship with Japan.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "The treaty with Panama, which Colombia had long opposed, has now been ratified.",
        (frozenset({"United States", "Panama"}),),
    ),
    (
        WHITE_HOUSE,
        "We have concluded a treaty with Mexico on the waters of the Colorado River and the Rio Grande.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "An agreement with Japan on fishing in the waters off Korea was signed last month.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "In Geneva, our negotiators reached an agreement with the Soviet Union on the exchange of scientists.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        STATE,
        "The United States and Vietnam signed a civil nuclear cooperation agreement in Hanoi.",
        (frozenset({"United States", "Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "We concluded an alliance with Britain against Nazi Germany.",
        (frozenset({"United States", "United Kingdom"}),),
    ),
    (
        WHITE_HOUSE,
        "President Sadat came to Washington last month. Since then, Israel and Egypt have signed a peace treaty.",
        (frozenset({"Israel", "Egypt"}),),
    ),
    (
        WHITE_HOUSE,
        "I met Prime Minister Thatcher in London. Later, in Moscow, I signed an agreement with General "
        "Secretary Gorbachev on nuclear testing.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WIRE,
        "Germany and France, meeting in Brussels, urged Turkey to honour its migration deal with the European "
        "Union.",
        (frozenset({"Turkey", "European Union"}),),
    ),
    (
        CANADA,
        "Canada signed a free trade agreement with Ukraine at a ceremony hosted by Poland.",
        (frozenset({"Canada", "Ukraine"}),),
    ),
    (
        INDIA,
        "India and Japan signed an agreement on a high-speed rail link between Mumbai and Ahmedabad.",
        (frozenset({"India", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed a treaty of mutual defense with Turkey, a neighbor of the Soviet Union.",
        (frozenset({"United States", "Turkey"}),),
    ),
    (
        WHITE_HOUSE,
        "The Chinese and the Soviets have signed a border agreement.",
        (frozenset({"China", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The United States, the Soviet Union and Britain signed the test ban treaty in Moscow.",
        (frozenset({"United States", "Soviet Union", "United Kingdom"}),),
    ),
    (
        BEEHIVE,
        "New Zealand signed a trade agreement with the United Kingdom, building on its close ties with Australia.",
        (frozenset({"New Zealand", "United Kingdom"}),),
    ),
    (
        KENYA,
        "Kenya and Uganda signed an agreement on the oil pipeline, which will run to the port of Tanga in Tanzania.",
        (frozenset({"Kenya", "Uganda"}),),
    ),
    (
        WHITE_HOUSE,
        "At the Paris conference, we signed an agreement with North Vietnam to end the war.",
        (frozenset({"United States", "North Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "With the support of Canada, we concluded a treaty with Mexico on migratory birds.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed an agreement with Egypt to help build a power plant on the Nile, and Israel has "
        "welcomed it.",
        (frozenset({"United States", "Egypt"}),),
    ),
    (
        STATE,
        "Secretary Blinken, traveling from Tokyo, signed a maritime security agreement with the Philippines in "
        "Manila.",
        (frozenset({"United States", "Philippines"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union has invaded Afghanistan. Our grain agreement with the Soviets is suspended.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "We are working with Japan on trade. The agreement we reached will open Japanese markets to American "
        "beef.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        EU,
        "The European Union signed a partnership agreement with Chile, whose copper exports go mostly to China.",
        (frozenset({"European Union", "Chile"}),),
    ),
    (
        WIRE,
        "Australia signed a security pact with Papua New Guinea, a move seen as countering China.",
        (frozenset({"Australia", "Papua New Guinea"}),),
    ),
    (
        WHITE_HOUSE,
        "We signed a treaty with Spain for bases, over the objections of France.",
        (frozenset({"United States", "Spain"}),),
    ),
    (
        WHITE_HOUSE,
        "The agreement between Britain and Ireland, which we helped to broker, has been signed.",
        (frozenset({"United Kingdom", "Ireland"}),),
    ),
    (
        WIRE,
        "At talks hosted by Egypt in Cairo, Israel and Hamas agreed to a ceasefire deal.",
        (frozenset({"Israel", "Hamas"}),),
    ),
    (
        WHITE_HOUSE,
        "After their war, India and Pakistan signed an agreement at Tashkent in the Soviet Union.",
        (frozenset({"India", "Pakistan"}),),
    ),
    (
        WHITE_HOUSE,
        "Our treaty with West Germany on the status of our forces in Berlin has been ratified.",
        (frozenset({"United States", "Germany"}),),
    ),
    (
        WHITE_HOUSE,
        "Cuba remains a Soviet outpost, but we have signed a new fisheries agreement with Canada.",
        (frozenset({"United States", "Canada"}),),
    ),
)


# Round 7b (issue 19): written blind, on countries in what an agreement is about ('an agreement with Canada on
# salmon in the waters off Alaska', 'a deal on grain exports through the Black Sea, brokered by Turkey'), which
# are no sides, beside a side named inside it ('an agreement on trade with Japan'). Parties only; `--round7b`.
ROUND7B_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "We have signed an agreement with Canada on the protection of salmon in the waters off Alaska and Russia.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WIRE,
        "Germany signed a deal with Qatar on liquefied gas supplies to replace imports from Russia.",
        (frozenset({"Germany", "Qatar"}),),
    ),
    (
        INDIA,
        "India signed an agreement with Bhutan on hydropower exports to Bangladesh.",
        (frozenset({"India", "Bhutan"}),),
    ),
    (
        WIRE,
        "Britain and China signed an agreement on the future of Hong Kong.",
        (frozenset({"United Kingdom", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "The treaty with Mexico on the boundary along the Rio Grande has been ratified.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        KENYA,
        "Kenya signed a memorandum of understanding with Ethiopia on the transport corridor to South Sudan.",
        (frozenset({"Kenya", "Ethiopia"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union and the United States signed an agreement on Austria.",
        (frozenset({"Soviet Union", "United States"}),),
    ),
    (
        WHITE_HOUSE,
        "We concluded an agreement on Berlin with the Soviet Union, Britain and France.",
        (frozenset({"United States", "Soviet Union", "United Kingdom", "France"}),),
    ),
    (
        WHITE_HOUSE,
        "We signed an agreement on trade with Japan.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        BEEHIVE,
        "New Zealand signed an arrangement with Australia on recognising each other's qualifications.",
        (frozenset({"New Zealand", "Australia"}),),
    ),
    (
        CANADA,
        "Canada and Mexico signed an agreement on seasonal workers from Guatemala.",
        (frozenset({"Canada", "Mexico"}),),
    ),
    (
        WIRE,
        "Russia and Ukraine signed a deal on grain exports through the Black Sea, brokered by Turkey and the "
        "United Nations.",
        (frozenset({"Russia", "Ukraine"}),),
    ),
    (
        WHITE_HOUSE,
        "We have agreed with Israel on a plan for economic aid to Jordan.",
        (frozenset({"United States", "Israel"}),),
    ),
)


# Round 8 (issue 19): written blind, before its rules, on what speeches leave to the reader: agreements said as an
# alliance, an understanding, a settlement or a commitment; treaties whose name carries their sides ('the ANZUS
# pact', 'the Panama Canal treaties'); 'the two superpowers'; a foreign government that agrees to do something
# for the speaker's country ('China has agreed to open its markets'); those who urge a side to keep a deal; a
# clause joined by 'and' that accedes to, joins or ratifies it; a nation named by its people ('the Russians', by
# era), its capital or its leader; the other side named a sentence before or in a list. Parties only; `--round8`.
ROUND8_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "In 1941 we concluded an alliance with Britain against Nazi Germany.",
        (frozenset({"United States", "United Kingdom"}),),
    ),
    (
        WHITE_HOUSE,
        "We have entered into a defensive alliance with Japan.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "The alliance we formed with France in 1778 won us our independence.",
        (frozenset({"United States", "France"}),),
    ),
    (
        WHITE_HOUSE,
        "Our alliance has never been stronger, and our friendship with the peoples of Europe is deeper than ever.",
        (),
    ),
    (
        WHITE_HOUSE,
        "Our understanding with Mexico on migrant labor has worked well for both nations.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The settlement with Germany on war claims was signed in Bonn last month.",
        (frozenset({"United States", "Germany"}),),
    ),
    (
        WHITE_HOUSE,
        "We will continue to search for a lasting settlement of the conflict in the Middle East.",
        (),
    ),
    (
        WHITE_HOUSE,
        "We will honor our commitments to NATO.",
        (frozenset({"United States", "North Atlantic Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "The Panama Canal treaties will be before the Senate this spring.",
        (frozenset({"United States", "Panama"}),),
    ),
    (
        WHITE_HOUSE,
        "The ANZUS pact remains the cornerstone of our security in the Pacific.",
        (frozenset({"United States", "Australia", "New Zealand"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union has built up its missile forces. Now the two superpowers have agreed to cut their strategic arsenals by half.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "President Gorbachev and I met in Washington in December. Both sides agreed to press ahead with a treaty on strategic arms.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "China has agreed to open its markets to American farm products.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "Japan has agreed to lower its barriers to our rice and our beef.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        STATE,
        "India has committed to reducing its tariffs on American goods.",
        (frozenset({"United States", "India"}),),
    ),
    (WHITE_HOUSE, "Iran has agreed to a ceasefire with Iraq.", (frozenset({"Iran", "Iraq"}),)),
    (
        WHITE_HOUSE,
        "We urged Turkey to honor its deal with the European Union on migrants.",
        (frozenset({"Turkey", "European Union"}),),
    ),
    (
        STATE,
        "The United States and France urged Serbia to implement its agreement with Kosovo.",
        (frozenset({"Serbia", "Kosovo"}),),
    ),
    (
        WIRE,
        "Germany called on Russia to respect the ceasefire agreement with Ukraine.",
        (frozenset({"Russia", "Ukraine"}),),
    ),
    (
        WHITE_HOUSE,
        "We signed the treaty with Mexico last year, and Canada joined it this spring.",
        (frozenset({"United States", "Mexico", "Canada"}),),
    ),
    (
        WIRE,
        "Norway ratified the fisheries convention in May, and Iceland acceded to it in June.",
        (frozenset({"Norway", "Iceland"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union has massed troops in Europe. We have proposed a treaty to the Russians to reduce them.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "We negotiated a new arms control treaty with the Russians last year.",
        (frozenset({"United States", "Russia"}),),
    ),
    (
        WHITE_HOUSE,
        "Our negotiations with the Chinese on trade have made real progress.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WIRE,
        "Washington and Hanoi signed a trade agreement on Thursday.",
        (frozenset({"United States", "Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "We have concluded an agreement with Peking on the settlement of claims.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "I have signed an agreement with President Yeltsin to cut our missiles.",
        (frozenset({"United States", "Russia"}),),
    ),
    (
        WHITE_HOUSE,
        "Our relations with Mexico have never been better. Last year we signed a treaty settling the boundary along the Rio Grande.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "Japan is our most important ally in Asia. The treaty of mutual cooperation and security, now in its tenth year, has served both nations well.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed trade agreements with Israel, Jordan, and Morocco.",
        (
            frozenset({"United States", "Israel"}),
            frozenset({"United States", "Jordan"}),
            frozenset({"United States", "Morocco"}),
        ),
    ),
    (
        WHITE_HOUSE,
        "Extradition treaties with Argentina, Chile and Peru were ratified this year.",
        (
            frozenset({"United States", "Argentina"}),
            frozenset({"United States", "Chile"}),
            frozenset({"United States", "Peru"}),
        ),
    ),
    (
        WHITE_HOUSE,
        "We have completed a new base agreement in Spain.",
        (frozenset({"United States", "Spain"}),),
    ),
    (WHITE_HOUSE, "We signed the treaty in Geneva.", ()),
    (
        INDIA,
        "India and the Maldives signed a pact on defence cooperation. New Delhi also agreed to extend a line of credit to Male.",
        (frozenset({"India", "Maldives"}),),
    ),
    (
        KENYA,
        "Kenya and Tanzania have agreed to remove non-tariff barriers. The two sides signed the agreement in Arusha.",
        (frozenset({"Kenya", "Tanzania"}),),
    ),
    (
        BEEHIVE,
        "New Zealand and Fiji have signed a security pact. Australia welcomed the agreement, and Tonga has since joined it.",
        (frozenset({"New Zealand", "Fiji", "Tonga"}),),
    ),
)


# Round 8b (issue 19): written blind, before its rules, on the other side left to the reader in speeches: named
# by history in the agreement's name ('the SALT II treaty', 'the INF treaty', 'the North American Free Trade
# Agreement', 'the Camp David accords'), said a sentence or two before, as a leader by title ('the President of
# Mexico'), as a people, or in a list set beside the agreement ('with our neighbors, Canada and Mexico'). Parties
# only; `--round8b`.
ROUND8B_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "The SALT II treaty is now before the Senate, and I urge you to ratify it.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The INF treaty we signed last December eliminates an entire class of nuclear missiles.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The ABM Treaty has served us well for twenty years.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "I ask the Congress to approve the North American Free Trade Agreement this year.",
        (frozenset({"United States", "Canada", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The Camp David accords have brought peace between two old enemies.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "The START treaty with Russia will cut our arsenals by a third.",
        (frozenset({"United States", "Russia"}),),
    ),
    (
        WHITE_HOUSE,
        "The President of Mexico visited Washington in May. We agreed to build a new bridge across the border at El Paso.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "Last year I traveled to Panama and met its leaders. We talked about the future of the canal. The treaties we signed will be before the Senate this spring.",
        (frozenset({"United States", "Panama"}),),
    ),
    (
        WHITE_HOUSE,
        "The Chinese have agreed to buy more American grain.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed new agreements with our neighbors, Canada and Mexico, on clean air.",
        (frozenset({"United States", "Canada"}), frozenset({"United States", "Mexico"})),
    ),
    (
        WHITE_HOUSE,
        "Treaties of friendship were signed with Japan, with Korea and with the Philippines.",
        (
            frozenset({"United States", "Japan"}),
            frozenset({"United States", "South Korea"}),
            frozenset({"United States", "Philippines"}),
        ),
    ),
    (
        WHITE_HOUSE,
        "We have reached agreement with Tokyo on the opening of its construction market.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "With the help of President Sadat, we have concluded a new agreement to reduce tension in the Sinai.",
        (),
    ),
    (
        WHITE_HOUSE,
        "Iceland has asked for talks on our base at Keflavik. We will negotiate a new defense agreement this year.",
        (frozenset({"United States", "Iceland"}),),
    ),
    (
        WHITE_HOUSE,
        "We have been patient with Cuba. But the agreement on migration must be respected.",
        (frozenset({"United States", "Cuba"}),),
    ),
    (
        WHITE_HOUSE,
        "We welcomed President Macron to the White House in April. The climate agreement remains important to us both.",
        (),
    ),
    (
        STATE,
        "Secretary Rubio met Indian External Affairs Minister Jaishankar in Washington. The two signed a framework for defense cooperation.",
        (frozenset({"United States", "India"}),),
    ),
    (
        CANADA,
        "Prime Minister Carney spoke with President Sheinbaum today. The leaders agreed to expand trade in energy.",
        (frozenset({"Canada", "Mexico"}),),
    ),
    (
        WIRE,
        "Kyiv and Warsaw signed an agreement on grain transit on Friday.",
        (frozenset({"Ukraine", "Poland"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviets have refused to negotiate. They walked away from the talks in Geneva last year.",
        (),
    ),
)


# Round 8c (issue 19): written blind, before its rules, on sides named only by the forces an agreement parts or
# stops ('the agreement on the disengagement of Egyptian and Israeli forces') and the partner named two
# sentences before the agreement the speaker's government makes. Parties only; `--round8c`.
ROUND8C_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Most recently came the agreement on the disengagement of Egyptian and Israeli military forces.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        WIRE,
        "A ceasefire between Indian and Pakistani troops along the line of control took effect at midnight.",
        (frozenset({"India", "Pakistan"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed an agreement with Jordan on the withdrawal of Iraqi forces from its border.",
        (frozenset({"United States", "Jordan"}),),
    ),
    (WHITE_HOUSE, "The armistice has ended the fighting, and American troops are coming home.", ()),
    (
        WHITE_HOUSE,
        "We have worked closely with Canada this year. Our scientists studied the lakes together. The agreement we signed in June will clean up the Great Lakes.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "Our relations with Brazil are strong. Trade between us has doubled. Last month we concluded a new agreement on science.",
        (frozenset({"United States", "Brazil"}),),
    ),
    (
        WHITE_HOUSE,
        "Cuba remains a threat to peace. Our trade with Europe has grown this year. We have concluded a new agreement on civil aviation.",
        (),
    ),
    (
        WHITE_HOUSE,
        "We met with the Soviet leaders in Geneva. The talks were frank. We agreed to meet again next year.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
)


# Round 10 (issue 19): written blind, before its rules, on a counterpart said in one sentence and named in another
# or by a description: 'the two nations', 'both governments', 'our neighbor to the north', 'the countries of the
# hemisphere' where a body of them is named, a capital ('Moscow', 'Peking', 'Hanoi', 'Washington'), a leader's
# name standing for the country, a bloc (the European Community, SEATO, the Common Market: the bloc as it is
# today where it continues), and the speaker's own country in or out. Parties only; `--round10`.
ROUND10_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Last June I met with President Brezhnev in Vienna. There we signed the SALT II treaty, and both governments have pledged to observe its limits.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "We have reached an agreement with Canada on acid rain. The two nations will cut sulfur emissions by half.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "We have concluded a treaty with our neighbor to the north on the waters of the Columbia River.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "With our neighbor to the south we have signed an agreement to curb the traffic in narcotics.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The talks with Moscow on the reduction of nuclear arms will resume in Geneva next month. The Soviet delegation has accepted our agenda.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Peking has agreed to open negotiations with us on the claims of American citizens.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "In Paris our negotiators have reached an agreement with Hanoi to end the war.",
        (frozenset({"United States", "Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviets have at last agreed to negotiate a ban on nuclear tests.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "We have signed a mutual defense treaty with the Republic of Korea. It binds the two nations to come to each other's aid.",
        (frozenset({"United States", "South Korea"}),),
    ),
    (
        WHITE_HOUSE,
        "We have concluded a new trade agreement with the European Community.",
        (frozenset({"United States", "European Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Our commitments under SEATO bind us to the defense of Southeast Asia.",
        (frozenset({"United States", "Southeast Asia Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "The Organization of American States met at Punta del Este in August. There the countries of the hemisphere agreed with us on a charter for economic development.",
        (frozenset({"United States", "Organization of American States"}),),
    ),
    (
        WHITE_HOUSE,
        "We are negotiating with the Common Market for lower tariffs on our farm exports.",
        (frozenset({"United States", "European Union"}),),
    ),
    (
        WHITE_HOUSE,
        "President Sadat and Prime Minister Begin came to Camp David in September. After thirteen days the two leaders signed a framework for peace.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        WHITE_HOUSE,
        "Japan and the United States have concluded a new agreement on semiconductors. Both governments will monitor prices.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        STATE,
        "Secretary Blinken met Foreign Minister Wang Yi in Beijing on Sunday. The two sides agreed to resume military-to-military talks.",
        (frozenset({"United States", "China"}),),
    ),
    (
        BEEHIVE,
        "New Zealand and Singapore have signed an enhanced partnership. The two countries will cooperate on digital trade.",
        (frozenset({"New Zealand", "Singapore"}),),
    ),
    (
        CANADA,
        "Canada has signed a new softwood lumber agreement with Washington.",
        (frozenset({"Canada", "United States"}),),
    ),
    (
        INDIA,
        "India and Japan signed a memorandum on high-speed rail in Tokyo. Both governments welcomed the progress made.",
        (frozenset({"India", "Japan"}),),
    ),
    (
        KENYA,
        "President Ruto held talks with President Museveni in Nairobi. The two leaders signed an agreement on the oil pipeline.",
        (frozenset({"Kenya", "Uganda"}),),
    ),
    (
        EU,
        "The EU and Mercosur concluded negotiations on a partnership agreement. The agreement will remove tariffs on most goods.",
        (frozenset({"European Union", "Mercosur"}),),
    ),
    (
        WIRE,
        "Moscow and Beijing signed a 30-year gas supply deal on Wednesday.",
        (frozenset({"Russia", "China"}),),
    ),
    (
        WIRE,
        "Tehran has agreed with the IAEA to restore camera monitoring at its nuclear sites.",
        (frozenset({"Iran", "International Atomic Energy Agency"}),),
    ),
    (
        WHITE_HOUSE,
        "Chairman Khrushchev has agreed to a treaty banning nuclear tests in the atmosphere.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The free nations of Europe have joined with us in the North Atlantic Treaty.",
        (frozenset({"United States", "North Atlantic Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "Egypt and Israel signed a treaty of peace at the White House, and I was proud to witness it.",
        (frozenset({"Egypt", "Israel"}),),
    ),
    (
        STATE,
        "The United States welcomes the ceasefire agreed by Armenia and Azerbaijan.",
        (frozenset({"Armenia", "Azerbaijan"}),),
    ),
    (
        WHITE_HOUSE,
        "We have opened negotiations with the British and the French on the future of Berlin.",
        (frozenset({"United States", "United Kingdom", "France"}),),
    ),
    (
        WHITE_HOUSE,
        "Mexico, Canada and the United States have completed negotiations on a free trade agreement.",
        (frozenset({"United States", "Canada", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "I will meet the Soviet leader in Reykjavik next week. We hope the meeting will lead to an agreement on intermediate-range missiles.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Our relations with the Soviet Union have improved. Last month the two governments concluded an agreement on cultural exchanges.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Our neighbors in the hemisphere have joined us in a new pact against drug trafficking.",
        (),
    ),
    (
        WHITE_HOUSE,
        "The two nations have long been friends, and our trade has never been greater.",
        (),
    ),
    (
        WHITE_HOUSE,
        "The agreement among the four powers on Berlin has eased tensions in Central Europe.",
        (),
    ),
    (
        WIRE,
        "The Taliban and Washington signed a deal in Doha on the withdrawal of U.S. troops.",
        (frozenset({"Taliban", "United States"}),),
    ),
    (
        EU,
        "The Commission welcomes the agreement reached with the United Kingdom on Gibraltar. Both sides will now finalise the treaty text.",
        (frozenset({"European Union", "United Kingdom"}),),
    ),
    (
        WHITE_HOUSE,
        "We have agreed with our NATO allies to establish a multilateral nuclear force.",
        (frozenset({"United States", "North Atlantic Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "Premier Kosygin and I agreed at Glassboro to begin talks on limiting strategic arms.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
)


# Round 10b (issue 19): written blind, before its rules, on longer passages where the other side is said some
# sentences before, as an address tells it: 'the three governments', 'the Alliance' or 'our allies' after NATO,
# 'the Kremlin', a country three sentences back, and the negatives where no side is named. Parties only;
# `--round10b`.
ROUND10B_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Britain, the Soviet Union and the United States met in Moscow last summer. The three governments signed a treaty banning nuclear tests in the atmosphere.",
        (frozenset({"United States", "United Kingdom", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Representatives of France, Britain and the United States met in London. The three powers agreed on a plan for the western zones of Germany.",
        (frozenset({"United States", "United Kingdom", "France"}),),
    ),
    (
        WHITE_HOUSE,
        "The four powers have not agreed on anything this year, and Berlin remains divided.",
        (),
    ),
    (
        WHITE_HOUSE,
        "The North Atlantic Treaty Organization is the shield of the free world. This year the Alliance agreed with us to modernize its nuclear forces.",
        (frozenset({"United States", "North Atlantic Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "NATO remains strong. We have reached agreement with our allies on a new strategy for the defense of Europe.",
        (frozenset({"United States", "North Atlantic Treaty Organization"}),),
    ),
    (
        WHITE_HOUSE,
        "Our allies have been generous, and we are grateful to them.",
        (),
    ),
    (
        WHITE_HOUSE,
        "The Kremlin has at last agreed to negotiate on intermediate-range nuclear forces.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WIRE,
        "The Kremlin said on Tuesday that it had signed a new security pact with Belarus.",
        (frozenset({"Russia", "Belarus"}),),
    ),
    (
        WHITE_HOUSE,
        "Our relations with Japan are close. Trade between us has grown. Our scientists work together in many fields. Last month the two governments concluded an agreement on energy research.",
        (frozenset({"United States", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "President Sadat came to Washington in February. He and I discussed the search for peace. Our talks were long and frank. The two nations then agreed to a new program of economic assistance.",
        (frozenset({"United States", "Egypt"}),),
    ),
    (
        WHITE_HOUSE,
        "We have worked with Mexico on the problems of our border. Together we have signed an agreement to control the flow of narcotics.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet Union has massed troops on the border of Poland. Our alliance with Western Europe remains firm. We will honor the agreements we have made.",
        (),
    ),
    (
        BEEHIVE,
        "The Prime Minister met Australian Prime Minister Albanese in Wellington. The two leaders agreed to deepen defence cooperation under the closer defence relations arrangement.",
        (frozenset({"New Zealand", "Australia"}),),
    ),
    (
        INDIA,
        "Prime Minister Modi held talks with the visiting German Chancellor. Both sides signed a joint declaration of intent on green hydrogen.",
        (frozenset({"India", "Germany"}),),
    ),
    (
        EU,
        "The Commission has concluded negotiations with the four Mercosur countries. The agreement will now be submitted to the Council.",
        (frozenset({"European Union", "Mercosur"}),),
    ),
    (
        WHITE_HOUSE,
        "Our negotiators in Geneva have met with their Soviet counterparts for eight months. Both delegations have now agreed on the text of a treaty to eliminate intermediate-range missiles.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        STATE,
        "Secretary Rubio spoke with Foreign Minister Joly of Canada. The two ministers agreed to begin talks on a new critical minerals agreement.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "With Peking we have agreed to exchange liaison offices.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "The Chinese have agreed to buy more American grain under a new agreement.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "Hanoi has violated the cease-fire agreement in Vietnam.",
        (frozenset({"United States", "Vietnam"}),),
    ),
)


# Round 10c (issue 19): written blind, before its rules, on the formal and familiar names addresses give the
# other side: 'the People's Republic of China', 'the Federal Republic of Germany', 'the Republic of Vietnam', 'the
# Soviet side', 'the Soviet leadership', 'our Canadian friends', 'our Mexican neighbors', and 'Hanoi' where the
# text speaks of North Vietnam. Parties only; `--round10c`.
ROUND10C_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "We have signed an agreement with the People's Republic of China on scientific exchanges.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "The Federal Republic of Germany and the United States concluded an agreement on the stationing of our troops.",
        (frozenset({"United States", "Germany"}),),
    ),
    (
        WHITE_HOUSE,
        "The treaty with the German Democratic Republic on the transit of goods has been ratified.",
        (frozenset({"United States", "East Germany"}),),
    ),
    (
        WHITE_HOUSE,
        "We have concluded an agreement with the Republic of Vietnam on economic aid.",
        (frozenset({"United States", "South Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet side has agreed to resume the talks on strategic arms in March.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "The Soviet leadership has accepted our proposal for a treaty on chemical weapons.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "Our Canadian friends have joined us in a new agreement to protect the caribou herds.",
        (frozenset({"United States", "Canada"}),),
    ),
    (
        WHITE_HOUSE,
        "We have negotiated a new treaty with our Mexican neighbors on the waters of the Rio Grande.",
        (frozenset({"United States", "Mexico"}),),
    ),
    (
        WHITE_HOUSE,
        "North Vietnam has refused every offer of peace. We will not accept an agreement with Hanoi that abandons the South.",
        (frozenset({"United States", "North Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "Our Canadian friends visited the White House last week, and our talks were warm.",
        (),
    ),
    (
        WHITE_HOUSE,
        "The Republic of Korea and Japan have normalized their relations under a treaty signed in Tokyo.",
        (frozenset({"South Korea", "Japan"}),),
    ),
    (
        WHITE_HOUSE,
        "Our Government and the Government of the Union of Soviet Socialist Republics have agreed to open consulates.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
)


# Round 10d (issue 19): written blind, before its rules, on leaders named as addresses name them: a Chinese,
# Korean or Vietnamese leader by the family name that comes first ('Premier Chou', 'President Xi', 'President
# Park'), a monarch by a title only one country's has ('the Shah'), and a country's people beside the speaker.
# Parties only; `--round10d`.
ROUND10D_PROBES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "Premier Chou and I signed a communique in Shanghai that opened a new era in our relations.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "President Xi and I agreed to cut tariffs on each other's goods.",
        (frozenset({"United States", "China"}),),
    ),
    (
        WHITE_HOUSE,
        "President Park and I signed an agreement on the status of our forces in Korea.",
        (frozenset({"United States", "South Korea"}),),
    ),
    (
        WHITE_HOUSE,
        "President Thieu has accepted our proposal for a cease-fire agreement.",
        (frozenset({"United States", "South Vietnam"}),),
    ),
    (
        WHITE_HOUSE,
        "The Shah and I agreed on a new program of military cooperation.",
        (frozenset({"United States", "Iran"}),),
    ),
    (
        WHITE_HOUSE,
        "We and the Soviets have signed an agreement to prevent incidents at sea.",
        (frozenset({"United States", "Soviet Union"}),),
    ),
    (
        WHITE_HOUSE,
        "With the British we have agreed to share the research on atomic energy.",
        (frozenset({"United States", "United Kingdom"}),),
    ),
    (
        WHITE_HOUSE,
        "Last May the foreign ministers signed the Austrian State Treaty in Vienna.",
        (frozenset({"United States", "Austria"}),),
    ),
    (
        WHITE_HOUSE,
        "President Kim of the Republic of Korea visited us in July, and we agreed to strengthen our alliance.",
        (frozenset({"United States", "South Korea"}),),
    ),
    (
        WHITE_HOUSE,
        "Mr. Kim and his family have moved to Ohio, where they signed a lease on a farm.",
        (),
    ),
)


# Round 11 (issue 19): written blind, before its rules, on several agreements in one sentence or one text: nouns
# joined with different subjects ('an X agreement and a Y memorandum'), a verb of its own per conjunct ('signed A
# and launched talks on B'), a second agreement in a relative or participial clause or a later sentence of the
# same sides, one per counterpart ('respectively', 'separate'), and the boundary: one agreement named twice
# (apposition, a joined modifier, a sentence pointing back). Each text's agreements as (parties, status),
# scored on their number, parties and status by `--round11`; `--round11b` was written at the same time and
# scored only at the end.
AUSTRALIA_PM = "https://www.pm.gov.au/media/x"
SINGAPORE_MFA = "https://www.mfa.gov.sg/newsroom/x"
PHILIPPINES_PCO = "https://pco.gov.ph/news_releases/x"
SOUTH_AFRICA_DIRCO = "https://www.dirco.gov.za/news/x"
NIGERIA_STATE_HOUSE = "https://statehouse.gov.ng/news/x"
UK_NEWS = "https://www.gov.uk/government/news/x"

_US_AU = frozenset({"United States", "Australia"})

ROUND11_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    # a named partnership spoken of, then a new agreement the sentence's 'between' gives its sides
    (
        AUSTRALIA_PM,
        "Prime Minister Albanese and President Trump discussed the AUKUS partnership and welcomed the signing "
        "of a new critical minerals framework between the United States and Australia.",
        (
            (frozenset({"Australia", "United Kingdom", "United States"}), "in_force"),
            (_US_AU, "signed"),
        ),
    ),
    # two agreement nouns joined, each with its own subject: two agreements of the same sides
    (
        WIRE,
        "India and the UAE signed a Bilateral Investment Treaty and an agreement on a digital payments link.",
        (
            (frozenset({"India", "United Arab Emirates"}), "signed"),
            (frozenset({"India", "United Arab Emirates"}), "signed"),
        ),
    ),
    (
        INDIA,
        "India and Japan exchanged a memorandum of cooperation on semiconductors and a memorandum of "
        "understanding on clean energy during the Prime Minister's visit to Tokyo.",
        ((frozenset({"India", "Japan"}), "signed"), (frozenset({"India", "Japan"}), "signed")),
    ),
    (
        SOUTH_AFRICA_DIRCO,
        "South Africa and China signed a framework agreement on economic partnership and a memorandum of "
        "understanding on new energy cooperation.",
        ((frozenset({"South Africa", "China"}), "signed"), (frozenset({"South Africa", "China"}), "signed")),
    ),
    # the agency's arrangements, one per counterpart; the host city's country is no side
    (
        EU,
        "At a meeting in Lima on Thursday, the European Border and Coast Guard Agency (Frontex) signed working "
        "arrangements with Chile, Ecuador and Bolivia.",
        tuple(
            (frozenset({"European Border and Coast Guard Agency", other}), "signed")
            for other in ("Chile", "Ecuador", "Bolivia")
        ),
    ),
    # a verb of its own per conjunct
    (
        CANADA,
        "Canada and the Philippines signed a memorandum of understanding on agricultural cooperation and "
        "launched negotiations on a defence cooperation agreement.",
        (
            (frozenset({"Canada", "Philippines"}), "signed"),
            (frozenset({"Canada", "Philippines"}), "in_negotiation"),
        ),
    ),
    (
        SINGAPORE_MFA,
        "Singapore and Vietnam signed a digital economy agreement on Tuesday and concluded negotiations on a "
        "green economy framework.",
        ((frozenset({"Singapore", "Vietnam"}), "signed"), (frozenset({"Singapore", "Vietnam"}), "agreed")),
    ),
    (
        PHILIPPINES_PCO,
        "The Philippines and Japan signed a reciprocal access agreement on Monday and agreed to start "
        "negotiations on an acquisition and cross-servicing agreement.",
        (
            (frozenset({"Philippines", "Japan"}), "signed"),
            (frozenset({"Philippines", "Japan"}), "in_negotiation"),
        ),
    ),
    (
        WIRE,
        "Germany and India signed a migration and mobility partnership in 2022 and on Thursday launched talks "
        "on a mutual legal assistance treaty.",
        ((frozenset({"Germany", "India"}), "signed"), (frozenset({"Germany", "India"}), "in_negotiation")),
    ),
    # different sides per clause
    (
        WIRE,
        "Australia and Japan signed a reciprocal access agreement, while Australia and Indonesia launched talks "
        "on a defence cooperation treaty.",
        (
            (frozenset({"Australia", "Japan"}), "signed"),
            (frozenset({"Australia", "Indonesia"}), "in_negotiation"),
        ),
    ),
    (
        EU,
        "The EU signed a free trade agreement with Indonesia and concluded negotiations on a digital trade "
        "agreement with Singapore.",
        (
            (frozenset({"European Union", "Indonesia"}), "signed"),
            (frozenset({"European Union", "Singapore"}), "agreed"),
        ),
    ),
    (
        WHITE_HOUSE,
        "The President signed a reciprocal trade agreement with Malaysia and a memorandum of understanding with "
        "Cambodia on critical minerals.",
        (
            (frozenset({"United States", "Malaysia"}), "signed"),
            (frozenset({"United States", "Cambodia"}), "signed"),
        ),
    ),
    (
        SOUTH_AFRICA_DIRCO,
        "South Africa signed a water-sharing agreement and an energy trade agreement with Botswana and Namibia "
        "respectively.",
        (
            (frozenset({"South Africa", "Botswana"}), "signed"),
            (frozenset({"South Africa", "Namibia"}), "signed"),
        ),
    ),
    (
        KENYA,
        "Kenya signed separate agreements with Uganda and Tanzania on the joint management of the fisheries of "
        "Lake Victoria.",
        ((frozenset({"Kenya", "Uganda"}), "signed"), (frozenset({"Kenya", "Tanzania"}), "signed")),
    ),
    # a second agreement in a participial or relative clause
    (
        BEEHIVE,
        "New Zealand and the United Kingdom signed an arrangement on working holiday visas, building on the free "
        "trade agreement that entered into force in 2023.",
        (
            (frozenset({"New Zealand", "United Kingdom"}), "signed"),
            (frozenset({"New Zealand", "United Kingdom"}), "in_force"),
        ),
    ),
    (
        SINGAPORE_MFA,
        "Singapore and Australia signed a green economy agreement, which will operate alongside the Singapore-"
        "Australia Free Trade Agreement that has been in force since 2003.",
        (
            (frozenset({"Singapore", "Australia"}), "signed"),
            (frozenset({"Singapore", "Australia"}), "in_force"),
        ),
    ),
    # the same sides later in the text, with another subject or stage
    (
        UK_NEWS,
        "The UK and France signed a returns deal in London today. Ministers from both countries also agreed to "
        "begin talks next year on a trade pact.",
        (
            (frozenset({"United Kingdom", "France"}), "signed"),
            (frozenset({"United Kingdom", "France"}), "in_negotiation"),
        ),
    ),
    (
        CANADA,
        "Canada and Indonesia signed a comprehensive economic partnership agreement in Ottawa on Tuesday. The "
        "deal builds on the existing investment protection agreement between the two countries.",
        (
            (frozenset({"Canada", "Indonesia"}), "signed"),
            (frozenset({"Canada", "Indonesia"}), "in_force"),
        ),
    ),
    (
        NIGERIA_STATE_HOUSE,
        "Nigeria and Ghana signed a gas pipeline agreement in Abuja on Monday. Separately, the two countries "
        "signed a visa waiver agreement for holders of official passports.",
        ((frozenset({"Nigeria", "Ghana"}), "signed"), (frozenset({"Nigeria", "Ghana"}), "signed")),
    ),
    (
        EU,
        "The European Union and Canada have had a comprehensive economic and trade agreement in force since "
        "2017. On Monday the two sides signed a security and defence partnership.",
        (
            (frozenset({"European Union", "Canada"}), "in_force"),
            (frozenset({"European Union", "Canada"}), "signed"),
        ),
    ),
    # one agreement named twice stays one
    (
        INDIA,
        "India and the United Kingdom signed the Comprehensive Economic and Trade Agreement, a landmark deal "
        "that cuts tariffs on whisky and textiles.",
        ((frozenset({"India", "United Kingdom"}), "signed"),),
    ),
    (
        BEEHIVE,
        "New Zealand and India signed a trade and investment agreement on Monday.",
        ((frozenset({"New Zealand", "India"}), "signed"),),
    ),
    (
        PHILIPPINES_PCO,
        "The Philippines and the United States signed a memorandum on nuclear energy. The memorandum was signed "
        "by Secretary Manalo and Secretary Blinken in Manila.",
        ((frozenset({"Philippines", "United States"}), "signed"),),
    ),
    (
        KENYA,
        "Kenya and Ethiopia signed an agreement on the LAPSSET corridor and began negotiations on a power "
        "purchase agreement.",
        ((frozenset({"Kenya", "Ethiopia"}), "signed"), (frozenset({"Kenya", "Ethiopia"}), "in_negotiation")),
    ),
)


# Round 11b: written with round 11 and kept aside, scored only at the end (`--round11b`).
ROUND11B_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        STATE,
        "The United States and India signed a ten-year defence framework and concluded negotiations on the first "
        "tranche of a bilateral trade agreement.",
        (
            (frozenset({"United States", "India"}), "signed"),
            (frozenset({"United States", "India"}), "agreed"),
        ),
    ),
    (
        BEEHIVE,
        "New Zealand signed a memorandum of understanding on education with Vietnam and a climate finance "
        "arrangement with Fiji.",
        ((frozenset({"New Zealand", "Vietnam"}), "signed"), (frozenset({"New Zealand", "Fiji"}), "signed")),
    ),
    (
        SINGAPORE_MFA,
        "Singapore and the Philippines signed a memorandum of understanding on carbon credits, and agreed to "
        "launch negotiations on a digital economy agreement.",
        (
            (frozenset({"Singapore", "Philippines"}), "signed"),
            (frozenset({"Singapore", "Philippines"}), "in_negotiation"),
        ),
    ),
    (
        INDIA,
        "India and Mauritius signed a maritime security agreement and a memorandum on a local currency "
        "settlement system.",
        ((frozenset({"India", "Mauritius"}), "signed"), (frozenset({"India", "Mauritius"}), "signed")),
    ),
    (
        EU,
        "The EU and Japan signed a security and defence partnership, five years after their economic partnership "
        "agreement entered into force.",
        (
            (frozenset({"European Union", "Japan"}), "signed"),
            (frozenset({"European Union", "Japan"}), "in_force"),
        ),
    ),
    (
        NIGERIA_STATE_HOUSE,
        "Nigeria signed bilateral air services agreements with Brazil and Saudi Arabia respectively during the "
        "President's visits to Brasilia and Riyadh.",
        ((frozenset({"Nigeria", "Brazil"}), "signed"), (frozenset({"Nigeria", "Saudi Arabia"}), "signed")),
    ),
    (
        WIRE,
        "Britain and Norway signed a green shipping corridor memorandum on Friday. Officials said the two "
        "countries would also sign a defence industrial agreement next spring.",
        (
            (frozenset({"United Kingdom", "Norway"}), "signed"),
            (frozenset({"United Kingdom", "Norway"}), "planned"),
        ),
    ),
    (
        PHILIPPINES_PCO,
        "The Philippines and Australia signed a strategic partnership, an agreement both leaders called "
        "historic.",
        ((frozenset({"Philippines", "Australia"}), "signed"),),
    ),
    (
        AUSTRALIA_PM,
        "Australia and Papua New Guinea signed the Pukpuk Treaty, a mutual defence alliance, and agreed to begin "
        "talks on a labour mobility agreement.",
        (
            (frozenset({"Australia", "Papua New Guinea"}), "signed"),
            (frozenset({"Australia", "Papua New Guinea"}), "in_negotiation"),
        ),
    ),
    (
        CANADA,
        "Canada signed a free trade agreement with Ecuador and a comprehensive economic partnership agreement "
        "with Indonesia.",
        ((frozenset({"Canada", "Ecuador"}), "signed"), (frozenset({"Canada", "Indonesia"}), "signed")),
    ),
    (
        KENYA,
        "Kenya and the United Kingdom signed a strategic partnership, which will run alongside the economic "
        "partnership agreement in force since 2021.",
        (
            (frozenset({"Kenya", "United Kingdom"}), "signed"),
            (frozenset({"Kenya", "United Kingdom"}), "in_force"),
        ),
    ),
    (
        STATE,
        "Secretary Rubio and Australian Foreign Minister Penny Wong reaffirmed the ANZUS Treaty and signed a "
        "framework on space cooperation.",
        (
            (frozenset({"Australia", "New Zealand", "United States"}), "in_force"),
            (_US_AU, "signed"),
        ),
    ),
)


# Round 12 (issue 19): written blind, before its rules, on deals as news and procurement releases report them:
# contracts awarded, won or signed, orders placed or cancelled, purchases, sales and acquisitions agreed, one
# agreement per counterpart (a buyer, an awardee, a seller), in the styles of wires, the business press and the
# procurement releases of several governments. Each text's agreements as (parties, status); `--round12`, and
# `--round12b` (a third kept aside, scored only at the end).
AP = "https://apnews.com/article/x"
GOV_UK = "https://www.gov.uk/government/news/x"
AUSTRALIA = "https://www.minister.defence.gov.au/media-releases/x"
NIGERIA = "https://statehouse.gov.ng/news/x"
PHILIPPINES = "https://www.dnd.gov.ph/news/x"
SOUTH_AFRICA = "https://www.dmre.gov.za/news/x"
SINGAPORE = "https://www.lta.gov.sg/content/ltagov/en/newsroom/x"
NASA = "National Aeronautics and Space Administration"

ROUND12_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    # an award to several companies: one agreement per awardee, the awarding body a side
    (
        WIRE,
        "NASA awarded contracts to SpaceX, Blue Origin and Dynetics on Thursday to develop lunar landers for its "
        "Artemis programme.",
        (
            (frozenset({NASA, "SpaceX"}), "signed"),
            (frozenset({NASA, "Blue Origin"}), "signed"),
            (frozenset({NASA, "Dynetics"}), "signed"),
        ),
    ),
    (
        CANADA,
        "Public Services and Procurement Canada has awarded contracts to Irving Shipbuilding and Seaspan to "
        "build the Canadian Coast Guard's new polar icebreakers.",
        (
            (frozenset({"Canada", "Irving Shipbuilding"}), "signed"),
            (frozenset({"Canada", "Seaspan"}), "signed"),
        ),
    ),
    (
        WIRE,
        "The European Space Agency selected Thales Alenia Space and Airbus to build the next generation of "
        "Galileo satellites under contracts worth 1.47 billion euros.",
        (
            (frozenset({"European Space Agency", "Thales Alenia Space"}), "signed"),
            (frozenset({"European Space Agency", "Airbus"}), "signed"),
        ),
    ),
    # an award to one company by a government or a body
    (
        GOV_UK,
        "The Ministry of Defence has awarded a £1.2 billion contract to Babcock to maintain the Royal Navy's "
        "frigates, securing 2,000 jobs in Devon.",
        ((frozenset({"United Kingdom", "Babcock"}), "signed"),),
    ),
    (
        NIGERIA,
        "The Federal Executive Council has awarded a N1.2 trillion contract to Hitech Construction for the "
        "first section of the Lagos-Calabar coastal highway.",
        ((frozenset({"Nigeria", "Hitech Construction"}), "signed"),),
    ),
    (
        SINGAPORE,
        "The Land Transport Authority has awarded a $412 million contract to Hyundai Engineering & "
        "Construction for the design and construction of Pasir Ris station.",
        ((frozenset({"Land Transport Authority", "Hyundai Engineering & Construction"}), "signed"),),
    ),
    # a company wins, secures or lands a contract from its client
    (
        WIRE,
        "Lockheed Martin won a $1.8 billion contract from the U.S. Defense Department to build precision "
        "missiles, the Pentagon said on Friday.",
        ((frozenset({"Lockheed Martin", "United States"}), "signed"),),
    ),
    (
        WIRE,
        "Siemens Mobility has secured a £1.5 billion contract from Transport for London to build 94 new trains "
        "for the Piccadilly line.",
        ((frozenset({"Siemens Mobility", "Transport for London"}), "signed"),),
    ),
    # a government signs a contract with a company
    (
        AUSTRALIA,
        "The Australian Government has signed a contract with Hanwha Defense Australia worth $1 billion to "
        "build 129 infantry fighting vehicles in Geelong.",
        ((frozenset({"Australia", "Hanwha Defense Australia"}), "signed"),),
    ),
    (
        INDIA,
        "The Ministry of Defence signed a contract with Bharat Electronics for the supply of air defence radars "
        "to the Indian Air Force at a cost of Rs 2,400 crore.",
        ((frozenset({"India", "Bharat Electronics"}), "signed"),),
    ),
    (
        PHILIPPINES,
        "The Department of National Defense signed a contract with Hyundai Heavy Industries for two new "
        "corvettes worth P28 billion for the Philippine Navy.",
        ((frozenset({"Philippines", "Hyundai Heavy Industries"}), "signed"),),
    ),
    # orders placed with, and purchases from, a maker
    (
        WIRE,
        "Emirates placed an order for 50 Airbus A350 jets worth $16 billion at list prices on Monday.",
        ((frozenset({"Emirates", "Airbus"}), "signed"),),
    ),
    (
        AP,
        "Qantas has agreed to buy 12 Airbus A350-1000 jets for its planned non-stop flights from Sydney to "
        "London.",
        ((frozenset({"Qantas", "Airbus"}), "agreed"),),
    ),
    (
        WIRE,
        "Shell signed a 20-year deal to buy liquefied natural gas from QatarEnergy, the Qatari state company "
        "said on Wednesday.",
        ((frozenset({"Shell", "QatarEnergy"}), "signed"),),
    ),
    # a maker's sales, one per buyer
    (
        WIRE,
        "Boeing said it had sold 20 737 MAX jets to Ryanair and 10 to Turkish Airlines in the quarter.",
        (
            (frozenset({"Boeing", "Ryanair"}), "signed"),
            (frozenset({"Boeing", "Turkish Airlines"}), "signed"),
        ),
    ),
    (
        WIRE,
        "Embraer has sold C-390 transport aircraft to the Netherlands and Austria, the Brazilian planemaker "
        "said.",
        (
            (frozenset({"Embraer", "Netherlands"}), "signed"),
            (frozenset({"Embraer", "Austria"}), "signed"),
        ),
    ),
    # an acquisition agreed
    (
        WIRE,
        "Microsoft agreed to acquire Activision Blizzard for $68.7 billion in an all-cash deal.",
        ((frozenset({"Microsoft", "Activision Blizzard"}), "agreed"),),
    ),
    # an order cancelled ends it
    (
        WIRE,
        "Norwegian Air Shuttle cancelled its order for 92 Boeing 737 MAX jets and said it would seek "
        "compensation.",
        ((frozenset({"Norwegian Air Shuttle", "Boeing"}), "ended"),),
    ),
    # orders still to come and talks on one
    (
        WIRE,
        "IndiGo plans to order up to 100 more A350 aircraft from Airbus, its chief executive said.",
        ((frozenset({"IndiGo", "Airbus"}), "planned"),),
    ),
    (
        WIRE,
        "Saudi Arabia is in talks with Boeing over an order for as many as 40 wide-body jets.",
        ((frozenset({"Saudi Arabia", "Boeing"}), "in_negotiation"),),
    ),
    # an offtake agreement
    (
        SOUTH_AFRICA,
        "The Department of Mineral Resources and Energy signed power purchase agreements with Scatec and ACWA "
        "Power for solar projects in the Northern Cape.",
        (
            (frozenset({"South Africa", "Scatec"}), "signed"),
            (frozenset({"South Africa", "ACWA Power"}), "signed"),
        ),
    ),
    # no deal: figures, a court's order, a market share
    (
        WIRE,
        "Boeing shares fell 3% after the company said it had delivered 27 jets in March, down from 35 a year "
        "earlier.",
        (),
    ),
    (
        GOV_UK,
        "The High Court ordered the company to pay £2 million in damages to its former employees.",
        (),
    ),
    (
        WIRE,
        "Airbus has a 60% share of the market for single-aisle jets, and an A320neo sells for about $110 "
        "million.",
        (),
    ),
)

ROUND12B_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WIRE,
        "Airbus won an order for 250 jets from Air India, the largest in the airline's history.",
        ((frozenset({"Airbus", "Air India"}), "signed"),),
    ),
    (
        GOV_UK,
        "The Department for Transport awarded contracts to Hitachi and Alstom to build the trains for High "
        "Speed 2.",
        (
            (frozenset({"United Kingdom", "Hitachi"}), "signed"),
            (frozenset({"United Kingdom", "Alstom"}), "signed"),
        ),
    ),
    (
        WIRE,
        "Vestas secured a contract from Orsted to supply 100 turbines for the Hornsea 3 wind farm.",
        ((frozenset({"Vestas", "Orsted"}), "signed"),),
    ),
    (
        AP,
        "Malaysia Airlines finalised a deal to purchase 20 Boeing 737 MAX jets on Tuesday.",
        ((frozenset({"Malaysia Airlines", "Boeing"}), "signed"),),
    ),
    (
        WIRE,
        "Indonesia cancelled an order for Su-35 fighter jets from Russia under the threat of U.S. sanctions.",
        ((frozenset({"Indonesia", "Russia"}), "ended"),),
    ),
    (
        INDIA,
        "Adani Green Energy signed a power supply agreement with Solar Energy Corporation of India for 4,667 "
        "megawatts.",
        ((frozenset({"Adani Green Energy", "Solar Energy Corporation of India"}), "signed"),),
    ),
    (
        AP,
        "The judge ordered the airline to refund passengers within 30 days.",
        (),
    ),
    (
        WIRE,
        "Muscles contract when calcium is released, the study's authors said.",
        (),
    ),
    (
        WIRE,
        "Pfizer agreed to acquire Seagen for $43 billion in cash.",
        ((frozenset({"Pfizer", "Seagen"}), "agreed"),),
    ),
    (
        WIRE,
        "NASA selected Intuitive Machines, Lunar Outpost and Venturi Astrolab to develop a lunar terrain "
        "vehicle under task orders worth up to $4.6 billion.",
        (
            (frozenset({NASA, "Intuitive Machines"}), "signed"),
            (frozenset({NASA, "Lunar Outpost"}), "signed"),
            (frozenset({NASA, "Venturi Astrolab"}), "signed"),
        ),
    ),
    (
        AUSTRALIA,
        "The Department of Defence has signed a contract with Kongsberg for naval strike missiles for the "
        "Royal Australian Navy.",
        ((frozenset({"Australia", "Kongsberg"}), "signed"),),
    ),
    (
        WIRE,
        "Ethiopian Airlines plans to buy up to 20 Boeing 777X jets, its chief executive told Reuters.",
        ((frozenset({"Ethiopian Airlines", "Boeing"}), "planned"),),
    ),
)


# Round 12c (issue 19): written blind after round 12's first rules, before their second pass: a contract as the
# subject of a passive, acquisitions and takeovers said by their noun, mergers, and a purchase with a seller
# named after 'from'. `--round12c`.
ROUND12C_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WIRE,
        "A $2.3 billion contract to build the new submarines was awarded to Naval Group by the Dutch defence "
        "ministry on Friday.",
        ((frozenset({"Naval Group", "Netherlands"}), "signed"),),
    ),
    (
        GOV_UK,
        "A contract worth £85 million has been awarded to Balfour Beatty to upgrade the A66.",
        ((frozenset({"United Kingdom", "Balfour Beatty"}), "signed"),),
    ),
    (
        WIRE,
        "Chevron completed its acquisition of Hess on Friday after the Federal Trade Commission cleared the "
        "deal.",
        ((frozenset({"Chevron", "Hess"}), "in_force"),),
    ),
    (
        WIRE,
        "Nippon Steel announced its takeover of U.S. Steel in December, a deal worth $14.9 billion.",
        ((frozenset({"Nippon Steel", "U.S. Steel"}), "signed"),),
    ),
    (
        WIRE,
        "Vodafone and Three agreed to merge their British operations, the companies said on Wednesday.",
        ((frozenset({"Vodafone", "Three"}), "agreed"),),
    ),
    (
        KENYA,
        "Kenya Airways will buy four Boeing 787 jets from Boeing under a deal to be signed next month.",
        ((frozenset({"Kenya Airways", "Boeing"}), "planned"),),
    ),
    (
        WIRE,
        "Poland bought 250 Abrams tanks from the United States in a deal worth $4.75 billion.",
        ((frozenset({"Poland", "United States"}), "signed"),),
    ),
    (
        WIRE,
        "The acquisition of land for the new airport has been delayed by court challenges.",
        (),
    ),
)


# Round 14 (issue 19): written blind, before its rules, on sides that releases of governments outside the UK and
# the US, and news reports, name in their own ways: sub-national governments (states, provinces, regions,
# cities, sister cities), a ministry or agency of each country signing for it, regional bodies and development
# banks as sides of loans, grants and financing agreements, a ministry's agreement with a company, agreements
# said in the passive ('an MoU was signed between ...'), in a headline, in a list, with the other side in a
# quote, and translated-English styles ('inked', 'exchanged', 'between the Government of X and ...'). Each
# text's agreements as (parties, status); `--round14`, and `--round14b` (a third kept aside, scored only at the
# end).
ONTARIO = "https://news.ontario.ca/en/release/x"
TAMIL_NADU = "https://www.tn.gov.in/pressrelease/x"
LAGOS = "https://lagosstate.gov.ng/news/x"
KENYA_TREASURY = "https://www.treasury.go.ke/news/x"
KENYA_TRANSPORT = "https://www.transport.go.ke/news/x"
GHANA_ENERGY = "https://www.energymin.gov.gh/news/x"
GHANA_FINANCE = "https://mofep.gov.gh/press-release/x"
PHILIPPINES_DOF = "https://www.dof.gov.ph/news/x"
PHILIPPINES_DOE = "https://www.doe.gov.ph/press-releases/x"
QUEZON_CITY = "https://quezoncity.gov.ph/news/x"
NIGERIA_FINANCE = "https://www.finance.gov.ng/news/x"
INDIA_MEA = "https://www.mea.gov.in/bilateral-documents.htm?x"
VIETNAM_NEWS = "https://vietnamnews.vn/economy/x"
JAKARTA_POST = "https://www.thejakartapost.com/business/x"
AFDB = "https://www.afdb.org/en/news-and-events/press-releases/x"
ADB = "https://www.adb.org/news/x"
BUSINESS_DAILY = "https://www.businessdailyafrica.com/bd/economy/x"
MERCOPRESS = "https://en.mercopress.com/x"
AFDB_NAME = "African Development Bank"
ADB_NAME = "Asian Development Bank"
ECOWAS = "Economic Community of West African States"
ASEAN = "Association of Southeast Asian Nations"

ROUND14_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    # sub-national governments as the sides
    (
        ONTARIO,
        "Ontario and Michigan signed a memorandum of understanding on Tuesday to strengthen cooperation on "
        "electric vehicle supply chains across the Great Lakes region.",
        ((frozenset({"Ontario", "Michigan"}), "signed"),),
    ),
    (
        LAGOS,
        "The Lagos State Government and the French Development Agency have signed a €100 million financing "
        "agreement for the second phase of the Red Line rail project.",
        ((frozenset({"Lagos State Government", "French Development Agency"}), "signed"),),
    ),
    (
        TAMIL_NADU,
        "The Government of Tamil Nadu signed a memorandum of understanding with Foxconn for an investment of "
        "Rs 1,600 crore in a new electronics component plant near Chennai.",
        ((frozenset({"Tamil Nadu", "Foxconn"}), "signed"),),
    ),
    (
        QUEZON_CITY,
        "Quezon City and Incheon Metropolitan City signed a sister city agreement on Friday, opening exchanges "
        "in education, tourism and disaster preparedness.",
        ((frozenset({"Quezon City", "Incheon Metropolitan City"}), "signed"),),
    ),
    (
        WIRE,
        "The Australian state of Queensland signed a hydrogen cooperation agreement with Japan's Tokyo "
        "Metropolitan Government on Wednesday.",
        ((frozenset({"Queensland", "Tokyo Metropolitan Government"}), "signed"),),
    ),
    # ministries and agencies of two countries, each signing for its country
    (
        KENYA,
        "Kenya's Ministry of Health and India's Ministry of Health and Family Welfare signed a memorandum of "
        "understanding on cooperation in the field of health and medicine.",
        ((frozenset({"Kenya", "India"}), "signed"),),
    ),
    (
        VIETNAM_NEWS,
        "The Ministry of Industry and Trade of Viet Nam and the Ministry of Economy, Trade and Industry of Japan "
        "signed a memorandum of cooperation on energy transition in Ha Noi on Monday.",
        ((frozenset({"Vietnam", "Japan"}), "signed"),),
    ),
    (
        GHANA_FINANCE,
        "The Government of Ghana and the Korea International Cooperation Agency (KOICA) have signed a $12 "
        "million grant agreement to support smart agriculture in the Volta Region.",
        ((frozenset({"Ghana", "Korea International Cooperation Agency"}), "signed"),),
    ),
    # development banks and regional bodies as sides of loans, grants and financing agreements
    (
        AFDB,
        "The African Development Bank and the Government of Zambia have signed a $60 million loan agreement to "
        "finance the rehabilitation of the Lusaka-Ndola road.",
        ((frozenset({AFDB_NAME, "Zambia"}), "signed"),),
    ),
    (
        KENYA_TREASURY,
        "The National Treasury signed a KSh 20 billion financing agreement with the World Bank on Thursday "
        "to expand last-mile electricity connections in rural counties.",
        ((frozenset({"Kenya", "World Bank"}), "signed"),),
    ),
    (
        ADB,
        "ADB and the Government of Viet Nam today signed loan and grant agreements totalling $150 million to "
        "improve water supply in the Mekong Delta.",
        ((frozenset({ADB_NAME, "Vietnam"}), "signed"),),
    ),
    (
        EU,
        "ECOWAS and the European Union signed a €60 million financing agreement in Abuja to support regional "
        "peace and security.",
        ((frozenset({ECOWAS, "European Union"}), "signed"),),
    ),
    (
        AUSTRALIA,
        "ASEAN and Australia signed a memorandum of understanding on cooperation in the digital economy at the "
        "ASEAN-Australia Special Summit in Melbourne.",
        ((frozenset({ASEAN, "Australia"}), "signed"),),
    ),
    (
        MERCOPRESS,
        "Mercosur and the European Free Trade Association concluded negotiations on a free trade agreement on "
        "Wednesday after eight years of talks.",
        ((frozenset({"Mercosur", "European Free Trade Association"}), "agreed"),),
    ),
    (
        WIRE,
        "The African Union and Germany signed a grant agreement worth 40 million euros to support the African "
        "Continental Free Trade Area secretariat.",
        ((frozenset({"African Union", "Germany"}), "signed"),),
    ),
    # a ministry's agreement with a company
    (
        GHANA_ENERGY,
        "The Ministry of Energy has signed a power purchase agreement with Ameri Energy Ltd for the supply of "
        "250 megawatts of power to the national grid.",
        ((frozenset({"Ghana", "Ameri Energy"}), "signed"),),
    ),
    (
        KENYA_TRANSPORT,
        "Kenya signed a deal with Kenya Airways on Tuesday to restructure the airline's debt.",
        ((frozenset({"Kenya", "Kenya Airways"}), "signed"),),
    ),
    (
        PHILIPPINES_DOE,
        "The Department of Energy signed a service contract with Shell Philippines Exploration for a new "
        "deep-water gas block off Palawan.",
        ((frozenset({"Philippines", "Shell Philippines Exploration"}), "signed"),),
    ),
    # passive voice
    (
        INDIA_MEA,
        "A memorandum of understanding was signed between the Government of India and the Government of the "
        "Republic of Ghana on cooperation in traditional medicine.",
        ((frozenset({"India", "Ghana"}), "signed"),),
    ),
    (
        BUSINESS_DAILY,
        "An MoU was signed between the Kenya Ports Authority and the Port of Rotterdam on Monday to develop a "
        "green shipping corridor.",
        ((frozenset({"Kenya Ports Authority", "Port of Rotterdam"}), "signed"),),
    ),
    (
        JAKARTA_POST,
        "The agreement was signed by Indonesian Trade Minister Budi Santoso and his Peruvian counterpart in "
        "Lima on Friday. It will cut tariffs on palm oil and coffee.",
        ((frozenset({"Indonesia", "Peru"}), "signed"),),
    ),
    # a headline
    (
        PHILIPPINES_PCO,
        "PH, Japan sign reciprocal access agreement\n\nThe Philippines and Japan on Monday signed a reciprocal "
        "access agreement that allows their forces to train in each other's territory.",
        ((frozenset({"Philippines", "Japan"}), "signed"),),
    ),
    (
        VIETNAM_NEWS,
        "Viet Nam, Laos ink deal on cross-border power trade\n\nThe agreement will let Viet Nam import up to "
        "5,000 megawatts from Laos by 2030.",
        ((frozenset({"Vietnam", "Laos"}), "signed"),),
    ),
    # a list of outcomes, one agreement each
    (
        INDIA_MEA,
        "List of outcomes during the visit of the President of Mozambique to India:\n\n"
        "1. Memorandum of Understanding between India and Mozambique on cooperation in renewable energy.\n\n"
        "2. Agreement between the Government of India and the Government of Mozambique on the exemption of "
        "visas for diplomatic passport holders.",
        ((frozenset({"India", "Mozambique"}), "signed"), (frozenset({"India", "Mozambique"}), "signed")),
    ),
    # the other side named in a quote
    (
        KENYA,
        '"Today we signed a landmark agreement with the Republic of Korea on critical minerals," Cabinet '
        "Secretary Musalia Mudavadi said in Nairobi.",
        ((frozenset({"Kenya", "South Korea"}), "signed"),),
    ),
    # translated-English styles
    (
        PHILIPPINES_DOF,
        "The Philippine government, through the Department of Finance, inked a ₱25 billion loan agreement with "
        "the Japan International Cooperation Agency for the Metro Manila Subway Project.",
        ((frozenset({"Philippines", "Japan International Cooperation Agency"}), "signed"),),
    ),
    (
        NIGERIA_FINANCE,
        "The Federal Government on Tuesday signed a $1.5 billion loan agreement with the Export-Import Bank of "
        "China for the Lagos-Ibadan railway.",
        ((frozenset({"Nigeria", "Export-Import Bank of China"}), "signed"),),
    ),
    (
        JAKARTA_POST,
        "Indonesia and the Netherlands inked a letter of intent on Tuesday to cooperate in coastal protection "
        "along the north coast of Java.",
        ((frozenset({"Indonesia", "Netherlands"}), "signed"),),
    ),
    (
        MERCOPRESS,
        "The Foreign Ministry of Colombia and the Foreign Ministry of Ecuador signed a memorandum of "
        "understanding on border security in Quito.",
        ((frozenset({"Colombia", "Ecuador"}), "signed"),),
    ),
    # no agreement: a bank's forecast, a visit
    (
        AFDB,
        "The African Development Bank expects Ghana's economy to grow by 4.5 percent this year. The Bank's "
        "president visited Accra on Monday.",
        (),
    ),
)

ROUND14B_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WIRE,
        "California and the Mexican state of Baja California signed an agreement on Monday to clean up the "
        "Tijuana River.",
        ((frozenset({"California", "Baja California"}), "signed"),),
    ),
    (
        KENYA,
        "Mombasa County and the City of Seattle have signed a sister city agreement to promote trade and "
        "tourism.",
        ((frozenset({"Mombasa County", "Seattle"}), "signed"),),
    ),
    (
        INDIA,
        "The Ministry of Ayush and Malaysia's Ministry of Health signed a memorandum of understanding on "
        "cooperation in traditional medicine.",
        ((frozenset({"India", "Malaysia"}), "signed"),),
    ),
    (
        NIGERIA_FINANCE,
        "The Federal Government and the World Bank signed a $750 million financing agreement on Thursday for "
        "the Distributed Access through Renewable Energy Scale-up programme.",
        ((frozenset({"Nigeria", "World Bank"}), "signed"),),
    ),
    (
        ADB,
        "The Asian Development Bank signed a $200 million loan with the Government of Indonesia to strengthen "
        "disaster risk financing.",
        ((frozenset({ADB_NAME, "Indonesia"}), "signed"),),
    ),
    (
        WIRE,
        "CARICOM and Canada signed a memorandum of understanding on climate resilience at the summit in "
        "Georgetown.",
        ((frozenset({"Caribbean Community", "Canada"}), "signed"),),
    ),
    (
        GHANA_ENERGY,
        "The Ministry of Energy signed a gas supply agreement with Eni Ghana for the Sankofa field on "
        "Wednesday.",
        ((frozenset({"Ghana", "Eni Ghana"}), "signed"),),
    ),
    (
        PHILIPPINES,
        "A memorandum of agreement was signed between the Department of National Defense and the Australian "
        "Department of Defence on maritime domain awareness.",
        ((frozenset({"Philippines", "Australia"}), "signed"),),
    ),
    (
        KENYA,
        "Kenya, UAE sign comprehensive economic partnership agreement\n\nThe agreement removes tariffs on most "
        "goods traded between the two countries.",
        ((frozenset({"Kenya", "United Arab Emirates"}), "signed"),),
    ),
    (
        VIETNAM_NEWS,
        "Viet Nam and the International Finance Corporation inked a memorandum of understanding on green "
        "bonds on Tuesday.",
        ((frozenset({"Vietnam", "International Finance Corporation"}), "signed"),),
    ),
    (
        LAGOS,
        '"This agreement with the African Development Bank will bring clean water to two million residents," '
        "Lagos State Governor Babajide Sanwo-Olu said after signing the $120 million loan.",
        ((frozenset({"Lagos State", AFDB_NAME}), "signed"),),
    ),
    (
        MERCOPRESS,
        "The Ministry of Economy of Argentina and the Ministry of Finance of Brazil signed a currency swap "
        "agreement on Friday.",
        ((frozenset({"Argentina", "Brazil"}), "signed"),),
    ),
    (
        WIRE,
        "SADC and the World Food Programme signed a memorandum of understanding on food security in Gaborone.",
        ((frozenset({"Southern African Development Community", "World Food Programme"}), "signed"),),
    ),
    (
        JAKARTA_POST,
        "The West Java provincial government signed a cooperation agreement with South Korea's Gyeonggi "
        "Province on Wednesday.",
        ((frozenset({"West Java", "Gyeonggi Province"}), "signed"),),
    ),
    (
        AFDB,
        "The African Development Bank said on Monday it would publish its annual report in May.",
        (),
    ),
)


# Round 14c (issue 19): written blind after round 14's first rules, before their second pass: a ministry signing
# on behalf of its government, the 'between' of an agreement said after 'under', a sub-national government's
# partnership with a company, sister cities renewing, a list of agreements each with its own counterpart, the
# other side in a quote, development banks and regional bodies beside a country or a company, a deal 'inked
# between' two utilities, headlines with acronyms, and a state's agreement with a public company. `--round14c`.
UGANDA_FINANCE = "https://www.finance.go.ug/press/x"
PHILIPPINES_DTI = "https://www.dti.gov.ph/news/x"
DURBAN = "https://www.durban.gov.za/news/x"
GHANA_INFO = "https://www.moic.gov.gh/news/x"

ROUND14C_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        UGANDA_FINANCE,
        "The Ministry of Finance, on behalf of the Government of Uganda, signed a $300 million financing "
        "agreement with the International Development Association on Wednesday.",
        ((frozenset({"Uganda", "International Development Association"}), "signed"),),
    ),
    (
        PHILIPPINES_DTI,
        "Under the memorandum of understanding signed on Monday between the Department of Trade and Industry "
        "and the Korea Trade-Investment Promotion Agency, the two agencies will hold joint trade missions.",
        ((frozenset({"Philippines", "Korea Trade-Investment Promotion Agency"}), "signed"),),
    ),
    (
        LAGOS,
        "The Lagos State Government has entered into a partnership agreement with Siemens Energy to build a "
        "300-megawatt gas plant in Epe.",
        ((frozenset({"Lagos State Government", "Siemens Energy"}), "signed"),),
    ),
    (
        DURBAN,
        "Durban and Bremen signed a new sister city agreement on Thursday, thirty years after the two port "
        "cities first twinned.",
        ((frozenset({"Durban", "Bremen"}), "signed"),),
    ),
    (
        NIGERIA_FINANCE,
        "The following agreements were signed at the ceremony:\n\n"
        "- a loan agreement with the Islamic Development Bank for the Kano-Maradi railway;\n\n"
        "- a grant agreement with the European Union for solar mini-grids in rural communities.",
        (
            (frozenset({"Nigeria", "Islamic Development Bank"}), "signed"),
            (frozenset({"Nigeria", "European Union"}), "signed"),
        ),
    ),
    (
        GHANA_FINANCE,
        'The Minister for Finance told reporters: "We have concluded a staff-level agreement with the '
        'International Monetary Fund on a new programme."',
        ((frozenset({"Ghana", "International Monetary Fund"}), "agreed"),),
    ),
    (
        WIRE,
        "Chile and the Inter-American Development Bank signed a $400 million loan on Tuesday to expand "
        "renewable energy in the north of the country.",
        ((frozenset({"Chile", "Inter-American Development Bank"}), "signed"),),
    ),
    (
        WIRE,
        "The Pacific Islands Forum and Japan signed a memorandum of cooperation on fisheries management in "
        "Suva.",
        ((frozenset({"Pacific Islands Forum", "Japan"}), "signed"),),
    ),
    (
        BUSINESS_DAILY,
        "A deal was inked between Kenya Power and Ethiopian Electric Power for the import of 200 megawatts "
        "through the new transmission line.",
        ((frozenset({"Kenya Power", "Ethiopian Electric Power"}), "signed"),),
    ),
    (
        GHANA_INFO,
        "Ghana, World Bank sign $250m agreement to boost jobs\n\nThe financing will support 50,000 young "
        "entrepreneurs across the country.",
        ((frozenset({"Ghana", "World Bank"}), "signed"),),
    ),
    (
        NIGERIA_STATE_HOUSE,
        "The Federal Ministry of Health and UNICEF signed a memorandum of understanding on routine "
        "immunisation in Abuja.",
        ((frozenset({"Nigeria", "United Nations Children's Fund"}), "signed"),),
    ),
    (
        INDIA,
        "NTPC Limited signed a memorandum of understanding with the Government of Rajasthan for 10 gigawatts of "
        "renewable energy parks.",
        ((frozenset({"NTPC", "Rajasthan"}), "signed"),),
    ),
    (
        KENYA_TREASURY,
        "Kenya and the European Investment Bank today signed a €50 million credit line for small businesses.",
        ((frozenset({"Kenya", "European Investment Bank"}), "signed"),),
    ),
    (
        WIRE,
        "The ASEAN Secretariat and the Republic of Korea signed a memorandum of understanding on smart cities.",
        ((frozenset({ASEAN, "South Korea"}), "signed"),),
    ),
    (
        MERCOPRESS,
        "Uruguay's state oil company ANCAP signed an exploration contract with Shell for an offshore block.",
        ((frozenset({"ANCAP", "Shell"}), "signed"),),
    ),
)


# Round 14d (issue 19): written blind after round 14c's scoring, before its rules: the verbs and nouns of
# translated-English and business styles ('subscribed an agreement', 'MoUs were exchanged between', 'by and
# between', 'heads of agreement', 'a twinning agreement', 'entered into a concession agreement'), a government
# 'through' its ministry, a state government and a bank, a side in a quote on the publisher's site, companies
# named with their country ("Indonesia's Pertamina and Japan's INPEX"), and officials with the bodies they
# sign for. `--round14d`.
MEXICO_SRE = "https://www.gob.mx/sre/prensa/x"
KADUNA = "https://kdsg.gov.ng/news/x"
PHILIPPINES_DOT = "https://www.tourism.gov.ph/news/x"
KENYA_ENERGY = "https://www.energy.go.ke/news/x"
INDIA_PIB = "https://pib.gov.in/PressReleasePage.aspx?x"

ROUND14D_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        MEXICO_SRE,
        "The Ministry of Foreign Affairs and the Ministry of Foreign Affairs of Guatemala subscribed an "
        "agreement on consular cooperation in Mexico City.",
        ((frozenset({"Mexico", "Guatemala"}), "signed"),),
    ),
    (
        INDIA_PIB,
        "MoUs were exchanged between India and Maldives in the presence of the two leaders on Saturday.",
        ((frozenset({"India", "Maldives"}), "signed"),),
    ),
    (
        PHILIPPINES_DOT,
        "A memorandum of agreement was signed by and between the Department of Tourism and the Korea Tourism "
        "Organization to promote travel between the two countries.",
        ((frozenset({"Philippines", "Korea Tourism Organization"}), "signed"),),
    ),
    (
        WIRE,
        "Indonesia's Pertamina and Japan's INPEX signed a heads of agreement on Thursday to develop the Abadi "
        "gas field.",
        ((frozenset({"Pertamina", "INPEX"}), "signed"),),
    ),
    (
        QUEZON_CITY,
        "Quezon City signed a twinning agreement with Kyoto on Monday to share expertise in flood control.",
        ((frozenset({"Quezon City", "Kyoto"}), "signed"),),
    ),
    (
        KENYA_ENERGY,
        "The Government, through the Ministry of Energy, has entered into a concession agreement with "
        "KenGen for the development of the Olkaria geothermal field.",
        ((frozenset({"Kenya", "KenGen"}), "signed"),),
    ),
    (
        KADUNA,
        "The Kaduna State Government and the World Bank have signed a $350 million financing agreement for "
        "primary healthcare.",
        ((frozenset({"Kaduna State Government", "World Bank"}), "signed"),),
    ),
    (
        GHANA_FINANCE,
        '"The agreement we signed today with Emirates will create a thousand jobs at Kotoka," the Minister said.',
        ((frozenset({"Ghana", "Emirates"}), "signed"),),
    ),
    (
        GHANA_FINANCE,
        "The agreement was signed by the Minister for Finance, Ken Ofori-Atta, and the World Bank Country "
        "Director, Pierre Laporte.",
        ((frozenset({"Ghana", "World Bank"}), "signed"),),
    ),
    (
        BUSINESS_DAILY,
        "Safaricom signed a memorandum of understanding with the Ministry of Information, Communications and "
        "the Digital Economy to extend fibre to 1,450 wards.",
        ((frozenset({"Safaricom", "Kenya"}), "signed"),),
    ),
    (
        VIETNAM_NEWS,
        "Viet Nam Electricity (EVN) signed a power purchase agreement with Laos's Nam Theun 2 Power Company on "
        "Friday.",
        ((frozenset({"Viet Nam Electricity", "Nam Theun 2 Power Company"}), "signed"),),
    ),
    (
        MERCOPRESS,
        "The province of Buenos Aires and China's Shandong Province signed a memorandum of understanding on "
        "agricultural trade.",
        ((frozenset({"Buenos Aires", "Shandong Province"}), "signed"),),
    ),
    (
        JAKARTA_POST,
        "The Jakarta administration inked a cooperation agreement with the city of Seoul on smart traffic "
        "management.",
        ((frozenset({"Jakarta", "Seoul"}), "signed"),),
    ),
    (
        WIRE,
        "Zambia's Ministry of Mines signed an agreement with KoBold Metals to explore for copper in the "
        "north-west.",
        ((frozenset({"Zambia", "KoBold Metals"}), "signed"),),
    ),
)


# Round 14e (issue 19): written after round 14b was scored at the end (9/15, P 0.73 R 0.57), on the kinds of
# side it missed, in new words, before their rules: a city named as 'the City of X', a unit a country's
# possessive owns ("Japan's Aichi Prefecture"), 'the X provincial (state, regional) government', a state of
# another country named by its nationality, and companies named with their country. `--round14e`.
ROUND14E_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WIRE,
        "The City of Cape Town and the City of Rotterdam signed a memorandum of understanding on port "
        "resilience.",
        ((frozenset({"Cape Town", "Rotterdam"}), "signed"),),
    ),
    (
        KENYA,
        "Kisumu County signed a twinning agreement with the City of Cleveland on Friday.",
        ((frozenset({"Kisumu County", "Cleveland"}), "signed"),),
    ),
    (
        JAKARTA_POST,
        "The Central Java provincial government signed a partnership agreement with Japan's Aichi Prefecture "
        "on vocational training.",
        ((frozenset({"Central Java", "Aichi Prefecture"}), "signed"),),
    ),
    (
        WIRE,
        "Texas and the Mexican state of Nuevo Leon signed an agreement to speed up truck inspections at the "
        "border.",
        ((frozenset({"Texas", "Nuevo Leon"}), "signed"),),
    ),
    (
        INDIA,
        "The Gujarat state government signed a memorandum of understanding with Singapore's Sembcorp on green "
        "hydrogen.",
        ((frozenset({"Gujarat", "Sembcorp"}), "signed"),),
    ),
    (
        WIRE,
        "Brazil's Minas Gerais state signed a memorandum of understanding with China's Hubei Province on "
        "agricultural research.",
        ((frozenset({"Minas Gerais", "Hubei Province"}), "signed"),),
    ),
)


# Round 15 (issue 19): written blind, before its rules, on sides a text names only through its officials: two
# officials named with their countries in one sentence and then referred to by their titles ('The two
# Ministers are expected to sign', 'The Secretary and the Minister welcomed'), a minister's country as a side of
# 'talks with' (the speaker's own side), an acronym the text itself spells out as a party ('the Armed Forces of
# the Philippines (AFP)'), and boundaries: two officials of the same country, a title that refers to nobody
# named, officials of an earlier paragraph when the sentence names its own sides. `--round15`, and
# `--round15b` (a third kept aside, scored only at the end).
NZ_MFAT = "https://www.mfat.govt.nz/en/media-and-resources/x"
INDONESIA_KEMLU = "https://kemlu.go.id/portal/en/read/x"
GUARDIAN = "https://www.theguardian.com/politics/x"
SA_GOV = "https://www.gov.za/news/media-statements/x"

ROUND15_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        SINGAPORE_MFA,
        "Minister for Trade and Industry Gan Kim Yong will visit Seoul from 3 to 5 March, where he will meet "
        "South Korean Trade Minister Ahn Duk-geun. The two Ministers are expected to sign a Memorandum of "
        "Understanding on supply chain resilience.",
        ((frozenset({"Singapore", "South Korea"}), "planned"),),
    ),
    (
        STATE,
        "Secretary of State Marco Rubio met with Japanese Foreign Minister Takeshi Iwaya in Washington on "
        "Friday. The Secretary and the Foreign Minister reaffirmed their commitment to conclude negotiations on "
        "a critical minerals agreement.",
        ((frozenset({"United States", "Japan"}), "in_negotiation"),),
    ),
    (
        CANADA,
        "Minister of International Trade Mary Ng met with Philippine Trade Secretary Cristina Roque in Manila. "
        "The two ministers signed a memorandum of understanding on trade and investment cooperation.",
        ((frozenset({"Canada", "Philippines"}), "signed"),),
    ),
    (
        NZ_MFAT,
        "Foreign Minister Winston Peters hosted Indonesian Foreign Minister Sugiono in Wellington today. The "
        "Ministers agreed to begin negotiations on a comprehensive strategic partnership agreement.",
        ((frozenset({"New Zealand", "Indonesia"}), "in_negotiation"),),
    ),
    (
        GUARDIAN,
        "Australia's trade minister, Don Farrell, said on Tuesday that talks with the EU on a free trade "
        "agreement had resumed, but cautioned that a deal was not yet in sight.",
        ((frozenset({"Australia", "European Union"}), "in_negotiation"),),
    ),
    (
        WIRE,
        "Canada's finance minister, Francois-Philippe Champagne, said talks with Washington on a new trade "
        "agreement were making progress.",
        ((frozenset({"Canada", "United States"}), "in_negotiation"),),
    ),
    (
        PHILIPPINES,
        "The Armed Forces of the Philippines (AFP) marked its anniversary with a parade in Quezon City. The AFP "
        "signed a similar pact with Australia last year.",
        ((frozenset({"Armed Forces of the Philippines", "Australia"}), "signed"),),
    ),
    (
        SA_GOV,
        "The South African National Defence Force (SANDF) will host a delegation from Botswana. The SANDF "
        "signed a memorandum of understanding with the Botswana Defence Force on border patrols.",
        ((frozenset({"South African National Defence Force", "Botswana Defence Force"}), "signed"),),
    ),
    # boundaries
    (
        UK_NEWS,
        "Foreign Secretary David Lammy met Business Secretary Jonathan Reynolds in London. The two ministers "
        "discussed the ongoing negotiations on a free trade agreement with India.",
        ((frozenset({"United Kingdom", "India"}), "in_negotiation"),),
    ),
    (
        INDIA_MEA,
        "External Affairs Minister Dr. S. Jaishankar met Foreign Minister Penny Wong in Canberra. The Ministers "
        "welcomed the entry into force of the India-Australia Economic Cooperation and Trade Agreement.",
        ((frozenset({"India", "Australia"}), "in_force"),),
    ),
    (
        KENYA,
        "The Minister said the agreement would be signed once Parliament had approved it.",
        (),
    ),
    (
        SINGAPORE_MFA,
        "Minister for Foreign Affairs Dr Vivian Balakrishnan met Malaysian Foreign Minister Mohamad Hasan. The "
        "two Ministers witnessed the signing of an agreement between Singapore and Indonesia on flight "
        "information regions.",
        ((frozenset({"Singapore", "Indonesia"}), "signed"),),
    ),
)

ROUND15B_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        INDONESIA_KEMLU,
        "Foreign Minister Sugiono received Vietnamese Deputy Prime Minister and Foreign Minister Bui Thanh Son "
        "in Jakarta. Both Ministers are expected to sign an agreement on the delimitation of the exclusive "
        "economic zone.",
        ((frozenset({"Indonesia", "Vietnam"}), "planned"),),
    ),
    (
        STATE,
        "Deputy Secretary of State Christopher Landau met with Mexican Foreign Secretary Juan Ramon de la "
        "Fuente. The Deputy Secretary and the Foreign Secretary signed a memorandum of understanding on "
        "border security cooperation.",
        ((frozenset({"United States", "Mexico"}), "signed"),),
    ),
    (
        GUARDIAN,
        "Ireland's foreign minister, Simon Harris, said talks with the UK on a new energy interconnector "
        "agreement were going well.",
        ((frozenset({"Ireland", "United Kingdom"}), "in_negotiation"),),
    ),
    (
        WIRE,
        "Japan's trade minister said on Monday that negotiations with Indonesia on an upgraded economic "
        "partnership agreement would continue next month.",
        ((frozenset({"Japan", "Indonesia"}), "in_negotiation"),),
    ),
    (
        NIGERIA,
        "The Nigerian Navy (NN) hosted officers from Ghana in Lagos. The NN signed a maritime security pact "
        "with the Ghana Navy on Thursday.",
        ((frozenset({"Nigerian Navy", "Ghana Navy"}), "signed"),),
    ),
    (
        BEEHIVE,
        "Trade Minister Todd McClay and Associate Agriculture Minister Nicola Grigg met farmers in Waikato. "
        "The Ministers said the free trade agreement with the European Union, in force since May, had opened "
        "new markets.",
        ((frozenset({"New Zealand", "European Union"}), "in_force"),),
    ),
)


# Round 16a (issue 19, us13a): written blind before its rules, from the kinds of error ten pre-1946 sections of US
# annual messages showed: a sentence pointing back that puts the agreement before a legislature ('This convention
# is pending before the Senate') or says it stays in force ('This agreement is to remain in force until'), the
# other side named on the verb that opens talks for the agreement ('to initiate with Mexico negotiations for a new
# treaty'), and 'those' made with several countries pointing back to the agreements of the sentence before; with
# boundaries (a taking effect still ahead, talks for a treaty with no other side named). `--round16a`; a third of
# the texts written with them is kept aside, scored only at the end.
DFAT = "https://www.dfat.gov.au/news/x"

ROUND16A_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "The Executive has negotiated a convention with Haiti for the settlement of pending claims. This "
        "convention is pending before the Senate.",
        ((frozenset({"United States", "Haiti"}), "signed"),),
    ),
    (
        CANADA,
        "Canada and Chile have negotiated a new social security agreement. The agreement is now before "
        "Parliament for its approval.",
        ((frozenset({"Canada", "Chile"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "A temporary commercial agreement was entered into with France in May. This agreement is to remain in "
        "force until the end of next year.",
        ((frozenset({"United States", "France"}), "in_force"),),
    ),
    (
        UK_NEWS,
        "The UK and Switzerland signed a services mobility arrangement in 2020. The arrangement remains in "
        "force until the end of 2025.",
        ((frozenset({"United Kingdom", "Switzerland"}), "in_force"),),
    ),
    (
        GOV_UK,
        "A new trade agreement with Peru was signed in March. The agreement is to come into force next year.",
        ((frozenset({"United Kingdom", "Peru"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "I propose to open with Brazil negotiations for a new treaty of commerce and navigation.",
        ((frozenset({"United States", "Brazil"}), "in_negotiation"),),
    ),
    (
        INDIA,
        "India will begin with Oman formal negotiations on a comprehensive economic partnership agreement.",
        ((frozenset({"India", "Oman"}), "in_negotiation"),),
    ),
    (
        WHITE_HOUSE,
        "I propose to open negotiations for a new treaty of commerce at the earliest opportunity.",
        (),
    ),
    (
        WHITE_HOUSE,
        "Settlements of the war debts have been reached with several governments. Those concluded with "
        "Belgium and Italy have been approved by the Congress.",
        (
            (frozenset({"United States", "Belgium"}), "in_force"),
            (frozenset({"United States", "Italy"}), "in_force"),
        ),
    ),
    (
        GOV_UK,
        "The UK has agreed several trade continuity agreements this year. Those signed with Kenya and Ghana "
        "already apply.",
        (
            (frozenset({"United Kingdom", "Kenya"}), "in_force"),
            (frozenset({"United Kingdom", "Ghana"}), "in_force"),
        ),
    ),
)


# Round 16a aside: written with round 16a, kept out of the repository and scored once at the end (blind 0/4 texts
# exact with statuses, parties 2/4; after round 16a's rules 4/4). `--round16a_aside`.
ROUND16A_ASIDE_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "A fisheries convention was negotiated with Mexico last spring. The convention now awaits the action of "
        "the Senate.",
        ((frozenset({"United States", "Mexico"}), "signed"),),
    ),
    (
        GOV_UK,
        "Ireland and the UK signed a memorandum of understanding on the Common Travel Area in 2019. The "
        "memorandum remains in effect.",
        ((frozenset({"United Kingdom", "Ireland"}), "in_force"),),
    ),
    (
        GOV_UK,
        "The Government has opened with Kenya discussions for a double taxation agreement.",
        ((frozenset({"United Kingdom", "Kenya"}), "in_negotiation"),),
    ),
    (
        DFAT,
        "Double taxation treaties were renegotiated in 2019. Those with Japan and Korea entered into force in "
        "2021.",
        (
            (frozenset({"Australia", "Japan"}), "in_force"),
            (frozenset({"Australia", "South Korea"}), "in_force"),
        ),
    ),
)


def score_round5(
    extractor: Extractor,
    *,
    errors: bool,
    probes: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = ROUND5_PROBES,
) -> tuple[int, int, int, int, int, int]:
    """(texts right on parties, texts, party sets right, found, expected, texts right on parties and
    statuses) over `probes` (`ROUND5_PROBES` or a later round written in its form); with `errors`, each text
    whose parties or statuses differ."""
    right = tp = n_found = n_expected = with_statuses = 0
    for url, text, want in probes:
        doc = Document.from_page(url=url, source="probe", title="", body=text)
        agreements = extractor.enrich(doc).agreements
        got = {frozenset(a.parties) for a in agreements}
        expected = {parties for parties, _ in want}
        right += got == expected and len(agreements) == len(want)
        tp += len(got & expected)
        n_found += len(agreements)
        n_expected += len(want)
        with_status = sorted((sorted(a.parties), a.status) for a in agreements)
        with_statuses += with_status == sorted((sorted(p), s) for p, s in want)
        if errors and with_status != sorted((sorted(p), s) for p, s in want):
            print(
                f"[round5] {text}\n    expected {sorted((sorted(p), s) for p, s in want)}\n    found    {with_status}"
            )
    return right, len(probes), tp, n_found, n_expected, with_statuses


def score_party_probes(
    extractor: Extractor,
    *,
    errors: bool,
    probes: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = PARTY_PROBES,
) -> tuple[int, int, int, int, int]:
    """(texts right, texts, true, found, expected party sets) over `probes` (`PARTY_PROBES` or a later round's)."""
    right = tp = n_found = n_expected = 0
    for url, text, want in probes:
        doc = Document.from_page(url=url, source="probe", title="", body=text)
        got = {frozenset(a.parties) for a in extractor.enrich(doc).agreements}
        expected = set(want)
        right += got == expected
        tp += len(got & expected)
        n_found += len(got)
        n_expected += len(expected)
        if errors and got != expected:
            print(
                f"[parties] {text}\n    expected {sorted(map(sorted, expected))}\n    found    {sorted(map(sorted, got))}"
            )
    return right, len(probes), tp, n_found, n_expected


def read(split: str | None) -> list[tuple[str, set[tuple[frozenset[str], str]], str]]:
    rows = []
    for line in PROBES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        part, status, parties, sentence = line.split("\t")
        if split is not None and part != split:
            continue
        expected = {(frozenset(p.split("+")), status) for p in parties.split(";")}
        rows.append((part, expected, sentence))
    return rows


def found(extractor: Extractor, sentence: str) -> set[tuple[frozenset[str], str]]:
    doc = Document.from_page(url="https://probe.test/x", source="probe", title="", body=sentence)
    return {(frozenset(a.parties), a.status) for a in extractor.enrich(doc).agreements}


# Issue 19, session 13 (news13): company mergers said by their noun ('the merger of A and B, which became final',
# 'the proposed merger of'), and agreeing to a meeting, which is no agreement. Round 16 was written after that
# session's rules (from the errors of its news texts), round 16b beside it and kept aside, scored only at the end.
ROUND16_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WIRE,
        "The merger of the insurers Halden Mutual and Brightline Assurance, which became final on Monday, created "
        "the country's third-largest insurer.",
        ((frozenset({"Halden Mutual", "Brightline Assurance"}), "in_force"),),
    ),
    (
        AP,
        "Shareholders will vote in March on the proposed merger of Arcadia Foods and Benton Mills.",
        ((frozenset({"Arcadia Foods", "Benton Mills"}), "planned"),),
    ),
    (
        WIRE,
        "Ruto's office said Kenya would only agree to a visit by the Ugandan president after the border reopened.",
        (),
    ),
)

ROUND16B_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        AP,
        "Halvard Shipping and Brix Freight completed their merger in June, and the combined fleet now sails "
        "under one flag.",
        ((frozenset({"Halvard Shipping", "Brix Freight"}), "in_force"),),
    ),
    (
        WIRE,
        "The merger of the two broadcasters, Lakeshore Radio and Pine Media, was approved by regulators on Friday.",
        ((frozenset({"Lakeshore Radio", "Pine Media"}), "signed"),),
    ),
    (
        AP,
        "The president refused to agree to a meeting with opposition leaders in Nairobi.",
        (),
    ),
)


# Round 18 (issue 19, parties15): written blind before its rules (11/22 texts exact, party sets P 0.65 R 0.48; after
# round 18's rules 19/22, P 1.00 R 0.87). Former states the gazetteer lacked ('the North
# German Union', 'the King of Bavaria', 'the Ottoman Empire', 'the Sublime Porte', 'the Hawaiian Kingdom', 'the Two
# Sicilies', 'the Orange Free State', 'Austria-Hungary', 'the Hanseatic Republics'; 'New Granada' and 'the Argentine
# Confederation' are the states that continue them), parties named outside the agreement's sentence ('that
# Government', 'the two Governments', 'the Republic', 'the Sultan', 'the two countries') or by a head of state ('His
# Majesty the Emperor of Japan'), and news agreements between organisations or reported from the other side
# ('Beijing agreed to'). `--round18`; a third of the texts written with them is kept aside (`--round18_aside`).
ROUND18_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "A convention for the mutual protection of trade-marks was concluded with the North German Union in the "
        "course of the year, and has since been ratified.",
        ((frozenset({"United States", "North Germany"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "The naturalization treaty with the King of Bavaria has been ratified and proclaimed.",
        ((frozenset({"United States", "Bavaria"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "A treaty of extradition was signed with the Ottoman Empire last spring and awaits the action of the "
        "Senate.",
        ((frozenset({"United States", "Ottoman Empire"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "Our commercial treaty with the Hawaiian Kingdom went into operation in September.",
        ((frozenset({"United States", "Hawaiian Kingdom"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "A postal convention has been negotiated with the Two Sicilies and will be submitted to the Senate.",
        ((frozenset({"United States", "Two Sicilies"}), "agreed"),),
    ),
    (
        WHITE_HOUSE,
        "Negotiations are in progress with the Orange Free State for a treaty of friendship and commerce.",
        ((frozenset({"United States", "Orange Free State"}), "in_negotiation"),),
    ),
    (
        WHITE_HOUSE,
        "The claims convention with New Granada, signed at Washington in September, has been ratified by both "
        "Governments.",
        ((frozenset({"United States", "Colombia"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "A treaty of commerce and navigation with the Argentine Confederation was concluded at San José in July.",
        ((frozenset({"United States", "Argentina"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "A convention with the Sublime Porte respecting the rights of naturalized citizens was signed in August.",
        ((frozenset({"United States", "Ottoman Empire"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "Treaties of extradition were concluded during the year with Austria-Hungary and with the Hanseatic "
        "Republics.",
        (
            (frozenset({"United States", "Austria-Hungary"}), "signed"),
            (frozenset({"United States", "Hanseatic Republics"}), "signed"),
        ),
    ),
    (
        WHITE_HOUSE,
        "The claims of our citizens against Venezuela have been the subject of a long correspondence. A "
        "convention has at last been signed with that Government for their adjustment by a mixed commission.",
        ((frozenset({"United States", "Venezuela"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "Our relations with Chile are of the most friendly character. The two Governments have agreed upon a "
        "convention for the arbitration of all pending claims.",
        ((frozenset({"United States", "Chile"}), "agreed"),),
    ),
    (
        WHITE_HOUSE,
        "The boundary dispute with Guatemala has long been a source of anxiety. The Republic has now accepted the "
        "convention of arbitration proposed by this Government.",
        ((frozenset({"United States", "Guatemala"}), "agreed"),),
    ),
    (
        WHITE_HOUSE,
        "The President and His Majesty the Emperor of Japan have exchanged the ratifications of the new treaty of "
        "commerce and navigation.",
        ((frozenset({"United States", "Japan"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "A special envoy was sent to the court of Morocco in the spring. The Sultan has since agreed to a "
        "convention securing the rights of American citizens in his dominions.",
        ((frozenset({"United States", "Morocco"}), "agreed"),),
    ),
    (
        CANADA,
        "Canada's trade minister met her South Korean counterpart in Seoul on Tuesday. The two countries signed a "
        "digital partnership agreement.",
        ((frozenset({"Canada", "South Korea"}), "signed"),),
    ),
    (
        AP,
        "Toyota and Panasonic signed a deal on Thursday to build a battery plant in Ohio.",
        ((frozenset({"Toyota", "Panasonic"}), "signed"),),
    ),
    (
        GUARDIAN,
        "Leeds City Council and Leeds United have signed a partnership agreement to open the club's training "
        "pitches to local schools.",
        ((frozenset({"Leeds City Council", "Leeds United"}), "signed"),),
    ),
    (
        WIRE,
        "The union Unite and the bus operator Stagecoach struck a pay deal on Friday, ending a three-week strike.",
        ((frozenset({"Unite", "Stagecoach"}), "agreed"),),
    ),
    (
        AP,
        "The United Auto Workers reached a tentative agreement with General Motors late on Wednesday.",
        ((frozenset({"United Auto Workers", "General Motors"}), "agreed"),),
    ),
    (
        PHILIPPINES_PCO,
        "Beijing agreed on Friday to a new fisheries arrangement with Manila after weeks of talks, the Department "
        "of Foreign Affairs said.",
        ((frozenset({"Philippines", "China"}), "agreed"),),
    ),
    (
        INDIA_MEA,
        "Tokyo agreed to a new currency swap arrangement with New Delhi at the annual summit.",
        ((frozenset({"India", "Japan"}), "agreed"),),
    ),
)


# Round 18 aside: written with round 18, kept out of the repository and scored once at the end (blind 4/10 texts
# exact with statuses, party sets P 0.57 R 0.40; after round 18's rules 5/10, P 0.71 R 0.50). `--round18_aside`.
ROUND18_ASIDE_PROBES: tuple[tuple[str, str, tuple[tuple[frozenset[str], str], ...]], ...] = (
    (
        WHITE_HOUSE,
        "A treaty of amity and commerce with the Kingdom of Wurtemberg has been concluded and will be laid before "
        "the Senate.",
        ((frozenset({"United States", "Wurtemberg"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "The convention with Prussia for the extradition of fugitives from justice has been ratified.",
        ((frozenset({"United States", "Prussia"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "A reciprocity treaty with the Zollverein was signed at Berlin, but failed to receive the advice and "
        "consent of the Senate.",
        ((frozenset({"United States", "Zollverein"}), "ended"),),
    ),
    (
        WHITE_HOUSE,
        "The Porte has at length assented to a naturalization convention, which was signed at Constantinople in "
        "August.",
        ((frozenset({"United States", "Ottoman Empire"}), "signed"),),
    ),
    (
        WHITE_HOUSE,
        "The treaty of reciprocity with the Hawaiian Islands has been in force since September.",
        ((frozenset({"United States", "Hawaiian Kingdom"}), "in_force"),),
    ),
    (
        WHITE_HOUSE,
        "A minister plenipotentiary from Siam reached Washington in the spring. The two Governments have since "
        "concluded a treaty of friendship and commerce.",
        ((frozenset({"United States", "Thailand"}), "signed"),),
    ),
    (
        NZ_MFAT,
        "New Zealand's trade minister spent three days in Abu Dhabi this week. Both countries concluded "
        "negotiations on a comprehensive economic partnership agreement.",
        ((frozenset({"New Zealand", "United Arab Emirates"}), "agreed"),),
    ),
    (
        AP,
        "Airbus and the Indian conglomerate Tata signed an agreement on Tuesday to assemble helicopters in India.",
        ((frozenset({"Airbus", "Tata"}), "signed"),),
    ),
    (
        AP,
        "Melbourne City Council signed a ten-year agreement with the Melbourne Football Club on Tuesday to upgrade "
        "the club's grounds.",
        ((frozenset({"Melbourne City Council", "Melbourne Football Club"}), "signed"),),
    ),
    (
        KENYA_ENERGY,
        "Addis Ababa agreed on Monday to a new power export deal with Nairobi, the Ministry of Energy said.",
        ((frozenset({"Kenya", "Ethiopia"}), "agreed"),),
    ),
)

# The party rounds of issue 19's sixth round, each scored alone by its flag ('--round6b').
_LATER_ROUNDS = {
    "round6": ROUND6_PROBES,
    "round6b": ROUND6B_PROBES,
    "round6c": ROUND6C_PROBES,
    "round6d": ROUND6D_PROBES,
    "round6e": ROUND6E_PROBES,
    "round6f": ROUND6F_PROBES,
    "round6g": ROUND6G_PROBES,
    "round7": ROUND7_PROBES,
    "round7b": ROUND7B_PROBES,
    "round8": ROUND8_PROBES,
    "round8b": ROUND8B_PROBES,
    "round8c": ROUND8C_PROBES,
    "round10": ROUND10_PROBES,
    "round10b": ROUND10B_PROBES,
    "round10c": ROUND10C_PROBES,
    "round10d": ROUND10D_PROBES,
}

# Later rounds written in round 5's form, each text's agreements with their statuses ('--round12').
_ROUNDS_WITH_STATUS = {
    "round11": ROUND11_PROBES,
    "round11b": ROUND11B_PROBES,
    "round12": ROUND12_PROBES,
    "round12b": ROUND12B_PROBES,
    "round12c": ROUND12C_PROBES,
    "round14": ROUND14_PROBES,
    "round14b": ROUND14B_PROBES,
    "round14c": ROUND14C_PROBES,
    "round14d": ROUND14D_PROBES,
    "round14e": ROUND14E_PROBES,
    "round15": ROUND15_PROBES,
    "round15b": ROUND15B_PROBES,
    "round16a": ROUND16A_PROBES,
    "round16a_aside": ROUND16A_ASIDE_PROBES,
    "round16": ROUND16_PROBES,
    "round16b": ROUND16B_PROBES,
    "round18": ROUND18_PROBES,
    "round18_aside": ROUND18_ASIDE_PROBES,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "final"))
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--parties", action="store_true", help="score the party probes (rules only) instead")
    parser.add_argument("--round5", action="store_true", help="score the round-5 party probes (rules only)")
    for name in [*_LATER_ROUNDS, *_ROUNDS_WITH_STATUS]:
        parser.add_argument(
            f"--{name}", action="store_true", help=f"score the {name} party probes (rules only)"
        )
    args = parser.parse_args()
    later = next((probes for name, probes in _LATER_ROUNDS.items() if getattr(args, name)), None)
    with_status = next((p for name, p in _ROUNDS_WITH_STATUS.items() if getattr(args, name)), None)
    if args.parties or args.round5 or later is not None or with_status is not None:
        extractor = Extractor(use_classifier=False)
        if args.round5 or with_status is not None:
            exact, total, tp, n_found, n_expected, statuses = score_round5(
                extractor, errors=args.errors, probes=with_status or ROUND5_PROBES
            )
            print(f"with statuses: {statuses}/{total} texts exact")
        else:
            exact, total, tp, n_found, n_expected = score_party_probes(
                extractor, errors=args.errors, probes=later or PARTY_PROBES
            )
        precision = tp / n_found if n_found else 1.0
        recall = tp / n_expected if n_expected else 1.0
        print(
            f"party probes: {exact}/{total} texts exact; party sets P {precision:.2f} R {recall:.2f} ({tp} of {n_found} found, {n_expected} expected)"
        )
        return
    rows = read(args.split)
    if not rows:
        sys.exit(f"no probes in {PROBES}")
    for variant, extractor in (
        ("rules only", Extractor(use_classifier=False)),
        ("with classifier", Extractor()),
    ):
        right: dict[str, list[bool]] = {}
        for part, expected, sentence in rows:
            got = found(extractor, sentence)
            right.setdefault(part, []).append(got == expected)
            if args.errors and got != expected:
                print(
                    f"[{variant}] {sentence}\n    expected {sorted(map(str, expected))}\n    found    {sorted(map(str, got))}"
                )
        cells = ", ".join(f"{p} {sum(r)}/{len(r)}" for p, r in sorted(right.items()))
        print(f"{variant:16} exact (parties, status) per sentence: {cells}")


if __name__ == "__main__":
    main()
