package dev.modq.cli;

import dev.modq.tui.lanterna.TerminalUi;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OutputCharsetTest {

    @Test
    void aNonUtf8LocaleIsNamedOnceWithTheWayOut() {
        assertEquals("locale LANG=C is not UTF-8: writing UTF-8 anyway (LANG=C.UTF-8 silences this)",
                OutputCharset.localeNote(Map.of("LANG", "C"), "ANSI_X3.4-1968"));
        assertEquals("locale LC_ALL=POSIX is not UTF-8: writing UTF-8 anyway (LANG=C.UTF-8 silences this)",
                OutputCharset.localeNote(Map.of("LANG", "en_US.UTF-8", "LC_ALL", "POSIX"), "ANSI_X3.4-1968"));
        assertNull(OutputCharset.localeNote(Map.of("LANG", "C.UTF-8"), "UTF-8"));
    }

    @Test
    void aDumbTerminalIsRefusedInOneLine() {
        assertEquals("modq: TERM=dumb cannot show the full-screen queue; use the CLI (modq list, modq approve ID...)"
                + " or a terminal emulator", TerminalUi.refusal("dumb"));
        assertNull(TerminalUi.refusal("xterm-256color"));
        assertNull(TerminalUi.refusal("screen"));
    }
}
