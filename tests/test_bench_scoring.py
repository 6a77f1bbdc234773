"""The benchmark's scorer follows the article-extraction benchmark's rules, so its figures can be trusted."""

from bench.extraction_quality import score


def test_perfect_output_scores_one() -> None:
    truth = {"a": "one two three four five six", "b": "x"}
    assert score(dict(truth), truth) == (1.0, 1.0, 1.0)


def test_missing_output_scores_zero_recall() -> None:
    precision, recall, _ = score({}, {"a": "one two three four five six"})
    assert recall == 0.0 and precision == 0.0


def test_extra_boilerplate_lowers_precision_only() -> None:
    truth = {"a": "one two three four five six"}
    precision, recall, _ = score(
        {"a": "one two three four five six. Subscribe to our newsletter today"}, truth
    )
    assert recall == 1.0 and 0 < precision < 1
