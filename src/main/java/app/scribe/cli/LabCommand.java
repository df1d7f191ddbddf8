package app.scribe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scribe lab PAGE}: the seeds' lab experiments, one subcommand per page. */
@Command(name = "lab", synopsisSubcommandLabel = "PAGE", description = "Run one of the seed reports' experiments (the Lab tab's pages).",
        subcommands = {LabPowerCommand.class, LabTimeGateCommand.class, LabPalindromeCommand.class,
                LabGradientsCommand.class, LabOptimizersCommand.class, LabCellsCommand.class})
final class LabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a lab page: palindrome, gradients, timegate, power, optimizers or cells.");
    }
}
