package dev.modq.tui.lanterna;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextColor.ANSI;
import dev.modq.core.text.DisplayWidth;
import dev.modq.tui.Style;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Style tokens to terminal attributes: the 16 ANSI colours (safe on every terminal; Lanterna never reads
 * TERM), or monochrome where reverse video and bold carry the selection and the warnings.
 */
final class Palette {

    private record Look(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    }

    private final Map<Style, Look> looks = new EnumMap<>(Style.class);
    private final TextCharacter[][] ascii = new TextCharacter[Style.values().length][128];

    Palette(boolean color) {
        for (Style s : Style.values()) {
            looks.put(s, color ? colour(s) : mono(s));
        }
    }

    private static Look look(TextColor fg, TextColor bg, SGR... sgr) {
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        set.addAll(java.util.List.of(sgr));
        return new Look(fg, bg, set);
    }

    private static Look colour(Style s) {
        switch (s) {
            case HEADER: return look(ANSI.WHITE_BRIGHT, ANSI.BLUE, SGR.BOLD);
            case TAB_ACTIVE: return look(ANSI.BLACK, ANSI.CYAN, SGR.BOLD);
            case SELECTED: return look(ANSI.BLACK, ANSI.WHITE);
            case TAGGED: return look(ANSI.YELLOW_BRIGHT, ANSI.DEFAULT, SGR.BOLD);
            case DIM: return look(ANSI.BLACK_BRIGHT, ANSI.DEFAULT);
            case PENDING: return look(ANSI.YELLOW, ANSI.DEFAULT);
            case APPROVED: return look(ANSI.GREEN, ANSI.DEFAULT);
            case REJECTED: return look(ANSI.RED, ANSI.DEFAULT);
            case FLAGGED: return look(ANSI.MAGENTA, ANSI.DEFAULT);
            case WARNING: return look(ANSI.YELLOW_BRIGHT, ANSI.DEFAULT, SGR.BOLD);
            case ERROR: return look(ANSI.RED_BRIGHT, ANSI.DEFAULT, SGR.BOLD);
            case INFO: return look(ANSI.GREEN_BRIGHT, ANSI.DEFAULT);
            case PROMPT: return look(ANSI.BLACK, ANSI.YELLOW);
            case FOOTER: return look(ANSI.WHITE, ANSI.BLUE);
            case FOOTER_KEY: return look(ANSI.YELLOW_BRIGHT, ANSI.BLUE, SGR.BOLD);
            case LINK: return look(ANSI.CYAN, ANSI.DEFAULT);
            case TITLE: return look(ANSI.CYAN_BRIGHT, ANSI.DEFAULT, SGR.BOLD);
            default: return look(ANSI.DEFAULT, ANSI.DEFAULT);
        }
    }

    private static Look mono(Style s) {
        switch (s) {
            case HEADER: case TAB_ACTIVE: case SELECTED: case PROMPT: return look(ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE);
            case TAGGED: case WARNING: case ERROR: case TITLE: case FOOTER_KEY: return look(ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
            default: return look(ANSI.DEFAULT, ANSI.DEFAULT);
        }
    }

    /** One screen cell; never throws, whatever the grapheme. */
    TextCharacter cell(String grapheme, Style style) {
        if (grapheme.length() == 1 && grapheme.charAt(0) < 128) {
            TextCharacter[] row = ascii[style.ordinal()];
            char c = grapheme.charAt(0);
            if (row[c] == null) {
                row[c] = make(grapheme, style);
            }
            return row[c];
        }
        return make(grapheme, style);
    }

    private TextCharacter make(String grapheme, Style style) {
        Look l = looks.get(style);
        try {
            TextCharacter[] made = TextCharacter.fromString(grapheme, l.fg(), l.bg(), l.sgr());
            if (made.length >= 1) {
                return made[0].getCharacterString().length() == 1 && made[0].getCharacter() < 128
                        ? made[0] : new MeasuredCharacter(made[0], DisplayWidth.of(grapheme) == 2);
            }
        } catch (RuntimeException e) {
            // fall through: a grapheme Lanterna cannot hold is drawn as its first code point, or '?'
        }
        try {
            return TextCharacter.fromString(new String(Character.toChars(grapheme.codePointAt(0))), l.fg(), l.bg(),
                    l.sgr())[0];
        } catch (RuntimeException e) {
            return TextCharacter.fromCharacter('?', l.fg(), l.bg(), l.sgr().toArray(new SGR[0]))[0];
        }
    }
}
