package com.careerai.staff;

import com.careerai.auth.EmailAddresses;
import com.careerai.auth.SignInException;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Email addresses pasted or uploaded as CSV, one row per line: every cell holding an {@code @} is
 * an address (so "name,email" exports work), a first row without one is taken for a header, and
 * a row that is not an address is reported with its number. Nothing is accepted from a list with a
 * bad row: {@link #valid()} is all or nothing.
 */
final class AddressList {
    static final int MAX_ADDRESSES = 2000;
    static final int MAX_CHARACTERS = 200_000;
    private static final Pattern CELLS = Pattern.compile("[,;\\t]");
    private static final Pattern LINES = Pattern.compile("\\r\\n|\\r|\\n");

    /** A row that is not an address: its 1-based line number, the text and what is wrong. */
    record BadRow(int line, String text, String problem) {}

    private final Set<String> addresses = new LinkedHashSet<>();
    private final List<BadRow> bad = new ArrayList<>();
    private @Nullable String problem;

    private AddressList() {}

    static AddressList parse(@Nullable String text) {
        AddressList list = new AddressList();
        String value = text == null ? "" : text;
        if (value.length() > MAX_CHARACTERS) {
            list.problem = "Paste at most " + MAX_ADDRESSES + " addresses at a time.";
            return list;
        }
        String[] lines = LINES.split(value, -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            for (String cell : CELLS.split(line)) {
                String unquoted = cell.strip().replaceAll("^\"|\"$", "").strip();
                if (unquoted.contains("@")) {
                    candidates.add(unquoted);
                }
            }
            if (candidates.isEmpty()) {
                if (!first) {
                    list.bad.add(new BadRow(i + 1, shorten(line), "No email address in this row."));
                }
                first = false;
                continue;
            }
            first = false;
            for (String candidate : candidates) {
                try {
                    list.addresses.add(EmailAddresses.parse(candidate));
                } catch (SignInException e) {
                    list.bad.add(new BadRow(i + 1, shorten(candidate), e.getMessage()));
                }
            }
        }
        if (list.addresses.size() > MAX_ADDRESSES) {
            list.problem = "Invite at most " + MAX_ADDRESSES + " addresses at a time; this list has "
                    + list.addresses.size() + ".";
        } else if (!list.bad.isEmpty()) {
            list.problem = (list.bad.size() == 1 ? "1 row is" : list.bad.size() + " rows are")
                    + " not an email address, so nobody was invited. Correct "
                    + (list.bad.size() == 1 ? "it" : "them") + " and send the list again.";
        } else if (list.addresses.isEmpty()) {
            list.problem = "Paste at least one email address, or choose a CSV file.";
        }
        return list;
    }

    boolean valid() {
        return problem == null;
    }

    /** Why the list cannot be imported (null when it can). */
    @Nullable
    String problem() {
        return problem;
    }

    List<String> addresses() {
        return List.copyOf(addresses);
    }

    List<BadRow> badRows() {
        return List.copyOf(bad);
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
