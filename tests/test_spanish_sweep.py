"""What a look at every screen in Spanish found still English (issue 25), each held
here: a measure's bands in `hw templates show`."""

from __future__ import annotations

from helpers import hw_here

ES = {"LANGUAGE": "es"}


def test_templates_show_says_the_bands_in_the_run_s_language():
    spanish = " ".join(hw_here("--no-pager", "templates", "show", "gad-7", env=ES).out.split())
    assert "niveles: mínimo hasta 4, leve hasta 9, moderado hasta 14, grave hasta 21" in spanish
    english = " ".join(hw_here("--no-pager", "templates", "show", "gad-7").out.split())
    assert "bands: minimal up to 4, mild up to 9, moderate up to 14, severe up to 21" in english
