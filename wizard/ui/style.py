"""The few style rules the window adds to the system theme. Colours come from
the palette, so light and dark themes both stay readable."""

STYLE_SHEET = """
QFrame#help {
    background: palette(alternate-base);
    border: 1px solid palette(mid);
    border-radius: 6px;
}
QLabel[role="hint"] {
    color: palette(placeholder-text);
}
"""
