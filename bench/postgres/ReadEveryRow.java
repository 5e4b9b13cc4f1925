import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The least any migration written in Java must spend on the source: CPU seconds of one thread to read
 * every row of every ledger table through the SQLite JDBC driver the bundle ships, one getBytes per
 * column (the cheapest call: no type check, no decoding), and of PRAGMA quick_check, which the
 * migration's preflight runs; and for comparison, the same read with one getObject per column (type
 * and value, text decoded into a String), as the migration read rows until session 3, and with one
 * json_array per row (one getBytes a row, not yet parsed), as it reads them now. Run by budget.sh
 * with the launcher's JIT and GC settings.
 * Usage: java -cp sqlite-jdbc.jar ReadEveryRow.java LEDGER [RUNS]
 */
public class ReadEveryRow {

    private static final String[] TABLES = {"positions", "orders", "fills", "trade_decisions", "audit_log",
            "state_snapshots", "kv"};
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws SQLException {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
            List<Double> reads = new ArrayList<>();
            List<Double> objects = new ArrayList<>();
            List<Double> arrays = new ArrayList<>();
            List<Double> checks = new ArrayList<>();
            long rows = 0;
            for (int run = 0; run < runs; run++) {
                long start = CPU.getCurrentThreadCpuTime();
                rows = readEveryRow(c, Read.BYTES);
                reads.add((CPU.getCurrentThreadCpuTime() - start) / 1e9);
                start = CPU.getCurrentThreadCpuTime();
                readEveryRow(c, Read.OBJECTS);
                objects.add((CPU.getCurrentThreadCpuTime() - start) / 1e9);
                start = CPU.getCurrentThreadCpuTime();
                readEveryRow(c, Read.ARRAYS);
                arrays.add((CPU.getCurrentThreadCpuTime() - start) / 1e9);
                start = CPU.getCurrentThreadCpuTime();
                quickCheck(c);
                checks.add((CPU.getCurrentThreadCpuTime() - start) / 1e9);
            }
            System.out.println("read-every-row " + rows + " rows, getBytes: " + summary(reads));
            System.out.println("read-every-row " + rows + " rows, getObject: " + summary(objects));
            System.out.println("read-every-row " + rows + " rows, json_array: " + summary(arrays));
            System.out.println("quick_check: " + summary(checks));
        }
    }

    /** How a row is read: one getBytes per column, one getObject per column, or one json_array per row. */
    private enum Read { BYTES, OBJECTS, ARRAYS }

    private static long readEveryRow(Connection c, Read how) throws SQLException {
        long rows = 0;
        long bytes = 0;
        for (String table : TABLES) {
            String select = how == Read.ARRAYS ? "SELECT json_array(" + String.join(", ", columns(c, table)) + ") FROM "
                    + table : "SELECT * FROM " + table;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(select)) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    rows++;
                    for (int i = 1; i <= columns; i++) {
                        if (how == Read.OBJECTS) {
                            Object value = r.getObject(i);
                            bytes += value == null ? 0 : value.hashCode() & 1;
                        } else {
                            byte[] value = r.getBytes(i);
                            bytes += value == null ? 0 : value.length;
                        }
                    }
                }
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("read nothing");
        }
        return rows;
    }

    private static List<String> columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static void quickCheck(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            r.next();
            if (!"ok".equals(r.getString(1))) {
                throw new IllegalStateException("quick_check: " + r.getString(1));
            }
        }
    }

    /** Median and range of CPU seconds, as budget.sh reads them. */
    private static String summary(List<Double> seconds) {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "median %.2f CPU-s (range %.2f to %.2f)", sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
