// A local Neo4j 5.26 community server (Bolt, optional HTTP) built on the embedded database
// from Maven Central jars; started by scripts/neo4j.sh as `java -cp 'lib/*' Launcher.java <home>`.
// Settings come from the environment so the password never appears on a command line.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

public class Launcher {
  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }

  private static long mebibytes(String name, long fallback) {
    return Long.parseLong(env(name, Long.toString(fallback))) * 1024L * 1024L;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: Launcher <home-dir>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    Files.createDirectories(home);
    String host = env("NEO4J_HOST", "127.0.0.1");
    int boltPort = Integer.parseInt(env("NEO4J_PORT", "7687"));
    int httpPort = Integer.parseInt(env("NEO4J_HTTP_PORT", "0"));
    String password = env("NEO4J_PASSWORD", "policygraph");

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(host, boltPort))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // Modest memory: the server shares 2 cores / 24 GB with the app, the model and tests.
        .setConfig(GraphDatabaseSettings.pagecache_memory, mebibytes("NEO4J_PAGECACHE_MB", 256))
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, mebibytes("NEO4J_TX_MAX_MB", 512))
        // Analysts' Cypher is also bounded client-side; this is the server's last line.
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5));
    if (httpPort > 0) {
      builder.setConfig(HttpConnector.enabled, true)
          .setConfig(HttpConnector.listen_address, new SocketAddress(host, httpPort));
    }
    DatabaseManagementService service = builder.build();
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));

    setInitialPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
    // Touch the default database so the first client does not pay for its start.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("policygraph-neo4j ready bolt://" + host + ":" + boltPort + " home=" + home);
    Thread.currentThread().join();
  }

  /** Like `neo4j-admin dbms set-initial-password`: only while the default user still must change it. */
  private static void setInitialPassword(GraphDatabaseService system, String password) {
    boolean mustChange;
    try (Transaction tx = system.beginTx();
        Result r = tx.execute("SHOW USERS YIELD user, passwordChangeRequired WHERE user = 'neo4j' RETURN passwordChangeRequired")) {
      mustChange = r.hasNext() && Boolean.TRUE.equals(r.next().get("passwordChangeRequired"));
      tx.commit();
    }
    if (mustChange) {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
      System.out.println("policygraph-neo4j initial password set for user neo4j");
    }
  }
}
