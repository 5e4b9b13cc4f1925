import com.tradevault.core.config.ConfigLoader;
import com.tradevault.core.config.DbSettings;
import com.tradevault.core.db.Database;
import com.tradevault.core.db.OpeningDatabases;
import com.tradevault.core.db.SchemaMigrations;
import com.tradevault.core.key.KeyResolver;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command's start goes, in one JVM: reading the configuration, opening the ledger, the
 * first schema check (one query of flyway_schema_history when the ledger is current, Flyway
 * otherwise) and a second one. Usage: java -cp CP StartPhases.java
 * (TRADEVAULT_DATA_DIR and TRADEVAULT_DB_KEY in the env, the ledger set up).
 */
public class StartPhases {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> env = System.getenv();
        OpeningDatabases opening = new OpeningDatabases(DbSettings.from(new ConfigLoader(env,
                ConfigLoader.DATABASE_OVERRIDES).load(Optional.empty())), new KeyResolver(env));
        long t1 = System.nanoTime();
        try (Database db = opening.openExisting()) {
            long t2 = System.nanoTime();
            new SchemaMigrations(db).requireCurrent();
            long t3 = System.nanoTime();
            new SchemaMigrations(db).requireCurrent();
            long t4 = System.nanoTime();
            System.out.printf("configuration %.0f ms, open %.0f ms, first schema check %.0f ms, second %.0f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
        }
    }
}
