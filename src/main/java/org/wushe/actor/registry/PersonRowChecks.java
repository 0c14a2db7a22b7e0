package org.wushe.actor.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.wushe.personal.IdNumber;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionScope;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ImportRow;

/**
 * The checks one import into a person registry makes on each row: an ID number appears once in the file, is not
 * registered yet and has a birth date in the past; a region code lies within the scope (each code looked up once).
 * Which ID numbers are registered is asked once per chunk ({@link #prepare}), each number sealed once.
 */
@RequiredArgsConstructor
public final class PersonRowChecks {

	private final RegistrySupport support;

	private final RegionScope scope;

	private final Map<String, Integer> seen = new HashMap<>();

	private final Map<String, Optional<String>> regionProblems = new HashMap<>();

	/** The sealed ID numbers of the current chunk's rows, sealed once for the look-up and for storing. */
	private final Map<ImportRow, SealedValue> sealedIds = new IdentityHashMap<>();

	/** ID-number hashes of the current chunk that are registered already. */
	private Set<String> registered = Set.of();

	/**
	 * Seals the ID numbers (of {@code column}) of a chunk's rows without cell errors, and asks {@code taken} in one
	 * query which of their search hashes are registered already.
	 */
	public void prepare(List<ImportRow> rows, ExcelColumn<IdNumber> column,
			Function<List<String>, Collection<String>> taken) {
		sealedIds.clear();
		List<String> hashes = new ArrayList<>(rows.size());
		for (ImportRow row : rows) {
			IdNumber idNumber = row.hasErrors() ? null : row.get(column);
			if (idNumber != null) {
				SealedValue sealed = support.personalData().seal(idNumber);
				sealedIds.put(row, sealed);
				hashes.add(sealed.searchHash());
			}
		}
		registered = new HashSet<>(taken.apply(hashes));
	}

	/** The row's ID number of {@code column}, sealed; the row rejected if the number is not new. */
	public SealedValue idNumber(ImportRow row, ExcelColumn<IdNumber> column) {
		IdNumber idNumber = row.get(column);
		SealedValue sealed = sealedIds.computeIfAbsent(row, r -> support.personalData().seal(idNumber));
		String hash = sealed.searchHash();
		Integer earlier = seen.putIfAbsent(hash, row.number());
		if (earlier != null) {
			row.reject(column, "actor.excel.duplicate-in-file", earlier);
		}
		else if (registered.contains(hash)) {
			row.reject(column, "actor.id-number.taken");
		}
		else if (idNumber.birthDate().isAfter(LocalDate.now(support.writer().clock()))) {
			row.reject(column, "actor.id-number.birth-date");
		}
		return sealed;
	}

	/** The row's region code of {@code column}, the row rejected if the code is unknown or outside the scope. */
	public String region(ImportRow row, ExcelColumn<String> column) {
		String region = row.get(column);
		regionProblems.computeIfAbsent(region, r -> support.regions().problem(r, scope, null))
			.ifPresent(key -> row.reject(column, key, region));
		return region;
	}

}
