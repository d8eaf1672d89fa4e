package com.careerai.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void drawsABarInPlaceAndClearsIt() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true);
        progress.start("Exporting mit", 4);
        progress.advance(1);
        progress.advance(1);
        assertThat(err.toString())
                .contains("\rExporting mit [..............................] 0% 0/4")
                .contains("\rExporting mit [#######.......................] 25% 1/4")
                .endsWith("\rExporting mit [###############...............] 50% 2/4");
        progress.advance(10);
        assertThat(err.toString()).contains("100% 4/4");
        progress.finish();
        assertThat(err.toString()).endsWith("\r");
    }

    @Test
    void redrawsOnlyWhenTheBarChanges() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true);
        progress.start("Usage", 100_000);
        for (int i = 0; i < 100_000; i++) {
            progress.advance(1);
        }
        assertThat(err.toString().split("\r")).hasSizeLessThanOrEqualTo(1002);
    }

    @Test
    void invisibleProgressPrintsNothing() {
        StringWriter err = new StringWriter();
        Progress progress = Progress.forTerminal(new PrintWriter(err), true);
        progress.start("Exporting", 3);
        progress.advance(3);
        progress.finish();
        assertThat(err.toString()).isEmpty();
    }
}
