"""The reference page of template values, templates/VARIABLES.md."""

from __future__ import annotations

from wizard.core.template_reference import (
    DESCRIPTIONS,
    main,
    reference_markdown,
    reference_path,
    stale_descriptions,
    undescribed,
)


def test_every_value_is_described() -> None:
    """A value added to the contract without a meaning would reach consultants unexplained;
    a meaning left for a value that is gone would send them after nothing."""
    assert undescribed() == []
    assert stale_descriptions() == []


def test_the_committed_page_is_current() -> None:
    """Consultants read the committed page (it is shipped with the program): it must be
    what the generator writes now. Run ``python -m wizard.core.template_reference``."""
    assert reference_path().read_text(encoding="utf-8") == reference_markdown()
    assert main(["--check"]) == 0


def test_the_page_lists_values_with_examples() -> None:
    page = reference_markdown()
    assert "| `provider.name` | text | The party's name. | Northwind IT Services LLC |" in page
    assert "| `services[].included` | list of texts |" in page
    assert "| `credits.enabled` | yes/no |" in page
    assert '{{ _("' in page and "ngettext(" in page
    for path in DESCRIPTIONS:
        assert f"| `{path}` |" in page
