package dev.modq.tui;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeymapTest {

    @Test
    void readmeKeyTableIsGeneratedFromTheKeymap() throws Exception {
        Path readme = Path.of(System.getProperty("modq.basedir", "."), "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("<!-- keys:start -->");
        int end = text.indexOf("<!-- keys:end -->");
        assertTrue(start >= 0 && end > start, "README needs the keys markers");
        String between = text.substring(start + "<!-- keys:start -->".length(), end).strip();
        assertEquals(Keymap.markdownTable().strip(), between,
                "README key table is stale: paste Keymap.markdownTable() between the markers");
    }

    @Test
    void noKeyIsBoundTwiceInOneScope() {
        for (boolean reading : new boolean[]{false, true}) {
            Set<String> seen = new HashSet<>();
            for (Keymap.Binding b : Keymap.BINDINGS) {
                boolean applies = b.scope() == Keymap.Scope.BOTH || (b.scope() == Keymap.Scope.READING) == reading;
                if (applies) {
                    for (String k : b.keys()) {
                        assertTrue(seen.add(k), "key " + k + " bound twice (reading=" + reading + ")");
                    }
                }
            }
        }
    }

    @Test
    void requiredKeysAreBound() {
        for (String k : new String[]{"j", "k", "Down", "Up", "PgDn", "PgUp", "g", "G", "Home", "End", "a", "r", "f",
                "u", "Space", "t", "T", "/", "Tab", "S-Tab", "Enter", "?", "q", "C-l", "C-c"}) {
            assertTrue(Keymap.lookup(Key.of(k), false).isPresent(), k);
        }
    }
}
