package dev.modq.cli;

/** Bad input from the user: exit code 2, one line saying what and how to fix it. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
