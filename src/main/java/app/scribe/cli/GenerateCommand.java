package app.scribe.cli;

import app.scribe.ScribeException;
import app.scribe.generation.Generator;
import app.scribe.model.Progress;
import app.scribe.generation.SamplingSettings;
import app.scribe.generation.StopRule;
import app.scribe.persistence.ModelFile;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Write text with a trained model: the prompt, then its continuation.")
final class GenerateCommand implements Callable<Integer> {
    static final int MAX_SAMPLES = 1000;

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

        @Option(names = "--beam", description = "beam search of this width for the likeliest text (1-"
                + app.scribe.generation.BeamSearch.MAX_WIDTH + ")")
        Integer beam;
    }

    @Option(names = "--top-k", description = "sample only among the K likeliest characters (1-4096)")
    Integer topK;

    @Mixin
    SamplingOptions sampler = new SamplingOptions();

    @Option(names = "--repetition-penalty", description = "divide the probability of characters among the last "
            + SamplingSettings.DEFAULT_REPETITION_WINDOW + " by R (1-10; default 1, no penalty)")
    Double repetitionPenalty;

    @Option(names = "--samples", description = "write N samples, separated by a blank line, with seeds seed,"
            + " seed+1, ... (default 1)")
    int samples = 1;

    @Option(names = "--stop-at", description = "stop as soon as the continuation ends with this text")
    String stopAt = "";

    @Option(names = "--stop-at-sentence-end", description = "stop after the first '.', '!' or '?'")
    boolean stopAtSentenceEnd;

    @Option(names = "--show-logprob", description = "after each text, print logprob=<natural-log probability of"
            + " the continuation>")
    boolean showLogprob;

    @Mixin
    RecordGenerateOptions records = new RecordGenerateOptions();

    @Override
    public Integer call() {
        if (records.asked()) {
            records.check(strategy.beam != null, prompt);
        }
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new ScribeException("--samples must be between 1 and " + MAX_SAMPLES + " (got " + samples + ").");
        }
        if (length < 1 || length > Generator.MAX_LENGTH) {
            throw new ScribeException("length must be between 1 and " + Generator.MAX_LENGTH + " (got " + length
                    + ").");
        }
        SamplingSettings settings = settings();
        StopRule stop = new StopRule(stopAt, stopAtSentenceEnd);
        app.scribe.generation.BeamSearch beam = strategy.beam == null ? null
                : new app.scribe.generation.BeamSearch(strategy.beam);
        SavedModel saved = new ModelFile().load(modelFile);
        if (records.asked()) {
            return records.write(saved, app.scribe.Printable.escape(String.valueOf(modelFile.getFileName())), settings,
                    sampler.seed, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        Generator generator = new Generator(saved.model(), saved.vocabulary());
        generator.encodePrompt(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Generator.Continuation searched = null;
        if (beam != null) {
            // The search is deterministic, so every sample is this text.
            ProgressReporter progress = ProgressReporter.on(err, "beam search");
            searched = generator.beamSearch(prompt, length, beam.width(), stop, progress, () -> false);
            progress.finish();
        }
        ProgressReporter sampling = ProgressReporter.on(err, "sampling");
        // On a terminal the sampled text shows how far it has come; a bar would be drawn over it.
        Progress samplingProgress = ProgressReporter.onTerminal() ? Progress.NONE : sampling;
        long total = (long) samples * length;
        for (int i = 0; i < samples; i++) {
            if (i > 0) {
                out.println();
            }
            out.print(saved.vocabulary().prepare(prompt));
            Generator.Continuation continuation;
            if (searched != null) {
                continuation = searched;
                out.print(continuation.text());
            } else {
                long[] done = {(long) i * length};
                continuation = generator.generate(prompt, length, settings, sampler.seed + i, stop, ch -> {
                    out.print(ch);
                    samplingProgress.reached(++done[0], total);
                }, () -> false);
            }
            out.println();
            if (showLogprob) {
                out.println(String.format(Locale.ROOT, "logprob=%.6f", continuation.logProbability()));
            }
            out.flush();
        }
        sampling.finish();
        return 0;
    }

    /** The sampling recipe the flags ask for; refuses flags that contradict the strategy. */
    private SamplingSettings settings() {
        List<String> samplingFlags = new ArrayList<>();
        if (topK != null) {
            samplingFlags.add("--top-k");
        }
        if (sampler.topP != null) {
            samplingFlags.add("--top-p");
        }
        if (strategy.beam != null && (!samplingFlags.isEmpty() || repetitionPenalty != null)) {
            if (repetitionPenalty != null) {
                samplingFlags.add("--repetition-penalty");
            }
            throw new ScribeException("--beam searches for the likeliest text; it cannot be combined with "
                    + String.join(", ", samplingFlags) + ".");
        }
        if (strategy.greedy && !samplingFlags.isEmpty()) {
            throw new ScribeException("--greedy always takes the likeliest character; it cannot be combined with "
                    + String.join(", ", samplingFlags) + ".");
        }
        SamplingSettings settings = strategy.greedy ? SamplingSettings.greedy() : SamplingSettings.plain();
        if (strategy.temperature != null) {
            settings = settings.withTemperature(strategy.temperature);
        }
        if (topK != null) {
            settings = settings.withTopK(topK);
        }
        settings = sampler.nucleus(settings);
        if (repetitionPenalty != null) {
            settings = settings.withRepetitionPenalty(repetitionPenalty);
        }
        return settings;
    }
}
