package org.wushe.shared.jdbc;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A {@link JdbcClient} that fetches rows in chunks, for exports of whole lists. Use it inside a (read-only)
 * transaction: PostgreSQL only streams with a cursor when auto-commit is off.
 */
@Component
public class StreamingJdbc {

	static final int FETCH_SIZE = 1_000;

	private final JdbcClient client;

	public StreamingJdbc(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.client = JdbcClient.create(template);
	}

	public JdbcClient client() {
		return client;
	}

}
