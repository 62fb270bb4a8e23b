package dev.modq.tui.lanterna;

import com.googlecode.lanterna.input.KeyStroke;
import dev.modq.tui.Key;

import java.util.Locale;

/** Lanterna key strokes to the UI's terminal-free {@link Key} names. */
final class Keys {

    private Keys() {
    }

    static Key of(KeyStroke ks) {
        switch (ks.getKeyType()) {
            case Character: {
                char c = ks.getCharacter();
                if (ks.isCtrlDown()) {
                    return Key.of("C-" + Character.toLowerCase(c));
                }
                if (ks.isAltDown()) {
                    return Key.of("M-" + c);
                }
                return Key.ofChar(c);
            }
            case ArrowDown: return Key.of("Down");
            case ArrowUp: return Key.of("Up");
            case ArrowLeft: return Key.of("Left");
            case ArrowRight: return Key.of("Right");
            case PageDown: return Key.of("PgDn");
            case PageUp: return Key.of("PgUp");
            case Escape: return Key.of("Esc");
            case ReverseTab: return Key.of("S-Tab");
            default: return Key.of(ks.getKeyType().name().substring(0, 1).toUpperCase(Locale.ROOT)
                    + ks.getKeyType().name().substring(1));
        }
    }
}
