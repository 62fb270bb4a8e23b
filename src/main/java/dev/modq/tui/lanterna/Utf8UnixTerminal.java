package dev.modq.tui.lanterna;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's own terminal (stty on /dev/tty), always UTF-8, with correct output of non-ASCII text.
 * Ctrl-Z reaches the queue as a key ({@code stty susp undef}) so it can give the terminal back before stopping.
 */
final class Utf8UnixTerminal extends UnixTerminal implements LeanScreen.LineEraser {

    private static final byte[] ERASE_LINE = {0x1b, '[', 'K'};

    private final CtrlCBehaviour ctrlC;

    Utf8UnixTerminal(InputStream in, OutputStream out, CtrlCBehaviour ctrlC) throws IOException {
        super(in, out, StandardCharsets.UTF_8, ctrlC);
        this.ctrlC = ctrlC;
        runSTTYCommand("susp", "undef");
    }

    /** Back to the settings the shell had (cooked mode, echo, Ctrl-C and Ctrl-Z as signals). */
    void giveBack() throws IOException {
        restoreTerminalSettings();
    }

    /** Raw mode again, as when the terminal was opened (the shell set its own modes while we were stopped). */
    void takeAgain() throws IOException {
        canonicalMode(false);
        keyEchoEnabled(false);
        if (ctrlC == CtrlCBehaviour.TRAP) {
            keyStrokeSignalsEnabled(false);
        }
        runSTTYCommand("susp", "undef");
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

    @Override
    public void eraseToEndOfLine() throws IOException {
        writeToTerminal(ERASE_LINE);
    }
}
