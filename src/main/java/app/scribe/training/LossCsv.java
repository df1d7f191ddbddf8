package app.scribe.training;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A run's loss curves as CSV: one row per step, training (smoothed) and validation loss in nats per character. */
public final class LossCsv {
    public static final String HEADER = "step,training_loss,validation_loss";

    private LossCsv() {
    }

    /** A step with only one of the two losses leaves the other column empty. */
    public static String of(TrainingHistory history) {
        Map<Long, String[]> rows = new TreeMap<>();
        for (TrainingHistory.Point p : history.trainingLoss()) {
            rows.computeIfAbsent(p.step(), s -> new String[2])[0] = number(p.loss());
        }
        for (TrainingHistory.Point p : history.validationLoss()) {
            rows.computeIfAbsent(p.step(), s -> new String[2])[1] = number(p.loss());
        }
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        rows.forEach((step, losses) -> csv.append(step).append(',').append(losses[0] == null ? "" : losses[0])
                .append(',').append(losses[1] == null ? "" : losses[1]).append('\n'));
        return csv.toString();
    }

    private static String number(double loss) {
        return String.format(Locale.ROOT, "%.6f", loss);
    }
}
