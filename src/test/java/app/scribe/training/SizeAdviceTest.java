package app.scribe.training;

import app.scribe.model.CellOptions;
import app.scribe.model.CellType;
import app.scribe.model.Hyperparameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeAdviceTest {
    private static final SizeAdvice.Speed TEN_MILLION = new SizeAdvice.Speed(1e10, "test speed");

    @Test
    void theLstmParameterCountIsWeightsAndBiasesOfEveryLayerAndTheOutput() {
        Hyperparameters hp = Hyperparameters.defaults(); // 2 x 128 LSTM
        assertEquals(CellType.LSTM, hp.cell());
        long expected = 4L * 128 * (100 + 128 + 1) + 4L * 128 * (128 + 128 + 1) + 128L * 100 + 100;
        assertEquals(expected, SizeAdvice.parameters(hp, 100));
        Hyperparameters gru = new Hyperparameters(64, 1, 30, 64, hp.optimizer(), hp.learningRate(), hp.decayRate(),
                hp.decayEvery(), hp.clipNorm(), 0, 1, 0, CellType.GRU, CellOptions.NONE);
        assertEquals(3L * 64 * (50 + 64 + 1) + 64 + 64L * 50 + 50, SizeAdvice.parameters(gru, 50));
    }

    @Test
    void theEpochTimeIsTheTrainingCharactersAtTheSpeedForThisSize() {
        // 1e10 parameter-characters/s over 1e6 parameters: 10,000 chars/s; 600,000 characters take 60 s.
        String advice = SizeAdvice.advise(1_000_000, 600_000, 1_000_000, TEN_MILLION);
        assertTrue(advice.startsWith("One epoch (600,000 characters) takes about 60 s here at about 10,000 chars/s"
                + " (test speed)."), advice);
        assertTrue(advice.contains("about right"), advice);
        assertTrue(advice.contains("Rule of thumb (char-rnn): parameters of the order of the number of characters"),
                advice);
    }

    @Test
    void aModelFarSmallerThanTheCorpusIsTooSmallAndFarLargerTooLarge() {
        String small = SizeAdvice.advise(100_000_000, 95_000_000, 150_000, TEN_MILLION);
        assertTrue(small.contains("likely too small"), small);
        assertTrue(small.contains("95,000,000 characters) takes about 24 min"), small);
        String large = SizeAdvice.advise(1_000_000, 950_000, 11_000_000, TEN_MILLION);
        assertTrue(large.contains("likely too large"), large);
        assertTrue(large.contains("11.0x the characters"), large);
        assertTrue(SizeAdvice.advise(1_000_000, 950_000, 9_000_000, TEN_MILLION).contains("about right"));
        assertTrue(SizeAdvice.advise(1_000_000, 950_000, 110_000, TEN_MILLION).contains("about right"));
    }

    @Test
    void theSpeedSaysWhereItComesFromAndScalesByParameters() {
        SizeAdvice.Speed measured = SizeAdvice.Speed.measured(20_000, 500_000);
        assertEquals(1e10, measured.parameterCharsPerSecond());
        assertTrue(measured.source().contains("this session's last run, 20,000 chars/s at 500,000 parameters"),
                measured.source());
        String advice = SizeAdvice.advise(1_000_000, 1_000_000, 1_000_000, measured);
        assertTrue(advice.contains("at about 10,000 chars/s (scaled from this session's last run"), advice);
        assertTrue(SizeAdvice.Speed.assumed().source().startsWith("not measured yet"));
    }

    @Test
    void durationsReadInSecondsMinutesOrHours() {
        assertEquals("45 s", SizeAdvice.about(45));
        assertEquals("12 min", SizeAdvice.about(720));
        assertEquals("2.5 h", SizeAdvice.about(9000));
    }
}
