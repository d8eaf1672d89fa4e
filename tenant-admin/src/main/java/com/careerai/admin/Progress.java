package com.careerai.admin;

import java.io.PrintWriter;

/**
 * A one-line text progress bar on stderr for long commands, redrawn in place. Shown only when
 * stderr is a terminal and never with {@code --json}, so scripts and logs see nothing of it.
 */
public final class Progress {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean visible;
    private String label = "";
    private long total;
    private long done;
    private int drawnPermille = -1;

    public Progress(PrintWriter err, boolean visible) {
        this.err = err;
        this.visible = visible;
    }

    /** A bar that never shows (for callers that report nothing). */
    public static Progress none() {
        return new Progress(new PrintWriter(java.io.Writer.nullWriter()), false);
    }

    /** A bar when stderr looks like a terminal (a console is attached) and JSON is off. */
    static Progress forTerminal(PrintWriter err, boolean json) {
        return new Progress(err, !json && System.console() != null);
    }

    /** Starts (or restarts) the bar at 0 of {@code newTotal}. */
    public void start(String newLabel, long newTotal) {
        label = newLabel;
        total = Math.max(newTotal, 0);
        done = 0;
        drawnPermille = -1;
        draw();
    }

    public void advance(long steps) {
        done = Math.min(total, done + steps);
        draw();
    }

    /** Clears the bar so the command's own output starts on a clean line. */
    public void finish() {
        if (visible && drawnPermille >= 0) {
            err.print("\r" + " ".repeat(WIDTH + label.length() + 32) + "\r");
            err.flush();
        }
        drawnPermille = -1;
    }

    private void draw() {
        if (!visible) {
            return;
        }
        int permille = total == 0 ? 1000 : (int) (done * 1000 / total);
        if (permille == drawnPermille) {
            return;
        }
        drawnPermille = permille;
        int filled = permille * WIDTH / 1000;
        err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + (permille / 10) + "% "
                + done + "/" + total);
        err.flush();
    }
}
