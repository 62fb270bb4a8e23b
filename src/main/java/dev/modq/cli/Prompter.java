package dev.modq.cli;

import java.io.Console;

/** Asks the person at the terminal a yes/no question. */
@FunctionalInterface
public interface Prompter {

    /** True only for an explicit yes. */
    boolean confirm(String question);

    /**
     * The terminal's prompter, or null when stdin or stdout is not a terminal (System.console() is null then):
     * a script that pipes ids in has decided already, so it is never asked.
     */
    static Prompter onConsole() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return question -> {
            String answer = console.readLine("%s [y/N] ", question);
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        };
    }
}
