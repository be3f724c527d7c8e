"""Sources by name: publisher, else title, else file stem; unique in a run."""
from pipeline.labels import name, naming, source_labels


def test_label_is_publisher_else_short_title_else_stem_and_unique():
    labels = source_labels([
        {"source_id": "000_2aa3", "publisher": "AP", "title": "Ignored"},
        {"source_id": "001_4fc8", "publisher": " AP ", "title": ""},
        {"source_id": "002_9b1c", "title": "Child exploitation watchdog says Meta encryption "
                                           "led to sharp decrease"},
        {"source_id": "003_77aa", "title": "Short one"},
        {"source_id": "004_4f7b"},
    ])
    assert labels == {"000_2aa3": "AP", "001_4fc8": "AP (2)",
                      "002_9b1c": "“Child exploitation watchdog…”", "003_77aa": "“Short one”",
                      "004_4f7b": "004_4f7b"}


def test_name_uses_the_labels_only_inside_naming():
    assert name("a") == "a"
    with naming({"a": "The Post"}):
        assert name("a") == "The Post" and name("b") == "b"
    assert name("a") == "a"


def test_explanations_name_sources_and_data_keeps_file_stems():
    from pipeline.compare import compare
    from pipeline.explain import explain

    from .factories import Story, everything
    from dataclasses import replace
    a = Story("a_wire", "The agency recorded 2,300 burglaries in 2024.")
    a.article = replace(a.article, publisher="Wire")
    b = Story("b_blog", "The agency recorded 4,100 burglaries in 2024.")
    a.claim("2,300", "count", 2300, 2300, 2300, unit="burglary", metric="burglary",
            subject="agency", period="2024")
    b.claim("4,100", "count", 4100, 4100, 4100, unit="burglary", metric="burglary",
            subject="agency", period="2024")
    claims, articles = everything(a, b)
    f = explain(compare(claims), claims, articles)[0]
    assert "2,300 (Wire)" in f.explanation and "a_wire" not in f.explanation
    assert "(b_blog)" in f.explanation  # no publisher or title: the file stem
    assert f.sources == ["a_wire", "b_blog"] and {e.source_id for e in f.evidence} <= set(f.sources)
