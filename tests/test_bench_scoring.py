"""The benchmark's scorer follows the article-extraction benchmark's rules, so its figures can be trusted."""

from bench.extraction_quality import score, segment_score


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


def test_segments_found_are_true_positives_and_boilerplate_found_false_positives() -> None:
    truth = {"a": (["first  kept\nsegment", "second kept"], ["Share this"])}
    assert segment_score({"a": "x first kept segment y second kept"}, truth) == (1.0, 1.0, 1.0)
    precision, recall, _ = segment_score({"a": "first kept segment. Share this"}, truth)
    assert (precision, recall) == (0.5, 0.5)
    assert segment_score({}, truth)[:2] == (0.0, 0.0)
