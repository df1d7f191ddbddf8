package app.scribe.cli;

import app.scribe.corpus.RecordFormat;
import app.scribe.ScribeException;
import app.scribe.analysis.VerbatimIndex;
import app.scribe.generation.CopyLimit;
import app.scribe.generation.Generator;
import app.scribe.generation.Samples;
import app.scribe.model.Progress;
import app.scribe.generation.SamplingSettings;
import app.scribe.generation.StopRule;
import app.scribe.persistence.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "generate", description = "Write text with a trained model: the prompt, then its continuation.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelFileOption model = new ModelFileOption();

    @Option(names = "--prompt", description = "text to continue (default: start a new paragraph)")
    String prompt = "";

    @Option(names = "--length", description = "characters to generate (default 500)")
    int length = 500;

    @Option(names = "--top-k", description = "sample only among the K likeliest characters (1-4096)")
    Integer topK;

    @Mixin
    SamplingOptions sampler = new SamplingOptions();

    @Option(names = "--repetition-penalty", description = "divide the probability of characters among the last "
            + SamplingSettings.DEFAULT_REPETITION_WINDOW + " by R (1-10; default 1, no penalty)")
    Double repetitionPenalty;

    @Option(names = "--samples", description = "write N samples, separated by a blank line, with seeds seed,"
            + " seed+1, ... (1-" + Samples.MAX_COUNT + ", default 1)")
    int samples = 1;

    @Option(names = "--rank", description = "with --samples: print the samples best first, each under a line of its"
            + " scores (bits/char under the model, longest span found in the books of --corpus); the rank is by the"
            + " sum of the two places")
    boolean rank;

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
            records.check(strategy().beam != null, prompt, sampler.books);
        }
        if (samples < 1 || samples > Samples.MAX_COUNT) {
            throw new ScribeException("--samples must be between 1 and " + Samples.MAX_COUNT + " (got " + samples
                    + ").");
        }
        if (rank && !spec.commandLine().getParseResult().hasMatchedOption("--samples")) {
            throw new ScribeException("--rank orders several samples: say how many with --samples (such as"
                    + " --samples 20).");
        }
        if (rank && strategy().beam != null) {
            throw new ScribeException("--beam writes one text, the likeliest; there is nothing to --rank.");
        }
        sampler.checkCopyLimit();
        if (sampler.maxCopy != null && strategy().beam != null) {
            throw new ScribeException("--beam searches for the likeliest text; it cannot be combined with"
                    + " --max-copy, which draws characters again.");
        }
        if (length < 1 || length > Generator.MAX_LENGTH) {
            throw new ScribeException("Length must be between 1 and " + Generator.MAX_LENGTH + " (got " + length
                    + ").");
        }
        SamplingSettings settings = settings();
        StopRule stop = new StopRule(stopAt, stopAtSentenceEnd);
        app.scribe.generation.BeamSearch beam = strategy().beam == null ? null
                : new app.scribe.generation.BeamSearch(strategy().beam);
        SavedModel saved = model.load();
        if (records.asked()) {
            return records.write(saved, app.scribe.Printable.escape(String.valueOf(model.modelFile.getFileName())),
                    sampler.books, settings, sampler.seed, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        Generator generator = new Generator(saved.model(), saved.vocabulary());
        generator.encodePrompt(prompt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        VerbatimIndex books = sampler.maxCopy != null || rank ? sampler.books(saved.vocabulary()) : null;
        CopyLimit limit = sampler.copyLimit(books);
        if (rank) {
            ranked(generator, saved.vocabulary().prepare(prompt), settings, stop, limit, books, out, err);
            return 0;
        }
        int redrawn = 0;
        int forced = 0;
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
                out.print(RecordFormat.lines(continuation.text()));
            } else {
                long[] done = {(long) i * length};
                continuation = generator.generate(prompt, length, settings, sampler.seed + i, stop, limit, ch -> {
                    out.print(RecordFormat.lines(ch));
                    samplingProgress.reached(++done[0], total);
                }, () -> false);
                redrawn += continuation.redrawn();
                forced += continuation.forced();
            }
            out.println();
            if (showLogprob) {
                out.println(String.format(Locale.ROOT, "logprob=%.6f", continuation.logProbability()));
            }
            out.flush();
        }
        sampling.finish();
        reportCopying(err, redrawn, forced);
        return 0;
    }

    /** {@code --samples N --rank}: the samples best first, each a block under a line of its scores. */
    private void ranked(Generator generator, String prompt, SamplingSettings settings, StopRule stop, CopyLimit limit,
                        VerbatimIndex books, PrintWriter out, PrintWriter err) {
        if (books == null) {
            err.println("note: no --corpus, so the samples are ranked by bits/char alone.");
        }
        ProgressReporter progress = ProgressReporter.on(err, "sampling");
        List<Samples.Sample> written = Samples.write(generator, prompt, length, settings, sampler.seed, samples, stop,
                limit, books == null ? null : books::longestCopy, progress, () -> false);
        progress.finish();
        List<Samples.Sample> ranked = Samples.ranked(written);
        for (int i = 0; i < ranked.size(); i++) {
            Samples.Sample s = ranked.get(i);
            String copy = s.longestCopy() == Samples.NOT_MEASURED ? "" : String.format(Locale.ROOT,
                    " longest_copy=%d %s", s.longestCopy(), s.isNew() ? "new" : "copied");
            out.printf(Locale.ROOT, "%s#%d seed=%d bpc=%.4f%s%n%s%s%n", i > 0 ? "\n" : "", i + 1, s.seed(),
                    s.bitsPerCharacter(), copy, prompt, s.text());
        }
        out.flush();
        reportCopying(err, written.stream().mapToInt(Samples.Sample::redrawn).sum(), 0);
    }

    /** With --max-copy: redrawn=<k> on stderr, and a warning for characters that could only go on copying. */
    private void reportCopying(PrintWriter err, int redrawn, int forced) {
        if (sampler.maxCopy == null) {
            return;
        }
        if (forced > 0) {
            err.printf(Locale.ROOT, "warning: %d characters could only go on copying the book (the model gives"
                    + " every other character probability zero); they were kept.%n", forced);
        }
        err.printf(Locale.ROOT, "redrawn=%d%n", redrawn);
        err.flush();
    }

    private SamplingOptions.Strategy strategy() {
        return sampler.strategy;
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
        if (strategy().beam != null && (!samplingFlags.isEmpty() || repetitionPenalty != null)) {
            if (repetitionPenalty != null) {
                samplingFlags.add("--repetition-penalty");
            }
            throw new ScribeException("--beam searches for the likeliest text; it cannot be combined with "
                    + String.join(", ", samplingFlags) + ".");
        }
        if (strategy().greedy && !samplingFlags.isEmpty()) {
            throw new ScribeException("--greedy always takes the likeliest character; it cannot be combined with "
                    + String.join(", ", samplingFlags) + ".");
        }
        SamplingSettings settings = strategy().greedy ? SamplingSettings.greedy() : SamplingSettings.plain();
        if (strategy().temperature != null) {
            settings = settings.withTemperature(strategy().temperature);
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
