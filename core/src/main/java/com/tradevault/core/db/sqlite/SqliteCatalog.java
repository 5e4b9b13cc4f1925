package com.tradevault.core.db.sqlite;

import com.tradevault.core.db.CatalogTable;
import com.tradevault.core.db.LedgerTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A SQLite database's tables from its own catalog: {@code sqlite_schema} for
 * the tables and the text of their definitions, {@code pragma_table_info}
 * for the columns, {@code pragma_foreign_key_list} for the references.
 * SQLite declares timestamps and JSON as {@code TEXT}; what tells them apart
 * is the CHECK on the column (the timestamp {@code GLOB}, {@code json_valid}),
 * which {@code ALTER TABLE … ADD COLUMN} keeps in {@code sqlite_schema} too.
 * SQLite's own tables ({@code sqlite_*}) are not the ledger's and are left out.
 */
final class SqliteCatalog {

    /** The CHECK every timestamp column of the ledger carries: the exact text {@link SqliteDialect} writes. */
    static final String TIMESTAMP_GLOB = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]"
            + ":[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z'";
    private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    private SqliteCatalog() {
    }

    static List<CatalogTable> read(Connection connection) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT name, sql FROM sqlite_schema"
                + " WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")) {
            while (r.next()) {
                definitions.put(r.getString(1), r.getString(2));
            }
        }
        List<CatalogTable> tables = new ArrayList<>();
        for (Map.Entry<String, String> table : definitions.entrySet()) {
            tables.add(table(connection, table.getKey(), table.getValue()));
        }
        return tables;
    }

    private static CatalogTable table(Connection c, String name, String createTable) throws SQLException {
        Map<String, String> definitions = columnDefinitions(createTable);
        List<CatalogTable.Column> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        String keyType = "";
        try (PreparedStatement s = c.prepareStatement("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)"
                + " ORDER BY cid")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String column = r.getString(1);
                    String type = r.getString(2);
                    String definition = definitions.getOrDefault(column.toLowerCase(Locale.ROOT), "");
                    // a PRIMARY KEY column is NOT NULL in effect, even where SQLite's catalog does not say so
                    boolean nullable = r.getInt(3) == 0 && r.getInt(4) == 0;
                    columns.add(new CatalogTable.Column(column, type, kind(column, type, definition), nullable,
                            definition));
                    if (r.getInt(4) > 0) {
                        keys.add(column);
                        keyType = type;
                    }
                }
            }
        }
        Optional<String> key = keys.size() == 1 ? Optional.of(keys.get(0)) : Optional.empty();
        boolean rowid = key.isPresent() && "INTEGER".equalsIgnoreCase(keyType);
        return new CatalogTable(name, key, rowid, parents(c, name), List.copyOf(columns),
                checkedTogether(createTable, columns));
    }

    /** The columns named in the table-level CHECK constraints (string literals aside). */
    private static Set<String> checkedTogether(String createTable, List<CatalogTable.Column> columns) {
        Set<String> read = new TreeSet<>();
        for (String item : topLevelItems(createTable)) {
            String words = item.replaceAll("'[^']*'", "''");
            if (words.matches("(?is)(CONSTRAINT\\s+\\S+\\s+)?CHECK\\b.*")) {
                columns.stream().map(CatalogTable.Column::name).filter(n -> Pattern.compile("\\b" + Pattern.quote(n)
                        + "\\b", Pattern.CASE_INSENSITIVE).matcher(words).find()).forEach(read::add);
            }
        }
        return Set.copyOf(read);
    }

    private static Set<String> parents(Connection c, String table) throws SQLException {
        Set<String> parents = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT \"table\" FROM pragma_foreign_key_list(?)")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    parents.add(r.getString(1));
                }
            }
        }
        return Set.copyOf(parents);
    }

    /** What a column holds, from its declared type and, for TEXT, the CHECK that says what the text is. */
    static Optional<LedgerTables.Kind> kind(String column, String type, String definition) {
        String declared = type.trim().toUpperCase(Locale.ROOT);
        if (declared.equals("INTEGER") || declared.equals("INT") || declared.equals("BIGINT")) {
            return Optional.of(LedgerTables.Kind.INTEGER);
        }
        if (!declared.equals("TEXT")) {
            return Optional.empty();
        }
        if (Pattern.compile("json_valid\\(\\s*[\"`\\[]?" + Pattern.quote(column) + "[\"`\\]]?\\s*\\)",
                Pattern.CASE_INSENSITIVE).matcher(definition).find()) {
            return Optional.of(LedgerTables.Kind.JSON);
        }
        if (definition.contains(TIMESTAMP_GLOB)) {
            return Optional.of(LedgerTables.Kind.INSTANT);
        }
        return Optional.of(LedgerTables.Kind.TEXT);
    }

    /**
     * The definition of each column in a {@code CREATE TABLE} statement, by
     * lower-case name: the top-level items between its outer parentheses that
     * are not table constraints. Quoted text is kept, comments are left out.
     */
    static Map<String, String> columnDefinitions(String createTable) {
        Map<String, String> columns = new HashMap<>();
        for (String item : topLevelItems(createTable)) {
            String first = firstName(item);
            if (!first.isEmpty() && !TABLE_CONSTRAINTS.contains(first.toUpperCase(Locale.ROOT))) {
                columns.put(unquoted(first).toLowerCase(Locale.ROOT), item);
            }
        }
        return columns;
    }

    private static List<String> topLevelItems(String sql) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            int skip = skipped(sql, i);
            if (skip > i) {
                if (depth > 0) {
                    item.append(ch == '-' || ch == '/' ? " " : sql.substring(i, skip));
                }
                i = skip - 1;
            } else if (ch == '(' && depth++ == 0) {
                continue;
            } else if (ch == ')' && --depth == 0) {
                items.add(item.toString().strip());
                break;
            } else if (ch == ',' && depth == 1) {
                items.add(item.toString().strip());
                item.setLength(0);
            } else if (depth > 0) {
                item.append(ch);
            }
        }
        return items;
    }

    /** The index after a quoted name, string or comment starting at {@code i}; {@code i} when none starts there. */
    private static int skipped(String sql, int i) {
        char ch = sql.charAt(i);
        if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
            int end = sql.indexOf(ch == '[' ? ']' : ch, i + 1);
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end;
        }
        if (sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i;
    }

    /** The first word of a definition, a quoted name whole. */
    private static String firstName(String item) {
        int end = skipped(item, 0);
        return item.isEmpty() ? "" : end > 0 ? item.substring(0, end) : item.split("\\s+", 2)[0];
    }

    private static String unquoted(String name) {
        boolean quoted = name.length() > 1 && "\"`[".indexOf(name.charAt(0)) >= 0;
        return quoted ? name.substring(1, name.length() - 1) : name;
    }
}
