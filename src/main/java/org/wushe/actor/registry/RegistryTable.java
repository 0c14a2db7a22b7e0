package org.wushe.actor.registry;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.wushe.personal.PersonalData;
import org.wushe.shared.jdbc.ListTable;
import org.wushe.shared.jdbc.StreamingJdbc;

/**
 * The base of a registry's repository: the clients it reads and writes with (those of {@link ListTable}, and
 * {@code named} for batch inserts), the exact searches of personal data
 * ({@code personalData}) and the figures every insert and update keeps current ({@code tally}). The SQL steps all
 * registries take alike are in {@link org.wushe.region.ScopedRows}; registries of people extend {@link PersonTable}.
 */
public abstract class RegistryTable extends ListTable {

	protected final NamedParameterJdbcTemplate named;

	protected final PersonalData personalData;

	protected final RegistryTally tally;

	protected RegistryTable(JdbcClient jdbc, StreamingJdbc streaming, NamedParameterJdbcTemplate named,
			PersonalData personalData, RegistryTally tally) {
		super(jdbc, streaming);
		this.named = named;
		this.personalData = personalData;
		this.tally = tally;
	}

}
