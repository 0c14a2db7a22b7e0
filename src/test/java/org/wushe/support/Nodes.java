package org.wushe.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.wushe.WusheApplication;

/**
 * Application nodes of one deployment for tests: whole Wushe applications on random ports, started at the same time
 * against one PostgreSQL schema of their own (empty at first, dropped at the end).
 */
public final class Nodes implements AutoCloseable {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

	private final String schema;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private Nodes(String schema) {
		this.schema = schema;
	}

	/** Starts {@code count} nodes together on a new empty schema; {@code properties} as {@code name=value}. */
	public static Nodes start(int count, String... properties) {
		String schema = System.getProperty("wushe.test.schema") + "_n" + System.nanoTime() % 100_000;
		sql(SERVER, "CREATE SCHEMA " + schema);
		Nodes nodes = new Nodes(schema);
		List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
		CompletableFuture<Void> logged = CompletableFuture.completedFuture(null);
		for (int i = 0; i < count; i++) {
			List<String> args = new ArrayList<>(List.of("--server.port=0", "--wushe.test.schema=" + schema,
					"--spring.flyway.create-schemas=false",
					// sessions in the database, as in production (the test profile keeps them in memory)
					"--spring.autoconfigure.exclude="));
			for (String p : properties) {
				args.add("--" + p);
			}
			// the nodes share this JVM's logging system: each starts once the one before has set up its logging, so
			// that only their start on the database (migrations, first administrator, region tree) runs side by side
			CompletableFuture<Void> previous = logged;
			CompletableFuture<Void> ownLogging = new CompletableFuture<>();
			logged = ownLogging;
			starting.add(previous.thenApplyAsync(ready -> new SpringApplicationBuilder(WusheApplication.class)
				.profiles("test", "postgres", "pgtest")
				.listeners((ApplicationListener<ApplicationPreparedEvent>) event -> ownLogging.complete(null))
				.run(args.toArray(String[]::new))).whenComplete((context, failure) -> ownLogging.complete(null)));
		}
		try {
			for (var s : starting) {
				nodes.contexts.add(s.join());
			}
		}
		catch (RuntimeException ex) {
			for (var s : starting) {
				s.thenAccept(ConfigurableApplicationContext::close);
			}
			nodes.close();
			throw ex;
		}
		return nodes;
	}

	public ConfigurableApplicationContext node(int i) {
		return contexts.get(i);
	}

	public int port(int i) {
		return Integer.parseInt(node(i).getEnvironment().getProperty("local.server.port"));
	}

	public String schema() {
		return schema;
	}

	@Override
	public void close() {
		contexts.forEach(ConfigurableApplicationContext::close);
		sql(SERVER, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	private static void sql(String url, String sql) {
		try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
