package dev.modq.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exec command line is split as a POSIX shell quotes words, and nothing else happens to it. */
class WordsTest {

    @Test
    void plainWordsSplitOnBlanks() {
        assertEquals(List.of("list", "--format", "ids"), Words.split("  list\t--format   ids "));
    }

    @Test
    void singleQuotesKeepEverythingLiterally() {
        assertEquals(List.of("list", "--where", "links:>3 text:\"free money\""),
                Words.split("list --where 'links:>3 text:\"free money\"'"));
    }

    @Test
    void doubleQuotesHonourOnlyTheirFourEscapes() {
        assertEquals(List.of("reject", "--note", "say \"no\" \\n $HOME `x`"),
                Words.split("reject --note \"say \\\"no\\\" \\n \\$HOME \\`x\\`\""));
    }

    @Test
    void aBackslashOutsideQuotesEscapesTheNextCharacter() {
        assertEquals(List.of("a b", "c"), Words.split("a\\ b c"));
    }

    @Test
    void quotedPartsJoinTheirWord() {
        assertEquals(List.of("--where=author:bob smith"), Words.split("--where='author:bob smith'"));
        assertEquals(List.of(""), Words.split("''"));
    }

    @Test
    void nothingIsExpandedOrRunSinceNoShellRuns() {
        assertEquals(List.of("count", ";", "rm", "-rf", "*", "$(id)", "|", "cat"),
                Words.split("count ; rm -rf * $(id) | cat"));
    }

    @Test
    void unterminatedQuotesAreErrorsNamingTheColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Words.split("list --where 'x"));
        assertTrue(e.getMessage().contains("unterminated '") && e.getMessage().contains("column 14"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Words.split("list \"x"));
        assertThrows(IllegalArgumentException.class, () -> Words.split("list \\"));
    }

    @Test
    void emptyLineHasNoWords() {
        assertEquals(List.of(), Words.split("   "));
    }
}
