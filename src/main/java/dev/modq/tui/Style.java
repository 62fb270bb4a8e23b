package dev.modq.tui;

/** Style tokens of a frame's cells; the terminal layer maps them to colours or, without colour, to SGR attributes. */
public enum Style {
    NORMAL, HEADER, TAB, TAB_ACTIVE, SELECTED, TAGGED, DIM,
    PENDING, APPROVED, REJECTED, FLAGGED,
    WARNING, ERROR, INFO, PROMPT, FOOTER, FOOTER_KEY, LINK, TITLE
}
