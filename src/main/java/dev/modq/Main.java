package dev.modq;

import dev.modq.cli.Cli;

/** Entry point: the command line decides whether to open the text UI or run a command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
