package org.wushe.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * One application node as a process of its own (a separate JVM on the test classpath, the PostgreSQL test profiles, a
 * schema of its own), so that a test can kill it as an operating system would ({@link #kill()}: SIGKILL) and start
 * another on the same database. Its output goes to {@code target/<name>.log}.
 */
public final class NodeProcess implements AutoCloseable {

	public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private final Process process;

	private final int port;

	private final Path log;

	private NodeProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** A new empty schema for nodes started with {@link #start}. */
	public static String newSchema() {
		String schema = System.getProperty("wushe.test.schema") + "_p" + System.nanoTime() % 100_000;
		sql("CREATE SCHEMA " + schema);
		return schema;
	}

	public static void dropSchema(String schema) {
		sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	/** A JDBC connection to {@code schema}. */
	public static Connection connect(String schema) throws SQLException {
		return DriverManager.getConnection(SERVER + "?currentSchema=" + schema, "postgres", "");
	}

	/** Starts a node on {@code schema} and waits until it is ready (at most {@code timeout}). */
	public static NodeProcess start(String name, String schema, Duration timeout) throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path args = Files.createTempFile("wushe-node", ".args");
		// the class path in an argument file: it is longer than a command line may be on some systems
		Files.writeString(args, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n",
				StandardCharsets.UTF_8);
		Path log = Path.of("target", name + ".log");
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
				"@" + args, "org.wushe.WusheApplication", "--spring.profiles.active=test,postgres,pgtest",
				"--server.port=" + port, "--wushe.test.schema=" + schema, "--spring.flyway.create-schemas=false",
				// sessions in the database, as in production
				"--spring.autoconfigure.exclude=", "--logging.level.root=WARN",
				// a write holds its transaction's connection and, for a moment, one of its own (numbers, counters):
				// room for the import, the report submissions and the burst of writes at once
				"--spring.datasource.hikari.maximum-pool-size=20",
				"--logging.level.org.wushe=INFO"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		NodeProcess node = new NodeProcess(process, port, log);
		node.awaitReady(timeout);
		return node;
	}

	private void awaitReady(Duration timeout) throws InterruptedException, IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (!process.isAlive()) {
				throw new IllegalStateException("node exited with " + process.exitValue() + "; see " + log);
			}
			try {
				HttpResponse<String> ready = http.send(
						HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(5))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (ready.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		kill();
		throw new IllegalStateException("node not ready after " + timeout + "; see " + log);
	}

	public String url() {
		return "http://127.0.0.1:" + port;
	}

	/** Kills the node at once (SIGKILL): no shutdown hook, no rollback by the application, no last heartbeat. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private static void sql(String sql) {
		try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
