"""Figures: money (value + ISO currency), counts (value + counted noun) and percentages, with qualifiers.

Two components, in this order in the pipeline:

1. `presswatch_figures` (`money.py`), before `ner`: money and percentages by regular expressions over the text.
   Every spaCy English model splits `£75m` into `£ | 75 | m` and tags only `75` as MONEY, so the rules find
   them and preset them as entities, which `ner` then respects. A bare `$` takes the currency of the
   government that published the page (`doc._.publisher`, `nlp/publishers.py`).
2. `presswatch_counts` (`counts.py`), after the parser and `ner`: counts need the parse (which noun is
   counted), and every token already inside money, a percentage, a date or an ordinal is no count. Once the
   counts are known, `about.py` says what each money figure is for.

The word lists the count rules read are in `lexicon.py`; the number, scale and currency readers every rule
shares are in `nlp/numbers.py` and `nlp/currencies.py`.
"""

from __future__ import annotations

from spacy.language import Language

from nlp.components import doc_extension
from nlp.figures.counts import CountFigures
from nlp.figures.money import FigureSpans

__all__ = ["CountFigures", "FigureSpans"]


@Language.factory("presswatch_figures", assigns=["doc.ents", "doc._.figures"])
def make_figure_spans(nlp: Language, name: str) -> FigureSpans:
    doc_extension("figures")
    doc_extension("publisher")
    return FigureSpans()


@Language.factory(
    "presswatch_counts",
    assigns=["doc._.figures"],
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma"],
)
def make_count_figures(nlp: Language, name: str) -> CountFigures:
    doc_extension("figures")
    return CountFigures()
