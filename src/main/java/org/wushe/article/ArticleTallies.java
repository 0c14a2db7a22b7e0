package org.wushe.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.Regions;

/**
 * Article numbers: the counts per unit inside a region (submitted, approved, recommended, published) and what waits
 * for one user.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ArticleTallies {

	private final JdbcClient jdbc;

	private final Regions regions;

	/**
	 * What waits for {@code user} among articles: the unit's own returned articles and drafts (with the permission to
	 * submit), and the articles waiting at the user's region for a review (with the permission to review).
	 */
	public ArticleToDo toDo(CurrentUser user) {
		boolean writes = user.can(Permissions.ARTICLE_SUBMIT);
		boolean reviews = user.can(Permissions.ARTICLE_REVIEW);
		if (!writes && !reviews) {
			return new ArticleToDo(0, 0, 0);
		}
		return jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN region_code = :mine AND status = 'RETURNED' THEN 1 ELSE 0 END), 0),
				       COALESCE(SUM(CASE WHEN region_code = :mine AND status = 'DRAFT' THEN 1 ELSE 0 END), 0),
				       COALESCE(SUM(CASE WHEN review_code = :mine AND status = 'SUBMITTED' THEN 1 ELSE 0 END), 0)
				FROM article
				WHERE region_code >= :from AND region_code < :to
				""")
			.param("mine", user.region().value())
			.param("from", user.scope().from())
			.param("to", user.scope().to())
			.query((rs, n) -> new ArticleToDo(writes ? rs.getLong(1) : 0, writes ? rs.getLong(2) : 0,
					reviews ? rs.getLong(3) : 0))
			.single();
	}

	/**
	 * Counts for the units inside {@code regionCode} (the user's own region when blank), which must lie in the scope,
	 * with a row per direct child region and one for the region's own articles; optionally for one campaign.
	 */
	public ArticleCounts counts(CurrentUser user, String regionCode, Long campaignId) {
		RegionCode root = user.region(regionCode, "region");
		Region region = regions.get(root);
		int childLength = root.childCodeLength();
		record Unit(String unit, long submitted, long approved, long recommended, long published) {

			static final Unit NONE = new Unit(null, 0, 0, 0, 0);

			ArticleCounts counts(RegionCode code, String name, boolean own, List<ArticleCounts> children) {
				return new ArticleCounts(code, name, own, submitted, approved, recommended, published, children);
			}

			Unit plus(Unit o) {
				return new Unit(null, submitted + o.submitted, approved + o.approved, recommended + o.recommended,
						published + o.published);
			}
		}
		Map<String, Unit> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT unit, COUNT(submitted_at) AS submitted, COUNT(approved_at) AS approved,
				       COUNT(recommended_at) AS recommended, COUNT(published_at) AS published
				FROM (
				    SELECT CASE WHEN LENGTH(region_code) >= :len THEN SUBSTRING(region_code FROM 1 FOR :len)
				                ELSE region_code END AS unit,
				           submitted_at, approved_at, recommended_at, published_at
				    FROM article
				    WHERE region_code >= :from AND region_code < :to AND (:campaign = 0 OR campaign_id = :campaign)
				) units
				GROUP BY unit
				""")
			.param("len", childLength)
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.param("campaign", campaignId == null ? 0L : campaignId)
			.query(Unit.class)
			.list()
			.forEach(u -> rows.put(u.unit(), u));
		List<ArticleCounts> children = new ArrayList<>();
		Unit own = rows.get(root.value());
		if (own != null && !root.isCountry()) {
			children.add(own.counts(root, region.name(), true, List.of()));
		}
		if (root.level() != RegionLevel.VILLAGE) {
			for (Region child : regions.children(root)) {
				children.add(rows.getOrDefault(child.code().value(), Unit.NONE)
					.counts(child.code(), child.name(), false, List.of()));
			}
		}
		Unit total = rows.values().stream().reduce(Unit.NONE, Unit::plus);
		return total.counts(root, region.name(), false, children);
	}

}
