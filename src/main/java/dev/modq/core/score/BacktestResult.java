package dev.modq.core.score;

/**
 * What a backtest measured: how many decisions only trained the model, how many came before it was ready, and
 * the scores the rest got, per class (index = score 0..100).
 */
public record BacktestResult(long trained, long notReady, long[] hamScores, long[] spamScores) {

    /** The goal from issue 12: at least 95% of spam caught, at most 1% of ham held, at most 20% unsure. */
    public static final double GOAL_CAUGHT = 0.95;
    public static final double GOAL_HELD = 0.01;
    public static final double GOAL_UNSURE = 0.20;

    /** Counts per class and band at these thresholds. */
    public record Figures(Thresholds thresholds, long spam, long spamCaught, long spamUnsure, long spamPassed,
                          long ham, long hamHeld, long hamUnsure, long hamPassed) {

        public long scored() {
            return spam + ham;
        }

        /** Spam caught among spam outside the unsure band. */
        public double caughtRate() {
            return ratio(spamCaught, spamCaught + spamPassed);
        }

        /** Ham wrongly held (scored likely spam) among ham outside the unsure band. */
        public double heldRate() {
            return ratio(hamHeld, hamHeld + hamPassed);
        }

        /** Share of all scored comments left in the unsure band. */
        public double unsureShare() {
            return ratio(spamUnsure + hamUnsure, scored());
        }

        public boolean meetsGoal() {
            return scored() > 0 && caughtRate() >= GOAL_CAUGHT && heldRate() <= GOAL_HELD
                    && unsureShare() <= GOAL_UNSURE;
        }

        private static double ratio(long a, long b) {
            return b == 0 ? 0 : (double) a / b;
        }
    }

    public Figures at(Thresholds t) {
        long[] s = bands(spamScores, t);
        long[] h = bands(hamScores, t);
        return new Figures(t, s[0] + s[1] + s[2], s[2], s[1], s[0], h[0] + h[1] + h[2], h[2], h[1], h[0]);
    }

    /**
     * The thresholds a moderator would pick from this backtest: among those meeting the caught and held goals
     * (else among all), the cheapest when a wrong automatic decision (ham held, spam let through) costs ten
     * unsure comments left for people. Ties go to the narrower unsure band.
     */
    public Figures suggest() {
        Figures best = null;
        for (int lo = 0; lo <= 100; lo++) {
            for (int hi = Math.max(0, lo - 1); hi <= 100; hi++) {
                Figures f = at(new Thresholds(lo, hi));
                if (better(f, best)) {
                    best = f;
                }
            }
        }
        return best;
    }

    /** What a wrong automatic decision costs, counted in unsure comments a person reads instead. */
    static final long WRONG_COST = 10;

    private static boolean better(Figures f, Figures best) {
        if (best == null) {
            return true;
        }
        boolean ok = f.caughtRate() >= GOAL_CAUGHT && f.heldRate() <= GOAL_HELD;
        boolean bestOk = best.caughtRate() >= GOAL_CAUGHT && best.heldRate() <= GOAL_HELD;
        if (ok != bestOk) {
            return ok;
        }
        long cost = cost(f);
        long bestCost = cost(best);
        return cost < bestCost || (cost == bestCost && f.unsureShare() < best.unsureShare());
    }

    private static long cost(Figures f) {
        return WRONG_COST * (f.hamHeld() + f.spamPassed()) + f.spamUnsure() + f.hamUnsure();
    }

    private static long[] bands(long[] scores, Thresholds t) {
        long[] out = new long[3];  // passed (ham band), unsure, held (spam band)
        for (int v = 0; v <= 100; v++) {
            Band b = t.band(v);
            out[b == Band.LIKELY_HAM ? 0 : b == Band.UNSURE ? 1 : 2] += scores[v];
        }
        return out;
    }
}
