package com.careerai.admin;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What a command prints on stdout: aligned tables and lines for people, or one JSON document. */
final class Output {
    private final PrintWriter out;
    private final boolean json;
    private final Supplier<JsonMapper> mapper;

    Output(PrintWriter out, boolean json, Supplier<JsonMapper> mapper) {
        this.out = out;
        this.json = json;
        this.mapper = mapper;
    }

    /** Whether the operator asked for {@code --json}. */
    boolean isJson() {
        return json;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Prints {@code value} (maps, lists, strings, numbers) as one JSON document. */
    void json(Object value) {
        try {
            out.println(mapper.get().writeValueAsString(value));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Columns padded to their widest cell; numbers right-aligned. */
    void table(List<String> headers, List<List<Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        for (List<Object> row : rows) {
            cells.add(row.stream().map(Output::cell).toList());
        }
        int[] widths = new int[headers.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean number = r > 0 && rows.get(r - 1).get(i) instanceof Number;
                String cell = row.get(i);
                String padding = " ".repeat(widths[i] - cell.length());
                text.append(number ? padding + cell : cell + (i == row.size() - 1 ? "" : padding));
                if (i < row.size() - 1) {
                    text.append("  ");
                }
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }

    /** One table row; {@code null} cells print as n/a. */
    static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    private static String cell(Object value) {
        return value == null ? "n/a" : value.toString();
    }
}
