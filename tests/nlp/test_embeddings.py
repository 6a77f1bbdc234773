"""The MiniLM encoder in the pipeline (real int8 ONNX weights) and the agreement classifier it feeds."""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence

import numpy as np
import pytest

from nlp.agreement_classifier import LABELS, shipped_classifier
from nlp.embeddings import DIMENSIONS, DOC_MAX_TOKENS, SENTENCE_MAX_TOKENS, Encoder, Matrix, shared_encoder
from nlp.pipeline import Extractor
from presswatch.document import Document


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)


def test_embeddings_are_normalised_and_similar_sentences_are_close() -> None:
    vectors = shared_encoder().encode(
        [
            "The UK and France signed a treaty on migrant returns.",
            "Britain and France agreed a new returns treaty.",
            "Heavy rain is expected across Scotland tomorrow.",
        ]
    )
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.3


def test_batching_and_order_do_not_change_a_vector() -> None:
    encoder = shared_encoder()
    text = "The deals will increase intelligence sharing."
    alone = encoder.encode([text])[0]
    among = encoder.encode(["A much longer sentence about something else entirely, with many words.", text])[
        1
    ]
    assert cosine(alone, among) > 0.999


def test_every_document_gets_an_embedding(extractor: Extractor) -> None:
    doc = extractor.enrich(
        Document.from_page(url="http://t.test/e", source="t", title="t", body="Ministers met in London.")
    )
    assert doc.embedding is not None and len(doc.embedding) == DIMENSIONS
    assert math.isclose(math.sqrt(sum(x * x for x in doc.embedding)), 1.0, abs_tol=1e-4)


def test_agreements_carry_the_classifiers_confidence(extractor: Extractor) -> None:
    doc = extractor.enrich(
        Document.from_page(
            url="http://t.test/c", source="t", title="t", body="The UK and Norway signed a defence agreement."
        )
    )
    [agreement] = doc.agreements
    assert agreement.confidence is not None and agreement.confidence > 0.5


def test_the_classifier_reads_announcements_and_plain_sentences_apart() -> None:
    classifier = shipped_classifier()
    vectors = shared_encoder().encode(
        [
            "The UK and India have signed a free trade agreement.",
            "The museum opens at nine on weekdays and at ten on Sundays.",
        ]
    )
    signed, plain = (classifier.verdict(v) for v in vectors)
    probabilities = classifier.probabilities(vectors[:1])[0]
    # its best status, though not sure enough to name (`STATUS_FLOOR`): the rules read this one
    labels = classifier.labels
    best = max(
        (label for label in labels if label != "none"), key=lambda label: probabilities[labels.index(label)]
    )
    assert signed.p_agreement > 0.5 and best == "signed"
    assert plain.p_agreement < 0.5
    assert set(classifier.labels) == set(LABELS)


@pytest.mark.parametrize("use_classifier", [True, False])
def test_the_rules_alone_or_with_the_classifier_find_the_signed_treaty(use_classifier: bool) -> None:
    extractor = Extractor(use_classifier=use_classifier)
    doc = extractor.enrich(
        Document.from_page(
            url="http://t.test/r",
            source="t",
            title="t",
            body="Britain and France signed a treaty on returns.",
        )
    )
    [agreement] = doc.agreements
    assert agreement.status == "signed"
    assert (agreement.confidence is not None) == use_classifier


def test_the_document_embedding_reads_the_body_once_at_the_documents_length(extractor: Extractor) -> None:
    """Made in a background thread while spaCy parses, it is the body's own embedding at `DOC_MAX_TOKENS`."""
    body = " ".join(f"Ministers met officials in town number {n} to discuss the budget." for n in range(60))
    doc = extractor.enrich(Document.from_page(url="http://t.test/l", source="t", title="t", body=body))
    [direct] = shared_encoder().encode([body], max_tokens=DOC_MAX_TOKENS)
    assert doc.embedding is not None
    assert cosine(np.array(doc.embedding, dtype=np.float32), direct) > 0.999


def test_only_the_sentences_the_classifier_decides_are_encoded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sentence that merely mentions a deal, where the rules find no candidate, is never embedded."""
    encoded: list[str] = []
    real = Encoder.encode

    def counting(self: Encoder, texts: Sequence[str], *, max_tokens: int = SENTENCE_MAX_TOKENS) -> Matrix:
        if max_tokens == SENTENCE_MAX_TOKENS:
            encoded.extend(texts)
        return real(self, texts, max_tokens=max_tokens)

    monkeypatch.setattr(Encoder, "encode", counting)
    body = (
        "The agreement was discussed at length. Officials said the deal was complex. "
        "A treaty is a serious matter, the report said. The weather was fine. "
        "Britain and France signed a treaty on returns."
    )
    doc = Extractor().enrich(Document.from_page(url="http://t.test/o", source="t", title="t", body=body))
    [agreement] = doc.agreements
    assert agreement.confidence is not None
    assert "Britain and France signed a treaty on returns." in encoded
    assert "Officials said the deal was complex." not in encoded
    assert len(encoded) == len(set(encoded))


def encoder_threads() -> set[threading.Thread]:
    """The encoder threads alive now (compared as sets: an earlier test's extractor may let its own end)."""
    return {thread for thread in threading.enumerate() if thread.name.startswith("presswatch-encoder")}


@pytest.mark.parametrize("encoder_thread", [True, False])
def test_the_document_embedding_is_the_same_in_a_thread_or_inline(
    extractor: Extractor, encoder_thread: bool
) -> None:
    """`PRESSWATCH_NLP_ENCODER_THREAD=false` keeps an NLP process on one core: no encoder thread, and every
    field, the embedding too, exactly as with the thread."""
    page = Document.from_page(
        url="https://www.gov.uk/government/news/t",
        source="t",
        title="t",
        body="The UK and Norway signed a defence agreement. Jane Hill said £40m would support 1,200 jobs.",
    )
    expected = extractor.enrich(page)
    before = encoder_threads()
    enriched = Extractor(encoder_thread=encoder_thread).enrich(page)
    assert enriched == expected
    assert len(encoder_threads() - before) == (1 if encoder_thread else 0)


def test_word_pieces_padding_and_truncation_are_the_models_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the model is fed, pinned from `transformers`' tokenizer for this model (`padding=True,
    truncation=True, max_length=12`), which the encoder read before it read `tokenizer.json` itself."""
    encoder = Encoder()
    fed: list[dict[str, np.ndarray]] = []
    session = encoder._session

    class Recording:
        def run(self, names: list[str], feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
            fed.append(feeds)
            return list(session.run(names, feeds))

    monkeypatch.setattr(encoder, "_session", Recording())
    encoder.encode(
        ["Café naïve: 中文, £75m for 1,200 jobs!", "Britain and France signed a treaty."], max_tokens=12
    )
    [feeds] = fed
    assert feeds["input_ids"].tolist() == [  # shorter first: the encoder batches texts by length
        [101, 3725, 1998, 2605, 2772, 1037, 5036, 1012, 102, 0, 0, 0],
        [101, 7668, 15743, 1024, 1746, 1861, 1010, 1069, 23352, 2213, 2005, 102],
    ]
    assert feeds["attention_mask"].tolist() == [[1] * 9 + [0] * 3, [1] * 12]
    assert not feeds["token_type_ids"].any()
