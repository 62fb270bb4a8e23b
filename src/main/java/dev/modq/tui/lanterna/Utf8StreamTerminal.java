package dev.modq.tui.lanterna;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An xterm-style terminal over plain streams (no stty): for an SSH channel, or a test capturing the bytes
 * a render writes. Same UTF-8 fix as {@link Utf8UnixTerminal}.
 */
public final class Utf8StreamTerminal extends ANSITerminal implements LeanScreen.LineEraser {

    private static final byte[] ERASE_LINE = {0x1b, '[', 'K'};

    public Utf8StreamTerminal(InputStream in, OutputStream out) {
        super(in, out, StandardCharsets.UTF_8);
    }

    private final CursorAnchor anchor = new CursorAnchor();

    /** The size the other end told us (an SSH pty-req / window-change), or null: ask the terminal. */
    private volatile TerminalSize told;

    /** Takes the size from the SSH channel instead of a cursor-position round trip; 0 means unknown. */
    public void tellSize(int columns, int rows) {
        if (columns <= 0 || rows <= 0) {
            return;
        }
        TerminalSize size = new TerminalSize(columns, rows);
        boolean changed = told != null && !told.equals(size);
        told = size;
        if (changed) {
            onResized(size);
        }
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        TerminalSize size = told;
        return size != null ? size : super.findTerminalSize();
    }

    @Override
    public void putString(String string) throws IOException {
        writeToTerminal(Utf8Output.encode(string));
        String at = anchor.wrote(string);
        if (at != null) {
            writeToTerminal(("\033[" + at + "H").getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void putCharacter(char c) throws IOException {
        if (!Character.isSurrogate(c)) {
            putString(String.valueOf(c));
        }
    }

    @Override
    public void setCursorPosition(int column, int row) throws IOException {
        super.setCursorPosition(column, row);
        anchor.movedTo(column, row);
    }

    @Override
    public void clearScreen() throws IOException {
        super.clearScreen();
        anchor.lost();
    }

    @Override
    public void eraseToEndOfLine() throws IOException {
        writeToTerminal(ERASE_LINE);
    }
}
