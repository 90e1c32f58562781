package pythreading.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import pythreading.benchrun.BenchEngine;

/**
 * The bench command's progress: each row's figures on standard output as they come, and
 * on a terminal a bar on standard error, rewritten every half second; elsewhere a line
 * per step.
 */
final class BenchProgress implements BenchEngine.Listener, AutoCloseable {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final java.lang.Thread ticker;
    private volatile int steps = 1;
    private volatile int step;
    private volatile double estimatedSeconds = 1;
    private volatile String current = "";

    BenchProgress(PrintWriter out, PrintWriter err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.ticker = new java.lang.Thread(this::tick, "bench-progress");
        ticker.setDaemon(true);
        if (terminal) {
            ticker.start();
        }
    }

    @Override
    public void started(int steps, double seconds) {
        this.steps = Math.max(1, steps);
        this.estimatedSeconds = Math.max(1, seconds);
        synchronized (this) {
            err.printf("about %s for %d steps%n", duration(seconds), steps);
            err.flush();
        }
    }

    @Override
    public void step(String what) {
        step++;
        current = what;
        if (!terminal) {
            synchronized (this) {
                err.printf("[%2d/%d] %s (%s elapsed)%n", step, steps, what, duration(elapsedSeconds()));
                err.flush();
            }
        }
    }

    @Override
    public synchronized void line(String text) {
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
        out.println(text);
        out.flush();
        if (terminal) {
            drawBar();
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
        if (terminal) {
            synchronized (this) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    private void tick() {
        try {
            while (!java.lang.Thread.currentThread().isInterrupted()) {
                synchronized (this) {
                    drawBar();
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void drawBar() {
        double elapsed = elapsedSeconds();
        // Time says more than steps (a JMH run is long, CPython's step longer), but never past the steps done.
        double byTime = Math.min(elapsed / estimatedSeconds, 0.99);
        double bySteps = (double) step / steps;
        double done = Math.max(Math.min(byTime, bySteps), Math.max(0, (step - 1.0) / steps));
        int filled = (int) Math.round(done * BAR);
        String left = done > 0.02 ? ", about " + duration(Math.max(0, elapsed / done - elapsed)) + " left" : "";
        err.printf("\r[%s%s] %3.0f%% %s  (%s%s)\033[K", "#".repeat(filled), ".".repeat(BAR - filled), done * 100,
                current, duration(elapsed), left);
        err.flush();
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }
}
