"""Phrases: the core's English sentences with their values apart, for the window to translate."""

from __future__ import annotations

import pickle

from playground.phrase import phrase


def test_a_phrase_reads_as_english_and_renders_through_a_translator():
    inner = phrase("Health", "the steps are far too large")
    outer = phrase("Health", "{share:.0f}% saturated: {cause}.", share=87.4, cause=inner)
    assert str(outer) == "87% saturated: the steps are far too large."
    words = {"{share:.0f}% saturated: {cause}.": "{share:.0f}% 饱和：{cause}。",
             "the steps are far too large": "步长太大了"}
    assert outer.render(lambda context, text: words.get(text, text)) == "87% 饱和：步长太大了。"
    assert f"{outer}" == str(outer)


def test_a_phrase_crosses_a_process_boundary():
    said = phrase("Training", "the loss became {loss}", loss="nan")
    assert pickle.loads(pickle.dumps(said)) == said and str(said) == "the loss became nan"
