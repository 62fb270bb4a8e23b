package dev.modq.tui.lanterna;

import com.googlecode.lanterna.TextCharacter;

/**
 * A screen cell whose width is the one {@link dev.modq.tui.Frame} measured, not Lanterna's guess.
 *
 * <p>Lanterna 3.1.3 calls every cell of more than one UTF-16 unit double-width ({@code "Z\u0337"} from a Zalgo
 * comment, {@code "e\u0301"}, U+1F327): its buffer then pads the next cell, the frame's next character overwrites
 * that padding and Lanterna blanks the first one (a Zalgo comment lost its first letter), or its cursor
 * arithmetic runs one column ahead of the terminal's. Frame and screen must agree on every cell's width.
 */
final class MeasuredCharacter extends TextCharacter {

    private static final long serialVersionUID = 1L;

    private final boolean doubleWidth;

    MeasuredCharacter(TextCharacter drawn, boolean doubleWidth) {
        super(drawn);
        this.doubleWidth = doubleWidth;
    }

    @Override
    public boolean isDoubleWidth() {
        return doubleWidth;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && ((MeasuredCharacter) o).doubleWidth == doubleWidth;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Boolean.hashCode(doubleWidth);
    }
}
