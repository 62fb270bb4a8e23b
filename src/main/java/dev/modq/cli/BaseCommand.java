package dev.modq.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every command shares: the global options, stdout for data, stderr for messages. */
public abstract class BaseCommand implements Callable<Integer> {

    protected CommandSpec spec;

    /** picocli hands every command its model; its --help footer keeps examples whole (see {@link HelpFooter}). */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        HelpFooter.install(spec);
    }

    protected GlobalOptions global() {
        return ((ModqCommand) spec.root().userObject()).global();
    }

    protected ModqCommand root() {
        return (ModqCommand) spec.root().userObject();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Messages for people go to stderr, so stdout stays pure data for scripts. */
    protected void say(String message) {
        err().println(message);
        err().flush();
    }
}
