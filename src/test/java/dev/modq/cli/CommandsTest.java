package dev.modq.cli;

import dev.modq.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {

    @Test
    void everyRegisteredNameIsTheCommandsOwnName() {
        Commands.ALL.forEach((name, make) -> assertEquals(name,
                new CommandLine(make.get()).getCommandSpec().name(), "the table and the @Command name differ"));
    }

    @Test
    void theCommandNameSkipsGlobalOptionsAndTheirValues() {
        assertEquals("count", Commands.commandName(new String[]{"--db", "x.db", "--verbose", "count", "--status", "all"}));
        assertEquals("list", Commands.commandName(new String[]{"--as", "bob", "list"}));
        assertNull(Commands.commandName(new String[]{"--db", "x.db"}));
    }

    @Test
    void aOneShotRunRegistersOnlyItsCommandButHelpListsThemAll() {
        CommandLine lean = new CommandLine(new ModqCommand());
        Commands.addFor(lean, new String[]{"--db", "x.db", "count"});
        assertEquals(java.util.Set.of("count"), lean.getSubcommands().keySet());
        CommandLine help = new CommandLine(new ModqCommand());
        Commands.addFor(help, new String[]{"--help"});
        assertEquals(Commands.ALL.keySet(), help.getSubcommands().keySet());
        CommandLine typo = new CommandLine(new ModqCommand());
        Commands.addFor(typo, new String[]{"lst"});
        assertEquals(Commands.ALL.keySet(), typo.getSubcommands().keySet());
    }

    @Test
    void theFullTreeServesTestsAndCompletion() {
        CliRun completion = CliRun.run("completion");
        assertEquals(0, completion.code());
        assertTrue(completion.out().contains("reject"), "completion knows every command");
    }
}
