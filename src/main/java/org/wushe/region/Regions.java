package org.wushe.region;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.shared.BusinessException;
import org.wushe.shared.NameInitials;

/**
 * The region module's public API: look-ups, children, paths and subtree search over the loaded tree.
 * Every method that needs the tree throws {@link RegionTreeNotReadyException} while it is still loading.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Regions {

	static final String COLUMNS = "code, name, level, parent_code, child_count, prefectures, counties, townships, villages";

	/** How long a search by pinyin initials waits for the in-memory index after start-up. */
	private static final long INITIALS_WAIT_MILLIS = 10_000;

	private final JdbcClient jdbc;

	private final RegionTreeLoader loader;

	private final RegionNameIndex names;

	public RegionLoadStatus loadStatus() {
		return loader.status();
	}

	public boolean isReady() {
		return loader.status().isReady();
	}

	/** Throws {@link RegionTreeNotReadyException} unless the tree is fully loaded. */
	public void requireReady() {
		RegionLoadStatus status = loader.status();
		if (!status.isReady()) {
			throw new RegionTreeNotReadyException(status.percent());
		}
	}

	/** The region with this code; the country root is there even while the tree loads. */
	public Optional<Region> find(RegionCode code) {
		if (!code.isCountry()) {
			requireReady();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code = :code")
			.param("code", code.value())
			.query(Regions::map)
			.optional();
	}

	/** The region, or a 404 {@link BusinessException} naming the code. */
	public Region get(RegionCode code) {
		return find(code).orElseThrow(() -> BusinessException.notFound("region.error.unknown", code.value()));
	}

	public boolean exists(RegionCode code) {
		return find(code).isPresent();
	}

	/** Direct children ordered by code. */
	public List<Region> children(RegionCode code) {
		requireReady();
		return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE parent_code = :code ORDER BY code")
			.param("code", code.value())
			.query(Regions::map)
			.list();
	}

	/** The chain from the country down to and including {@code code}, in one query. */
	public List<Region> path(RegionCode code) {
		requireReady();
		List<String> codes = code.path().stream().map(RegionCode::value).toList();
		return jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code IN (:codes) ORDER BY level")
			.param("codes", codes)
			.query(Regions::map)
			.list();
	}

	/**
	 * Regions whose name contains {@code query}, inside the subtree of {@code within}, shallow levels first. A query
	 * of Latin letters only is also read as pinyin initials ({@code xc} finds 新城区): those regions follow the ones
	 * whose name holds the letters themselves. Initials are searched in the in-memory index only; the first such
	 * search after start-up waits a few seconds for it.
	 */
	public List<Region> search(String query, RegionCode within, int limit) {
		RegionLoadStatus status = loader.status();
		if (!status.isReady()) {
			throw new RegionTreeNotReadyException(status.percent());
		}
		String q = query == null ? "" : query.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		if (NameInitials.isInitials(q)) {
			return byCodes(initials(q, within, limit, status));
		}
		List<String> codes = names.search(q, within, limit, status.startedAt());
		if (codes != null) {
			return byCodes(codes);
		}
		return searchTable(q, within, limit);
	}

	/** Names holding the letters, then names whose initials hold them, without repeats, at most {@code limit}. */
	private List<String> initials(String q, RegionCode within, int limit, RegionLoadStatus status) {
		Set<String> codes = new LinkedHashSet<>();
		if (names.awaitReady(status.startedAt(), INITIALS_WAIT_MILLIS)) {
			List<String> byName = names.search(q, within, limit, status.startedAt());
			codes.addAll(byName == null ? List.of() : byName);
			List<String> byInitials = names.searchInitials(NameInitials.query(q), within, limit, status.startedAt());
			for (String code : byInitials == null ? List.<String>of() : byInitials) {
				if (codes.size() == limit) {
					break;
				}
				codes.add(code);
			}
		}
		else {
			searchTable(q, within, limit).forEach(r -> codes.add(r.code().value()));
		}
		return List.copyOf(codes);
	}

	/**
	 * Whether name searches answer from the in-memory index (built in the background after the first search on a
	 * loaded tree, and started by this call too); until then they scan the table.
	 */
	public boolean nameIndexReady() {
		RegionLoadStatus status = loader.status();
		return status.isReady() && names.ready(status.startedAt());
	}

	/** The rows of these codes, in the order given. */
	private List<Region> byCodes(List<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		Map<String, Region> found = new HashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM region WHERE code IN (:codes)")
			.param("codes", codes)
			.query(Regions::map)
			.list()
			.forEach(r -> found.put(r.code().value(), r));
		return codes.stream().map(found::get).filter(Objects::nonNull).toList();
	}

	/** The same search as a table scan, while the in-memory index is not ready. */
	List<Region> searchTable(String q, RegionCode within, int limit) {
		String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				SELECT %s FROM region
				WHERE code >= :from AND code < :to AND name LIKE :pattern ESCAPE '\\'
				ORDER BY level, code
				LIMIT :limit
				""".formatted(COLUMNS))
			.param("from", within.subtreeFrom())
			.param("to", within.subtreeTo())
			.param("pattern", pattern)
			.param("limit", limit)
			.query(Regions::map)
			.list();
	}

	/**
	 * Number of regions at {@code level} inside the subtree of {@code within} (including itself), read from the counts
	 * stored with the region at load time: one primary-key look-up whatever the size of the subtree.
	 */
	public long countAt(RegionCode within, RegionLevel level) {
		Region region = get(within);
		if (level == region.level()) {
			return 1;
		}
		return level.isBelow(region.level()) ? region.descendantsAt(level) : 0;
	}

	static Region map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String parent = rs.getString("parent_code");
		return new Region(new RegionCode(rs.getString("code")), rs.getString("name"),
				RegionLevel.ofNumber(rs.getInt("level")), parent == null ? null : new RegionCode(parent),
				rs.getInt("child_count"), rs.getInt("prefectures"), rs.getInt("counties"), rs.getInt("townships"),
				rs.getInt("villages"));
	}

}
