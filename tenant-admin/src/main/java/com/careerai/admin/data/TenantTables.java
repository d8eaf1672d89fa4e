package com.careerai.admin.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables that hold a university's data, read from the PostgreSQL catalogue rather than
 * listed here: every table of the current schema with a {@code university_id} column (the
 * tenancy rule of docs/adr/0001). A table added by a later migration is therefore exported and
 * offboarded without any change to tenant-admin.
 */
public final class TenantTables {
    /** The table that records what operators did; its group is deleted last at offboarding. */
    public static final String AUDIT_LOG = "audit_log";

    /**
     * @param name the table's name (from the catalogue, quoted whenever used in SQL)
     * @param primaryKey its primary key columns in key order, for a stable export order
     */
    public record Table(String name, List<String> primaryKey) {
        /** The name as a quoted SQL identifier. */
        public String sql() {
            return identifier(name);
        }

        String orderBy() {
            return primaryKey.isEmpty()
                    ? ""
                    : " ORDER BY "
                            + String.join(
                                    ", ",
                                    primaryKey.stream()
                                            .map(TenantTables::identifier)
                                            .toList());
        }
    }

    /**
     * @param tables every tenant table, by name
     * @param deleteGroups tenant tables joined by foreign keys among themselves, each group in an
     *     order that deletes referencing tables before the tables they reference; the group holding
     *     {@link #AUDIT_LOG} comes last
     */
    public record Layout(List<Table> tables, List<List<Table>> deleteGroups) {}

    private TenantTables() {}

    /** Reads the layout on {@code connection} (inside the caller's transaction, if any). */
    public static Layout read(Connection connection) throws SQLException {
        Map<String, List<String>> keys = new TreeMap<>();
        for (List<String> row : query(
                connection,
                "SELECT c.relname FROM pg_class c "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "JOIN pg_attribute a ON a.attrelid = c.oid "
                        + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                        + "AND a.attname = 'university_id' AND NOT a.attisdropped")) {
            keys.put(row.get(0), new ArrayList<>());
        }
        for (List<String> row : query(
                connection,
                "SELECT c.relname, a.attname FROM pg_index i "
                        + "JOIN pg_class c ON c.oid = i.indrelid "
                        + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                        + "WHERE i.indisprimary AND n.nspname = current_schema() "
                        + "ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)")) {
            if (keys.containsKey(row.get(0))) {
                keys.get(row.get(0)).add(row.get(1));
            }
        }
        Map<String, Set<String>> referencedBy = new HashMap<>();
        keys.keySet().forEach(table -> referencedBy.put(table, new TreeSet<>()));
        for (List<String> row : query(
                connection,
                "SELECT child.relname, parent.relname FROM pg_constraint k "
                        + "JOIN pg_class child ON child.oid = k.conrelid "
                        + "JOIN pg_class parent ON parent.oid = k.confrelid "
                        + "JOIN pg_namespace n ON n.oid = child.relnamespace "
                        + "WHERE k.contype = 'f' AND n.nspname = current_schema()")) {
            String child = row.get(0);
            String parent = row.get(1);
            if (!child.equals(parent) && keys.containsKey(child) && keys.containsKey(parent)) {
                referencedBy.get(parent).add(child);
            }
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        keys.forEach((name, key) -> tables.put(name, new Table(name, List.copyOf(key))));
        return new Layout(List.copyOf(tables.values()), deleteGroups(tables, referencedBy));
    }

    private static List<List<Table>> deleteGroups(Map<String, Table> tables, Map<String, Set<String>> referencedBy) {
        // Connected components of the foreign-key graph among tenant tables.
        Map<String, String> component = new HashMap<>();
        tables.keySet().forEach(table -> component.put(table, table));
        referencedBy.forEach((parent, children) -> children.forEach(child -> union(component, parent, child)));
        Map<String, List<String>> members = new TreeMap<>();
        tables.keySet().forEach(table -> members.computeIfAbsent(find(component, table), root -> new ArrayList<>())
                .add(table));
        List<List<Table>> groups = new ArrayList<>();
        for (List<String> group : members.values()) {
            groups.add(
                    deleteOrder(group, referencedBy).stream().map(tables::get).toList());
        }
        groups.sort(Comparator.comparing((List<Table> group) ->
                        group.stream().anyMatch(table -> table.name().equals(AUDIT_LOG)))
                .thenComparing(group -> group.get(0).name()));
        return List.copyOf(groups);
    }

    /** Referencing tables first; a cycle (none exists today) falls back to name order. */
    private static List<String> deleteOrder(List<String> group, Map<String, Set<String>> referencedBy) {
        List<String> order = new ArrayList<>();
        TreeSet<String> remaining = new TreeSet<>(group);
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(table -> referencedBy.get(table).stream().noneMatch(remaining::contains))
                    .findFirst()
                    .orElse(remaining.first());
            order.add(next);
            remaining.remove(next);
        }
        return order;
    }

    private static String find(Map<String, String> component, String table) {
        String root = table;
        while (!component.get(root).equals(root)) {
            root = component.get(root);
        }
        return root;
    }

    private static void union(Map<String, String> component, String a, String b) {
        String rootA = find(component, a);
        String rootB = find(component, b);
        if (!rootA.equals(rootB)) {
            component.put(rootA.compareTo(rootB) < 0 ? rootB : rootA, rootA.compareTo(rootB) < 0 ? rootA : rootB);
        }
    }

    /** Counts each tenant table's rows of one university. */
    public static Map<String, Long> counts(Connection connection, List<Table> tables, long universityId)
            throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Table table : tables) {
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT count(*) FROM " + table.sql() + " WHERE university_id = ?")) {
                statement.setLong(1, universityId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    counts.put(table.name(), rows.getLong(1));
                }
            }
        }
        return counts;
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static List<List<String>> query(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet result = statement.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
