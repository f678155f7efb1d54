"""Stories: encoding and decoding round trips, bad input refused with a reason, editing."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from dashboard.ui import story_codec
from dashboard.ui.story_codec import StoryError, View

STORY = (
    View("SCO today", "/memberships?organization=sco"),
    View(
        "Минск – Тегеран: 2016",
        "/memberships?organization=sco&as_of=2016-01-01&compare=IRN&compare=BLR",
    ),
    View("Home", "/"),
    View("Health <b>deals</b> & *more*", "/agreements?sector=health&sector=tourism&party=IRN"),
)


def token_of(data: object) -> str:
    raw = json.dumps(data).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


def test_token_round_trip_keeps_order_titles_and_links():
    token = story_codec.encode(STORY)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert story_codec.decode(token) == STORY


def test_file_round_trip_is_readable_json():
    content = story_codec.to_file(STORY)
    data = json.loads(content)
    assert data["format"] == story_codec.FORMAT
    assert data["views"][1]["title"] == "Минск – Тегеран: 2016"
    assert story_codec.from_file(content) == STORY
    assert story_codec.from_file(b"\xef\xbb\xbf" + content) == STORY  # a BOM is fine


def test_empty_story_round_trips():
    assert story_codec.decode(story_codec.encode(())) == ()


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("", "empty"),
        ("not a story!", "damaged"),
        (story_codec.encode(STORY)[:-6], "damaged"),  # cut short when pasted
        (token_of([1, 2, 3]), "no list of views"),
        (token_of({"views": "x"}), "no list of views"),
        (token_of({"views": [], "version": 9}), "version"),
        (token_of({"views": [["t", "/"]]}), "not a title and a link"),
        (token_of({"views": [{"title": "x", "link": "https://evil.example/"}]}), "not a link"),
        (token_of({"views": [{"title": "x", "link": "//evil.example/x"}]}), "not a link"),
        (token_of({"views": [{"title": "x", "link": "javascript:alert(1)"}]}), "not a link"),
        (token_of({"views": [{"title": "x", "link": "/a/../../etc"}]}), "not a link"),
        (token_of({"views": [{"title": "x", "link": "/memberships\n?x"}]}), "not a link"),
        (token_of({"views": [{"title": 3, "link": "/"}]}), "not text"),
        (token_of({"views": [{"title": "x"}]}), "missing"),
        (token_of({"views": [{"title": "x", "link": "/"}] * 41}), "at most 40"),
        ("A" * (story_codec.MAX_TOKEN + 1), "too long"),
        (base64.urlsafe_b64encode(zlib.compress(b" " * 100_000)).decode(), "too big"),
    ],
)
def test_bad_tokens_are_refused_with_a_reason(token: str, reason: str):
    with pytest.raises(StoryError, match=reason):
        story_codec.decode(token)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xff\xfe", "not JSON"),
        (b"{not json", "not JSON"),
        (json.dumps({"format": "other", "views": []}).encode(), "not a story of this"),
        (b"x" * (story_codec.MAX_FILE + 1), "too big"),
        (json.dumps({"views": [{"title": "x", "link": "http://x/"}]}).encode(), "not a link"),
    ],
)
def test_bad_files_are_refused_with_a_reason(content: bytes, reason: str):
    with pytest.raises(StoryError, match=reason):
        story_codec.from_file(content)


def test_titles_become_one_line_of_plain_text():
    [view] = story_codec.decode(
        token_of({"views": [{"title": " a\n\tb\x00 " + "c" * 300, "link": "/"}]})
    )
    assert view.title.startswith("a b c")
    assert len(view.title) == story_codec.MAX_TITLE
    assert story_codec.check_title("   ") == "Untitled view"


def test_links_are_built_and_split_with_repeated_keys():
    link = story_codec.view_link(
        "memberships", {"compare": ["IRN", "BLR"], "as_of": ["2016-01-01"]}
    )
    assert link == "/memberships?compare=IRN&compare=BLR&as_of=2016-01-01"
    assert story_codec.split_link(link) == (
        "memberships",
        {"compare": ["IRN", "BLR"], "as_of": ["2016-01-01"]},
    )
    assert story_codec.view_link("", {}) == "/"
    assert story_codec.split_link("/") == ("", {})


def test_add_move_remove_retitle():
    story = story_codec.add((), View("one", "/"))
    story = story_codec.add(story, View("two", "/sources"))
    story = story_codec.add(story, View("three", "/corridor"))
    assert [v.title for v in story_codec.move(story, 2, -1)] == ["one", "three", "two"]
    assert story_codec.move(story, 0, -1) == story  # already first
    assert story_codec.move(story, 2, 1) == story  # already last
    assert [v.title for v in story_codec.remove(story, 1)] == ["one", "three"]
    assert story_codec.retitle(story, 0, "first\nview")[0] == View("first view", "/")
    with pytest.raises(StoryError):
        story_codec.add(story, View("bad", "https://example.org"))
    full = tuple(View(str(i), "/") for i in range(story_codec.MAX_VIEWS))
    with pytest.raises(StoryError, match="at most"):
        story_codec.add(full, View("one more", "/"))


@pytest.mark.parametrize(
    ("count", "at", "expected"),
    [
        (3, 0, (None, 1)),
        (3, 1, (0, 2)),
        (3, 2, (1, None)),
        (3, None, (None, 0)),  # not on a view of the story: → opens the first
        (1, 0, (None, None)),
        (0, None, (None, None)),
    ],
)
def test_neighbours_for_the_presenter_keys(count, at, expected):
    assert story_codec.neighbours(count, at) == expected


def test_a_96_character_link_of_deeply_nested_json_is_refused_not_a_crash():
    token = base64.urlsafe_b64encode(zlib.compress(b"[" * 50_000, 9)).decode().rstrip("=")
    assert len(token) <= 96
    with pytest.raises(StoryError, match="damaged"):
        story_codec.decode(token)
    nested = {"views": [{"title": "x", "link": "/", "more": [[[[[[[[]]]]]]]]}]}
    with pytest.raises(StoryError, match="damaged"):
        story_codec.decode(token_of(nested))


def test_an_uploaded_file_of_deeply_nested_json_is_refused_not_a_crash():
    with pytest.raises(StoryError, match="not JSON"):
        story_codec.from_file(b"[" * 50_000)
    with pytest.raises(StoryError, match="not JSON"):
        story_codec.from_file(b'{"views": ' + b"[{" * 5_000 + b"}]" * 5_000 + b"}")


def test_nesting_is_counted_without_parsing_and_ignores_brackets_in_strings():
    assert story_codec.nesting('{"views": [{"title": "[[[{{{", "link": "/"}]}') == 3
    assert story_codec.nesting('["\\"[[[["]') == 1
    assert story_codec.nesting(story_codec.to_file(STORY).decode()) == 3


def test_a_refused_link_never_quotes_its_text():
    link = "[Click here to continue](https://evil.example/)"
    with pytest.raises(StoryError) as refused:
        story_codec.decode(token_of({"views": [{"title": "x", "link": link}]}))
    assert "Click" not in str(refused.value)
    assert "evil" not in str(refused.value)
    with pytest.raises(StoryError) as refused:
        story_codec.decode(token_of({"views": [], "version": "[Click here](https://evil/)"}))
    assert "Click" not in str(refused.value)


def test_bidi_overrides_and_zero_width_characters_are_removed_from_titles():
    title = "\u202eSCO\u202c in\u200b 2016\u2066\ufeff \u2060"
    [view] = story_codec.decode(token_of({"views": [{"title": title, "link": "/"}]}))
    assert view.title == "SCO in 2016"
    assert story_codec.check_title("نمی\u200cخواهم") == "نمی\u200cخواهم"  # ZWNJ in a word
    with pytest.raises(StoryError, match="not a link"):
        story_codec.check_link("/memberships?q=\u202eabc")


@pytest.mark.parametrize(
    ("link", "other"),
    [
        (
            "/memberships?organization=sco&as_of=2016-01-01",
            "/memberships?as_of=2016-01-01&organization=sco",
        ),
        ("/memberships?compare=IRN&compare=BLR", "/memberships?compare=BLR&compare=IRN"),
        ("/agreements?sector=health&party=IRN", "/agreements?party=IRN&sector=health&present=1"),
        ("/", "/?present=1"),
    ],
)
def test_links_with_parameters_in_another_order_open_the_same_view(link: str, other: str):
    assert story_codec.same_view(link, other)
    assert story_codec.same_view(other, link)


@pytest.mark.parametrize(
    ("link", "other"),
    [
        ("/memberships?organization=sco", "/agreements?organization=sco"),
        ("/memberships?organization=sco", "/memberships?organization=brics"),
        ("/memberships?q=a&q=b", "/memberships?q=b&q=a"),  # one value: the first counts
        ("/memberships?organization=sco", "/memberships?organization=sco&country=IRN"),
    ],
)
def test_links_to_other_views_differ(link: str, other: str):
    assert not story_codec.same_view(link, other)
