"""Agreement status and parties on written probe sentences in the styles of many governments' releases.

    python bench/agreement_probes.py [--split tune|final] [--errors] [--parties]

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


def score_party_probes(extractor: Extractor, *, errors: bool) -> tuple[int, int, int, int, int]:
    """(texts right, texts, true, found, expected party sets) over `PARTY_PROBES`."""
    right = tp = n_found = n_expected = 0
    for url, text, want in PARTY_PROBES:
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
    return right, len(PARTY_PROBES), tp, n_found, n_expected


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "final"))
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--parties", action="store_true", help="score the party probes (rules only) instead")
    args = parser.parse_args()
    if args.parties:
        right, total, tp, n_found, n_expected = score_party_probes(
            Extractor(use_classifier=False), errors=args.errors
        )
        precision = tp / n_found if n_found else 1.0
        recall = tp / n_expected if n_expected else 1.0
        print(
            f"party probes: {right}/{total} texts exact; party sets P {precision:.2f} R {recall:.2f} ({tp} of {n_found} found, {n_expected} expected)"
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
