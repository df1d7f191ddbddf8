package app.scribe.training;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LossCsvTest {
    @Test
    void oneRowPerStepWithEmptyCellsWhereALossIsMissing() {
        TrainingHistory history = new TrainingHistory(20, 1000,
                List.of(new TrainingHistory.Point(5, 3.5), new TrainingHistory.Point(10, 2.25)),
                List.of(new TrainingHistory.Point(10, 2.5), new TrainingHistory.Point(20, 2.0)), List.of());
        assertEquals("""
                step,training_loss,validation_loss
                5,3.500000,
                10,2.250000,2.500000
                20,,2.000000
                """, LossCsv.of(history));
    }
}
