package dev.modq.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code modq completion}: the bash (and zsh, via bashcompinit) completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash, also usable in zsh through bashcompinit.",
        footer = {"%nExamples:", "  source <(modq completion)                       # bash, e.g. in ~/.bashrc",
                "  autoload -U +X bashcompinit && bashcompinit && source <(modq completion)   # zsh",
                ExitCode.HELP_FOOTER})
public final class CompletionCommand extends BaseCommand {

    @Override
    public Integer call() {
        out().print(AutoComplete.bash("modq", spec.root().commandLine()));
        out().flush();
        return ExitCode.OK;
    }
}
