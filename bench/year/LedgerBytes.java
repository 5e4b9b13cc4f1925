import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.key.KeyResolver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Where the bytes of a ledger go: pages of each table and index (SQLite's dbstat, compiled into the
 * driver), and the average stored length of each column of trade_decisions and audit_log.
 * Usage: java -cp CP LedgerBytes.java   (TRADEVAULT_DATA_DIR and TRADEVAULT_DB_KEY in the env)
 */
public class LedgerBytes {

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(new ConfigLoader(env,
                ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty())), new KeyResolver(env));
        try (Database db = opening.openExisting(); Connection c = db.connect(); Statement s = c.createStatement()) {
            print(s, "name | pages | bytes | record bytes | unused | cells",
                    "SELECT name, count(*), sum(pgsize), sum(payload), sum(unused), sum(ncell) FROM dbstat"
                            + " GROUP BY name HAVING sum(pgsize) > 100000 ORDER BY sum(pgsize) DESC");
            print(s, "decision | rows | symbol | decided_at | skip_reason | payload (average bytes)",
                    "SELECT decision, count(*), avg(length(symbol)), avg(length(decided_at)),"
                            + " avg(length(coalesce(skip_reason, ''))), avg(length(payload)) FROM trade_decisions"
                            + " GROUP BY decision");
            print(s, "audit rows | event_type | data | created_at (average bytes)",
                    "SELECT count(*), avg(length(event_type)), avg(length(data)), avg(length(created_at)) FROM audit_log");
        }
    }

    static void print(Statement s, String heading, String sql) throws SQLException {
        System.out.println(heading);
        try (ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(i == 1 ? "" : " | ").append(r.getString(i));
                }
                System.out.println(line);
            }
        }
    }
}
