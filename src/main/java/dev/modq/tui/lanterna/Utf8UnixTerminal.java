package dev.modq.tui.lanterna;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The process's own terminal (stty on /dev/tty), always UTF-8, with correct output of non-ASCII text. */
final class Utf8UnixTerminal extends UnixTerminal {

    Utf8UnixTerminal(InputStream in, OutputStream out, CtrlCBehaviour ctrlC) throws IOException {
        super(in, out, StandardCharsets.UTF_8, ctrlC);
    }

    private final CursorAnchor anchor = new CursorAnchor();

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
}
