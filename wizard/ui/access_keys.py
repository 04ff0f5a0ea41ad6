"""Access keys (the underlined letters reached with Alt): which ones a window
shows, and which of them clash.

A step's labels, buttons and check boxes share the Alt+letter space with the
window's menu bar and its Back/Next buttons: two of them on the same letter
means Alt+letter reaches only one (or cycles between them), so a test checks
every step in every interface language with :func:`clashes`.

The translator's key is kept whenever it is free. When it is not (two
labels of a step, or a label and a menu, that a language happens to start
with the same letter), :func:`settle_access_keys` moves the later one to
another letter of its own text, as KDE's accelerator manager does: a word's
first letter if one is free, else any free letter, else no key at all. A
step is settled each time it is shown, with the menu bar's and the window's
own keys (Back, Next) reserved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget


@dataclass(frozen=True)
class AccessKey:
    key: str
    """The letter, lower case (as Alt+letter matches it)."""
    text: str
    """The text it is underlined in, without the ampersand."""
    widget: QWidget


def mnemonic(text: str) -> str | None:
    """The access key of ``text``: the character after a single ``&`` (``&&``
    is a literal ampersand), lower case; None when there is none."""
    index = 0
    while (index := text.find("&", index)) != -1:
        if index + 1 >= len(text):
            return None
        following = text[index + 1]
        if following != "&":
            return following.lower()
        index += 2
    return None


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, within: QWidget, hidden_too: bool) -> bool:
    if hidden_too:
        return True
    return widget.isVisibleTo(within) and widget.isEnabled()


def _plain_label(label: QLabel) -> bool:
    """A label whose text is plain (a rich-text one shows no access key)."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return True
    return label.textFormat() == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(label.text())


def _access_key(widget: QWidget) -> AccessKey | None:
    """The access key of a label (with a buddy), button, check box or
    checkable group box; None for any other widget or a text without one."""
    if isinstance(widget, QTabBar):
        return None
    if isinstance(widget, QLabel):
        text = widget.text() if _plain_label(widget) and widget.buddy() is not None else ""
    elif isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QGroupBox) and widget.isCheckable():
        text = widget.title()
    else:
        return None
    key = mnemonic(text)
    return AccessKey(key, _plain(text), widget) if key is not None else None


def widget_keys(root: QWidget, hidden_too: bool = False) -> list[AccessKey]:
    """The access keys of the labels (with a buddy), buttons, check boxes and
    checkable group boxes inside ``root``: those shown, or with ``hidden_too``
    also those a page shows only in some cases."""
    return [access for widget in root.findChildren(QWidget)
            if _shown(widget, root, hidden_too) and (access := _access_key(widget)) is not None]


def menu_keys(menu_bar: QMenuBar) -> list[AccessKey]:
    return [AccessKey(key, _plain(action.text()), menu_bar)
            for action in menu_bar.actions()
            if action.isVisible() and (key := mnemonic(action.text())) is not None]


def clashes(keys: list[AccessKey]) -> dict[str, list[str]]:
    """The letters used more than once, each with the texts that use it."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for access in keys:
        by_key[access.key].append(access.text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}


def labels_without_buddy(root: QWidget) -> list[str]:
    """The texts of shown labels that have an access key but nothing it
    would move the focus to."""
    return [_plain(label.text()) for label in root.findChildren(QLabel)
            if _plain_label(label) and mnemonic(label.text()) is not None
            and label.buddy() is None]




def connect_access_keys(page: QWidget) -> None:
    """A label's key moves the focus to its field, also when the field is a
    box around the editor (a table with its buttons, an amount with its
    currency): such a box passes the focus on to the editor, and takes it
    from a key (Tab still goes straight to the editor). A step with several
    tables keeps the Add button's key on the first one only (each table is
    reached by its label's key, and Tab goes on to its buttons)."""
    from wizard.ui.widgets.record_table import RecordTable

    for index, table in enumerate(page.findChildren(RecordTable)):
        if table.focusProxy() is None:
            table.setFocusProxy(table.table)
        if index:
            table.add_button.setText(table.add_button.text().replace("&", "", 1))
    for label in page.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None or buddy.focusPolicy() != Qt.FocusPolicy.NoFocus:
            continue
        proxy = buddy.focusProxy()
        if proxy is not None:
            # a proxy takes its widget's policy: its own is set again after
            policy = proxy.focusPolicy()
            buddy.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            proxy.setFocusPolicy(policy)


def _with_key_at(plain: str, position: int | None) -> str:
    """``plain`` (ampersands of its own doubled) with the key on the
    character at ``position`` (None: no key)."""
    if position is None:
        return plain.replace("&", "&&")
    return (plain[:position].replace("&", "&&") + "&"
            + plain[position:].replace("&", "&&"))


def _free_position(plain: str, used: set[str]) -> int | None:
    """Where a free key lies in ``plain``: a word's first letter first, then
    any letter or digit; None when every one is taken."""
    starts = [i for i, c in enumerate(plain)
              if c.isalnum() and (i == 0 or not plain[i - 1].isalnum())]
    others = [i for i, c in enumerate(plain) if c.isalnum() and i not in starts]
    return next((i for i in starts + others if plain[i].lower() not in used), None)


def _set_text(widget: QWidget, text: str) -> None:
    if isinstance(widget, QLabel | QAbstractButton):
        widget.setText(text)
    elif isinstance(widget, QGroupBox):
        widget.setTitle(text)


def settle_access_keys(root: QWidget, reserved: set[str]) -> None:
    """Give every access key inside ``root`` (shown or not) a letter no other
    one uses, nor any of ``reserved``: the first one on a letter keeps it,
    the later ones move to a free letter of their own text."""
    used = set(reserved)
    for access in widget_keys(root, hidden_too=True):
        if access.key not in used:
            used.add(access.key)
            continue
        position = _free_position(access.text, used)
        if position is not None:
            used.add(access.text[position].lower())
        _set_text(access.widget, _with_key_at(access.text, position))


def window_keys(window: QWidget, menu_bar: QMenuBar, pages: QWidget) -> set[str]:
    """The keys of the window's menu bar and of its own widgets outside
    ``pages`` (Back, Next, the step list's buttons)."""
    keys = {key.key for key in menu_keys(menu_bar)}
    # the steps' own widgets (most of the window) are not walked: a step is
    # shown often, and its keys are settled against these
    outside = [window]
    while outside:
        widget = outside.pop()
        for child in widget.children():
            if isinstance(child, QWidget) and child is not pages:
                outside.append(child)
                # Back counts on the first step too, where it is shown but disabled
                if child.isVisibleTo(window) and (access := _access_key(child)) is not None:
                    keys.add(access.key)
    return keys
