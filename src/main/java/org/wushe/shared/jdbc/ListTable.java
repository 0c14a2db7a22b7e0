package org.wushe.shared.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of a repository of listed, exported rows: {@code jdbc} reads and writes, {@code streaming} fetches whole
 * lists in chunks for exports (inside a read-only transaction).
 */
public abstract class ListTable {

	protected final JdbcClient jdbc;

	protected final JdbcClient streaming;

	protected ListTable(JdbcClient jdbc, StreamingJdbc streaming) {
		this.jdbc = jdbc;
		this.streaming = streaming.client();
	}

}
