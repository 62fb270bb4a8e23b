package dev.modq.core.score;

import dev.modq.core.AuthorHistory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {

    private static Backtest.Item item(String body, Label label) {
        return new Backtest.Item(new ScoreInput(body, "", null, false, new AuthorHistory(0, 0, 0, 0), 0), label);
    }

    /**
     * 400 items alternating ham ("council budget N") and spam ("casino bonus N"); the first 300 only train, so
     * exactly 100 are scored: 50 ham and 50 spam, and with words this distinct every one lands in its own band.
     */
    @Test
    void aSeparableHistoryGivesExactCounts() {
        List<Backtest.Item> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(i % 2 == 0 ? item("council budget meeting " + i, Label.HAM) : item("casino bonus winner " + i, Label.SPAM));
        }
        BacktestResult r = Backtest.run(items.iterator(), 300);
        assertEquals(300, r.trained());
        assertEquals(0, r.notReady());
        BacktestResult.Figures f = r.at(new Thresholds(15, 85));
        assertEquals(50, f.spam());
        assertEquals(50, f.spamCaught());
        assertEquals(0, f.spamUnsure());
        assertEquals(50, f.ham());
        assertEquals(0, f.hamHeld());
        assertEquals(50, f.hamPassed());
        assertTrue(f.meetsGoal());
    }

    @Test
    void itemsBeforeTheModelIsReadyAreCountedApart() {
        List<Backtest.Item> items = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            items.add(i % 2 == 0 ? item("council budget " + i, Label.HAM) : item("casino bonus " + i, Label.SPAM));
        }
        BacktestResult r = Backtest.run(items.iterator(), 100);
        assertEquals(100, r.trained());
        assertEquals(100, r.notReady(), "items 100..199 came before 200 were learned");
        assertEquals(50, r.at(Thresholds.DEFAULT).scored());
    }

    @Test
    void thresholdsMoveItemsBetweenBands() {
        long[] ham = new long[101];
        long[] spam = new long[101];
        ham[5] = 90;
        ham[50] = 8;
        ham[95] = 2;
        spam[95] = 80;
        spam[50] = 15;
        spam[5] = 5;
        BacktestResult r = new BacktestResult(0, 0, ham, spam);
        BacktestResult.Figures f = r.at(new Thresholds(15, 85));
        assertEquals(80, f.spamCaught());
        assertEquals(15, f.spamUnsure());
        assertEquals(5, f.spamPassed());
        assertEquals(2, f.hamHeld());
        assertEquals(8, f.hamUnsure());
        assertEquals(90, f.hamPassed());
        assertEquals(80.0 / 85, f.caughtRate(), 1e-12);
        assertEquals(2.0 / 92, f.heldRate(), 1e-12);
        assertEquals(23.0 / 200, f.unsureShare(), 1e-12);
        BacktestResult.Figures all = r.at(new Thresholds(0, 100));
        assertEquals(200, all.spamUnsure() + all.hamUnsure(), "everything unsure");
    }
}
