"""An agreement named after its subject is no organisation: 'the Pacific Agreement on Closer Economic Relations
Plus' came out as one (found trying a fresh New Zealand release); a body named after an agreement stays one."""

import pytest

from nlp.pipeline import Extractor
from tests.nlp.test_organisations_short_forms import organisations


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "New Zealand has ratified the Pacific Agreement on Closer Economic Relations Plus, which entered "
            "into force in 2020.",
            None,
        ),
        ("The Council of the Agreement on Port State Measures met in Rome.", "Council"),
    ],
)
def test_an_agreement_named_on_its_subject_is_no_body(
    extractor: Extractor, text: str, body: str | None
) -> None:
    """'the Pacific Agreement on Closer Economic Relations Plus' came out as an organisation; a body named
    after an agreement ('the Council of the Agreement on ...') stays one."""
    found = organisations(extractor, text)
    assert not any(name.startswith(("Pacific Agreement", "Agreement on")) for name in found)
    if body is not None:
        assert any(name.startswith(body) for name in found), found
