// The project's own Neo4j: Community 5.26 embedded with the Bolt connector on 127.0.0.1.
// Started by `gridlink neo4j start` (gridlink/neo4j_local.py), which fetched the jars with
// Maven. Runs until SIGTERM, then shuts the database down cleanly so no store is left dirty.
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path home = Path.of(opts.getOrDefault("--home", ".gridlink/neo4j/data"));
        int port = Integer.parseInt(opts.getOrDefault("--port", "7687"));
        long txTimeoutSeconds = Long.parseLong(opts.getOrDefault("--tx-timeout", "30"));
        long pageCacheMb = Long.parseLong(opts.getOrDefault("--pagecache-mb", "512"));
        Files.createDirectories(home);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                // Keep-alive NOOPs only while a result streams. With ALL (the default) the
                // server also sends the connection.recv_timeout_seconds hint, and the Python
                // driver then runs every socket read under a timer of its own: a task and a
                // timer handle per read, a large share of a one-statement request's driver
                // CPU. On loopback there is no idle middlebox for keep-alives to defeat, and
                // the transaction timeout still ends a stuck query.
                .setConfig(BoltConnector.connection_keep_alive_type, BoltConnector.KeepAliveRequestType.STREAMING)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .build();
        // Block until the default database is up, so "ready" on stdout means Bolt answers.
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "gridlink-neo4j-shutdown"));
        System.out.println("gridlink-neo4j ready bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
