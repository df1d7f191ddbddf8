package app.scribe.cli;

import app.scribe.model.Generator;
import app.scribe.model.Sampler;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Write text with a trained model: the prompt, then its continuation.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "the model file (.scribe)")
    Path modelFile;

    @Option(names = "--prompt", description = "text to continue (default: start a new paragraph)")
    String prompt = "";

    @Option(names = "--length", description = "characters to generate (default 500)")
    int length = 500;

    @ArgGroup(exclusive = true)
    Strategy strategy = new Strategy();

    static final class Strategy {
        @Option(names = "--greedy", description = "always take the most likely character")
        boolean greedy;

        @Option(names = "--temperature", description = "sample at this temperature (default 1.0)")
        Double temperature;
    }

    @Option(names = "--seed", description = "random seed (default 1)")
    long seed = 1;

    @Override
    public Integer call() {
        SavedModel saved = new ModelFile().load(modelFile);
        Sampler sampler = strategy.greedy ? Sampler.greedy()
                : Sampler.temperature(strategy.temperature == null ? 1.0 : strategy.temperature);
        Generator generator = new Generator(saved.model(), saved.vocabulary());
        generator.encodePrompt(prompt);
        PrintWriter out = spec.commandLine().getOut();
        out.print(prompt);
        generator.generate(prompt, length, sampler, seed, out::print, () -> false);
        out.println();
        out.flush();
        return 0;
    }
}
