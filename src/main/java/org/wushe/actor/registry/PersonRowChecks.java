package org.wushe.actor.registry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.wushe.personal.IdNumber;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ImportRow;

/**
 * The checks one import into a person registry makes on each row: an ID number appears once in the file, is not
 * registered yet and has a birth date in the past; a region code lies within the scope (each code looked up once).
 */
public final class PersonRowChecks {

	private final RegistrySupport support;

	private final RegionScope scope;

	private final Map<String, Integer> seen = new HashMap<>();

	private final Map<String, Optional<String>> regionProblems = new HashMap<>();

	public PersonRowChecks(RegistrySupport support, RegionScope scope) {
		this.support = support;
		this.scope = scope;
	}

	/** Rejects the row's ID number (of {@code column}, with search hash {@code hash}) if it is not new. */
	public void idNumber(ImportRow row, ExcelColumn<IdNumber> column, IdNumber idNumber, String hash,
			Predicate<String> registered) {
		Integer earlier = seen.putIfAbsent(hash, row.number());
		if (earlier != null) {
			row.reject(column, "actor.excel.duplicate-in-file", earlier);
		}
		else if (registered.test(hash)) {
			row.reject(column, "actor.id-number.taken");
		}
		else if (idNumber.birthDate().isAfter(LocalDate.now(support.writer().clock()))) {
			row.reject(column, "actor.id-number.birth-date");
		}
	}

	/** The row's region code of {@code column}, the row rejected if the code is unknown or outside the scope. */
	public String region(ImportRow row, ExcelColumn<String> column) {
		String region = row.get(column);
		regionProblems.computeIfAbsent(region, r -> support.regions().problem(r, scope, null))
			.ifPresent(key -> row.reject(column, key, region));
		return region;
	}

}
