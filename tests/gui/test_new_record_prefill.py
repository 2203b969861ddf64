"""A new record takes the team (or, for mediation, the area) chosen above the
list, and stays an untouched form: leaving it asks nothing, typing in it makes
it edited. The four sections share ListFormSection.prefill_new; meetings and
mediation used to leave such a form «edited», outreach and supervision tried
not to but did too."""
from __future__ import annotations

import pytest

from tests.gui.helpers import make_team


@pytest.mark.parametrize("key, filter_name, field, typed", [
    ("meetings", "f_team", "team", "place"),
    ("outreach", "f_team", "team", "place"),
    ("supervision", "f_team", "team", "subject"),
    ("mediation", "f_area", "area", "summary"),
])
def test_a_new_record_takes_the_filters_choice_untouched(window, scripted, key, filter_name, field, typed):
    area, team = make_team()
    section = window.section(key)
    section.refresh_choices()
    code = team.id if field == "team" else area.id
    getattr(section, filter_name).set_code(code)
    section.new_record()
    editor = section.editor
    assert editor.record is None and getattr(editor, field).code() == code
    assert not editor.is_dirty()
    section.new_record()  # leaving it (for another new one): no question
    assert not [s for s in scripted.shown if s[0] == "unsaved"]
    assert getattr(editor, field).code() == code and not editor.is_dirty()
    widget = getattr(editor, typed)
    (widget.setPlainText if hasattr(widget, "setPlainText") else widget.setText)("Nhà văn hóa bản")
    assert editor.is_dirty()  # typed in: an edited form again
