import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the indexes of meter_sample cost H2 when readings of many chargers arrive interleaved
 * (docs/performance.md, "Meter readings in one index"). Writes FRAMES MeterValues of four readings,
 * each from a random one of CHARGERS chargers, 64 frames per commit and a CHECKPOINT every 128 (as
 * the shared transactions and the group commit do at 10,000 chargers), into a fresh H2 file with
 * the table as it was before schema version 14 ("v13": two named indexes and two foreign keys, for
 * which H2 adds an index each) or after it ("v14": the charger's reading index only), and prints
 * the time, the CPU and the file's size.
 *
 * <pre>
 * H2=~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar
 * java -cp $H2 src/bench/IndexCost.java v13 10000 150000
 * java -cp $H2 src/bench/IndexCost.java v14 10000 150000
 * java -cp $H2 src/bench/IndexCost.java v14 10000 150000 store     # the store's commit instead of CHECKPOINT
 * </pre>
 */
public class IndexCost {

    public static void main(String[] args) throws Exception {
        String schema = args[0];
        int chargers = Integer.parseInt(args[1]);
        int frames = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("index-cost-" + schema);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("t"), "sa", "")) {
            Statement s = c.createStatement();
            s.execute("CREATE TABLE charger (id VARCHAR(255) PRIMARY KEY)");
            s.execute("CREATE TABLE charging_session (id BIGINT PRIMARY KEY)");
            boolean v13 = schema.equals("v13");
            s.execute("CREATE TABLE meter_sample (id BIGINT PRIMARY KEY, charger_id VARCHAR(255) NOT NULL"
                    + (v13 ? " REFERENCES charger (id) ON DELETE CASCADE" : "") + ", connector_id INTEGER NOT NULL,"
                    + " session_id BIGINT" + (v13 ? " REFERENCES charging_session (id) ON DELETE CASCADE" : "")
                    + ", sampled_at TIMESTAMP WITH TIME ZONE NOT NULL, measurand VARCHAR(60) NOT NULL,"
                    + " phase VARCHAR(10), location VARCHAR(20), context VARCHAR(30), unit VARCHAR(20),"
                    + " raw_value VARCHAR(100) NOT NULL, numeric_value DOUBLE PRECISION)");
            if (v13) {
                s.execute("CREATE INDEX meter_sample_session ON meter_sample (session_id, sampled_at)");
            }
            s.execute("CREATE INDEX meter_sample_charger ON meter_sample (charger_id, sampled_at)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE TABLE_NAME = 'METER_SAMPLE'")) {
                rs.next();
                System.out.printf("%s: %d B-trees per reading (primary key included)%n", schema, rs.getInt(1));
            }
            c.setAutoCommit(false);
            try (PreparedStatement pc = c.prepareStatement("INSERT INTO charger VALUES (?)");
                    PreparedStatement ps = c.prepareStatement("INSERT INTO charging_session VALUES (?)")) {
                for (int i = 0; i < chargers; i++) {
                    pc.setString(1, "CP-" + i);
                    pc.addBatch();
                    ps.setLong(1, i);
                    ps.addBatch();
                }
                pc.executeBatch();
                ps.executeBatch();
            }
            c.commit();
            String[] measurands = {"Energy.Active.Import.Register", "Power.Active.Import", "Current.Import", "SoC"};
            long cpu0 = processCpu();
            long wall0 = System.nanoTime();
            long id = 0;
            Random random = new Random(1);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO meter_sample VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int f = 1; f <= frames; f++) {
                    int charger = random.nextInt(chargers);
                    Timestamp at = new Timestamp(1_700_000_000_000L + f * 10L);
                    for (String measurand : measurands) {
                        p.setLong(1, ++id);
                        p.setString(2, "CP-" + charger);
                        p.setInt(3, 1);
                        p.setLong(4, charger);
                        p.setTimestamp(5, at);
                        p.setString(6, measurand);
                        p.setString(7, null);
                        p.setString(8, "Outlet");
                        p.setString(9, "Sample.Periodic");
                        p.setString(10, "Wh");
                        p.setString(11, "12345.6");
                        p.setDouble(12, 12345.6);
                        p.addBatch();
                    }
                    if (f % 64 == 0) {
                        p.executeBatch();
                        c.commit();
                        if (f % 128 == 0) {
                            flush(c, s, args.length > 3 ? args[3] : "checkpoint");
                        }
                    }
                }
                p.executeBatch();
                c.commit();
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double cpu = (processCpu() - cpu0) / 1e9;
            System.out.printf("%s: %,d readings of %d chargers in %.1f s, process CPU %.1f s (%.0f µs per frame of 4)%n",
                    schema, id, chargers, wall, cpu, cpu * 1e6 / frames);
        }
        long bytes = Files.size(dir.resolve("t.mv.db"));
        System.out.printf("%s: file %,d bytes (%.0f per reading)%n", schema, bytes, bytes / (4.0 * frames));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * How the changes are made durable: {@code checkpoint} (SQL CHECKPOINT, what PlugHome's group
     * commit runs: H2 compacts up to 4 MiB of sparse chunks first) or {@code store} (the store's
     * commit alone, through H2's own classes).
     */
    private static void flush(Connection c, Statement s, String how) throws Exception {
        if (how.equals("store")) {
            ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession()).getDatabase()
                    .getStore().getMvStore().commit();
        } else {
            s.execute("CHECKPOINT");
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
