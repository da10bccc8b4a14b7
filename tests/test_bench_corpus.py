"""The benchmark corpus: deterministic, news-sized articles that ingest reads cleanly, with
entity counts that grow like a real crisis's (a recurring core, a long tail of newcomers)."""
from __future__ import annotations

import re
from datetime import date

from bench.corpus import make_article, person, render_file, town, treaty, write_corpus
from generator import ingest
from generator.diagnostics import Report


def files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_size_and_seed_give_the_same_files_and_another_seed_other_files(tmp_path):
    write_corpus(tmp_path / "a", 20, seed=1)
    write_corpus(tmp_path / "b", 20, seed=1)
    write_corpus(tmp_path / "c", 20, seed=2)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")


def test_rewriting_a_folder_replaces_the_corpus_that_was_there(tmp_path):
    write_corpus(tmp_path, 12)
    write_corpus(tmp_path, 5)
    assert len(list(tmp_path.iterdir())) == 5


def test_articles_are_news_sized_and_ingest_reads_them_without_a_warning(tmp_path):
    write_corpus(tmp_path, 30)
    report = Report()
    documents = ingest.read_corpus(tmp_path, report)
    assert report.items == []
    assert len(documents) == 30
    words = [sum(len(p.text.split()) for p in d.paragraphs if p.prose) for d in documents]
    assert 600 <= min(words) and max(words) <= 1500 and 850 <= sum(words) / len(words) <= 1100
    for document in documents:
        assert document.date == date.fromisoformat(document.path[:10])  # from front matter or the text's date line
        assert document.publisher and document.author
        kinds = {p.kind for p in document.paragraphs}
        assert "byline" in kinds and "prose" in kinds
    assert {d.path.rsplit(".", 1)[1] for d in documents} == {"md", "txt"}


def test_dates_in_the_text_are_relative_to_the_article_and_consistent_with_it():
    article = make_article(5, 100, seed=1)
    article.rng.seed(0)
    for _ in range(50):
        weekday = re.fullmatch(r"on (\w+day)", article.past())
        if weekday:  # a weekday of the last six days, never the publication day itself
            assert weekday.group(1) != article.published.strftime("%A")


def test_people_are_introduced_with_a_title_once_then_named_by_surname():
    article = make_article(0, 10, seed=1)
    article.cast = article.cast[:1]
    first, second = article.who(), article.who()
    assert article.cast[0].name in first and second == article.cast[0].surname


def test_names_are_distinct_across_the_pools():
    assert len({person(k).name for k in range(9600)}) == 9600
    assert len({town(k) for k in range(5000)}) == 5000
    assert len({treaty(k) for k in range(150)}) == 150


def distinct_people(n: int) -> int:
    names = set()
    for i in range(n):
        _, text = render_file(make_article(i, n, seed=1))
        names |= {p.name for p in make_article(i, n, seed=1).cast if p.name in text}
    return len(names)


def test_distinct_people_grow_with_the_corpus_but_slower_than_it():
    small, large = distinct_people(50), distinct_people(400)
    assert small < large < 8 * small * 0.8  # eight times the articles, well under eight times the people


def test_a_few_countries_recur_in_most_articles():
    leads = [make_article(i, 200, seed=1).countries[0] for i in range(200)]
    top = max(set(leads), key=leads.count)
    assert leads.count(top) >= 200 * 0.15
