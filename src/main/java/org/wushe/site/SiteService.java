package org.wushe.site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The site module's public API: create and change sites within a scope, read and list them, and the live coverage of
 * any region. Every write is audited and keeps the counts in {@link SiteTally} in the same transaction.
 * Anything outside the caller's scope answers 404, as if it did not exist.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SiteService {

	static final String ENTITY = "site";

	private final Sites sites;

	private final SiteTally tally;

	private final Regions regions;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<StaffWorkers> staffWorkers;

	/**
	 * Creates a site in {@code scope}. A region outside the scope answers 404; invalid fields answer 400 naming each
	 * field; a region that already has a site that is not closed answers 409.
	 */
	@Transactional
	public Site create(SiteInput input, RegionScope scope) {
		SiteRules.Checked c = check(input, scope);
		Site site = toSite(null, c, Instant.now(clock), currentActor(), 0);
		long id = insert(site);
		Map<SiteTally.Key, Integer> deltas = new HashMap<>();
		SiteTally.count(deltas, c.type(), c.region(), c.status(), 1);
		tally.apply(deltas);
		audit.record("site.create", ENTITY, id, c.region());
		events.publishEvent(new SiteSaved(id, c.type(), c.region(), c.status(), null));
		return get(id, scope);
	}

	/**
	 * Changes a site in {@code scope}. Type and region stay as they are; {@code input.version()}, when given, must be
	 * the version that was read (409 otherwise).
	 */
	@Transactional
	public Site update(long id, SiteInput input, RegionScope scope) {
		Site existing = get(id, scope);
		SiteInput fixed = new SiteInput(blank(input.type()) ? existing.type().name() : input.type(),
				blank(input.regionCode()) ? existing.regionCode().value() : input.regionCode(), input.name(),
				input.address(), input.phone(), input.openingHours(), input.serviceContent(), input.serviceItems(),
				input.staff(), input.serviceProcess(), input.status(), input.plannedOn(), input.openedOn(),
				input.suspendedOn(), input.closedOn(), input.latitude(), input.longitude(), input.version());
		List<FieldError> errors = new ArrayList<>();
		SiteRules.Checked c = SiteRules.check(fixed, today(), errors);
		checkStaffWorkers(c, scope, errors);
		if (c.type() != null && c.type() != existing.type()) {
			errors.add(new FieldError("type", "site.error.type-fixed"));
		}
		if (c.region() != null && !c.region().equals(existing.regionCode())) {
			errors.add(new FieldError("regionCode", "site.error.region-fixed"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(SiteRules.LABELS, errors);
		}
		int version = input.version() == null ? existing.version() : input.version();
		if (version != existing.version()) {
			throw BusinessException.conflict("site.error.stale");
		}
		if (c.status().isActive() && !existing.isActive()) {
			requireNoActiveSite(c.type(), c.region());
		}
		Site changed = toSite(id, c, existing.createdAt(), existing.createdBy(), existing.version());
		boolean updated;
		try {
			updated = sites.update(changed, version);
		}
		catch (DuplicateKeyException ex) {
			throw activeExists(c.type(), c.region());
		}
		if (!updated) {
			throw BusinessException.conflict("site.error.stale");
		}
		if (existing.status() != c.status()) {
			Map<SiteTally.Key, Integer> deltas = new HashMap<>();
			SiteTally.count(deltas, c.type(), c.region(), existing.status(), -1);
			SiteTally.count(deltas, c.type(), c.region(), c.status(), 1);
			tally.apply(deltas);
		}
		audit.record("site.update", ENTITY, id, c.region());
		events.publishEvent(new SiteSaved(id, c.type(), c.region(), c.status(), existing.status()));
		return get(id, scope);
	}

	/** Each staff member's linked worker must exist within the caller's scope. */
	private void checkStaffWorkers(SiteRules.Checked c, RegionScope scope, List<FieldError> errors) {
		StaffWorkers known = staffWorkers.getIfAvailable();
		for (int i = 0; c.staff() != null && i < c.staff().size(); i++) {
			Long worker = c.staff().get(i).workerId();
			if (worker != null && worker > 0 && (known == null || !known.isKnown(worker, scope))) {
				errors.add(new FieldError("staff", "site.error.staff-worker-unknown", i + 1, String.valueOf(worker)));
			}
		}
	}

	/** The site with {@code id} in {@code scope}, or 404. */
	public Site get(long id, RegionScope scope) {
		return find(id, scope).orElseThrow(() -> BusinessException.notFound("site.error.unknown", id));
	}

	public Optional<Site> find(long id, RegionScope scope) {
		return sites.find(id, scope.from(), scope.to());
	}

	/**
	 * The status of the site with {@code id} if it lies in {@code scope}; empty if there is no such site or it is
	 * outside. Other modules check references to sites with it (e.g. a social worker's posted sites must be active:
	 * {@link SiteStatus#isActive()}).
	 */
	public Optional<SiteStatus> statusOf(long id, RegionScope scope) {
		return sites.status(id, scope.from(), scope.to());
	}

	/**
	 * The site as the public may see it (no login): one that operates or has paused, not one still planned or
	 * closed, found by its opaque public id (a sequential id finds nothing). Staff phones are for the caller to
	 * hide unless public.
	 */
	public Optional<Site> findPublic(String publicId) {
		if (!PublicIds.isWellFormed(publicId)) {
			return Optional.empty();
		}
		return sites.findByPublicId(publicId).filter(s -> s.status().isPublic());
	}

	/**
	 * Reads the full staff phones of a site for editing, and records that personal data was read.
	 */
	@Transactional
	public Site getForEditing(long id, RegionScope scope) {
		Site site = get(id, scope);
		if (site.hasPrivatePhones()) {
			audit.record("site.personal-data.view", ENTITY, id, site.regionCode());
		}
		return site;
	}

	/** One page of sites in {@code scope} matching {@code query}: {@code limit} rows from {@code offset}. */
	public List<SiteRow> list(RegionScope scope, SiteQuery query, int offset, int limit) {
		RegionScope s = narrow(scope, query.within());
		return sites.list(s.from(), s.to(), query, Math.max(0, offset), Math.max(1, limit));
	}

	/** All sites in {@code scope} matching {@code query}, streamed (for exports); close the stream. */
	public Stream<SiteRow> stream(RegionScope scope, SiteQuery query) {
		RegionScope s = narrow(scope, query.within());
		return sites.stream(s.from(), s.to(), query);
	}

	/** The coverage of the subtree of {@code code}, which must lie in {@code scope} (404 otherwise). */
	public Coverage coverage(RegionCode code, RegionScope scope) {
		Region region = visibleRegion(code, scope);
		return coverage(region, tally.counts(region.code()));
	}

	/** The coverage of each child region of {@code code}, in code order. */
	public List<Coverage> childCoverage(RegionCode code, RegionScope scope) {
		Region region = visibleRegion(code, scope);
		List<Region> children = regions.children(region.code());
		Map<String, SiteTally.Counts> counts = tally.counts(children.stream().map(r -> r.code().value()).toList());
		return children.stream()
			.map(r -> coverage(r, counts.getOrDefault(r.code().value(), SiteTally.Counts.empty())))
			.toList();
	}

	private Region visibleRegion(RegionCode code, RegionScope scope) {
		if (!scope.covers(code)) {
			throw BusinessException.notFound("region.error.unknown", code.value());
		}
		return regions.get(code);
	}

	static Coverage coverage(Region region, SiteTally.Counts counts) {
		long centres = counts.of(SiteType.CENTRE, SiteStatus.OPERATING);
		long stations = counts.of(SiteType.STATION, SiteStatus.OPERATING);
		long rooms = counts.of(SiteType.ROOM, SiteStatus.OPERATING);
		int counties = denominator(region, RegionLevel.COUNTY);
		int townships = denominator(region, RegionLevel.TOWNSHIP);
		int villages = denominator(region, RegionLevel.VILLAGE);
		return new Coverage(region.code().value(), region.name(), region.level().number(), centres, stations, rooms,
				counties, townships, villages, share(centres, counties), share(stations, townships),
				share(rooms, villages), counts.byType());
	}

	/** Regions of {@code level} in the subtree of {@code region}: itself if of that level, else its descendants. */
	static int denominator(Region region, RegionLevel level) {
		if (region.level() == level) {
			return 1;
		}
		return level.isBelow(region.level()) ? region.descendantsAt(level) : 0;
	}

	private static Double share(long covered, int all) {
		return all == 0 ? null : Math.min(1.0, (double) covered / all);
	}

	/** The narrower of the scope and the subtree of {@code within}; a region outside the scope answers 404. */
	static RegionScope narrow(RegionScope scope, RegionCode within) {
		if (within == null) {
			return scope;
		}
		if (!scope.covers(within)) {
			throw BusinessException.notFound("region.error.unknown", within.value());
		}
		return new RegionScope(within);
	}

	// ---- checks shared with imports

	/** Checks input for a new site in {@code scope}; throws 404, 400 (all field errors) or 409. */
	SiteRules.Checked check(SiteInput input, RegionScope scope) {
		List<FieldError> errors = new ArrayList<>();
		SiteRules.Checked c = SiteRules.check(input, today(), errors);
		checkStaffWorkers(c, scope, errors);
		if (c.region() != null) {
			if (!scope.covers(c.region())) {
				throw BusinessException.notFound("region.error.unknown", c.region().value());
			}
			if (errors.stream().noneMatch(e -> e.field().equals("regionCode")) && !regions.exists(c.region())) {
				errors.add(new FieldError("regionCode", "site.error.region-unknown", c.region().value()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(SiteRules.LABELS, errors);
		}
		if (c.status().isActive()) {
			requireNoActiveSite(c.type(), c.region());
		}
		return c;
	}

	private void requireNoActiveSite(SiteType type, RegionCode region) {
		if (sites.active(region).isPresent()) {
			throw activeExists(type, region);
		}
	}

	private BusinessException activeExists(SiteType type, RegionCode region) {
		Optional<Sites.ActiveSite> other = sites.active(region);
		return BusinessException.conflict("site.error.active-exists", region.value(), type.messageKey(),
				other.map(Sites.ActiveSite::name).orElse(""), other.map(a -> String.valueOf(a.id())).orElse(""));
	}

	/** The other active site on {@code region}, if any (for import checks). */
	Optional<Sites.ActiveSite> activeSite(RegionCode region) {
		return sites.active(region);
	}

	/**
	 * Stores sites that passed {@link #check} (import batches) with their audit records; the caller applies the
	 * returned tally deltas once, at the end.
	 */
	void storeChecked(List<SiteRules.Checked> batch, Map<SiteTally.Key, Integer> deltas) {
		Instant now = Instant.now(clock);
		String actor = currentActor();
		for (SiteRules.Checked c : batch) {
			long id = insert(toSite(null, c, now, actor, 0));
			SiteTally.count(deltas, c.type(), c.region(), c.status(), 1);
			audit.record("site.create", ENTITY, id, c.region());
			events.publishEvent(new SiteSaved(id, c.type(), c.region(), c.status(), null));
		}
	}

	void applyTally(Map<SiteTally.Key, Integer> deltas) {
		tally.apply(deltas);
	}

	private long insert(Site site) {
		try {
			return sites.insert(site);
		}
		catch (DuplicateKeyException ex) {
			throw activeExists(site.type(), site.regionCode());
		}
	}

	private Site toSite(Long id, SiteRules.Checked c, Instant createdAt, String createdBy, int version) {
		Instant now = Instant.now(clock);
		return new Site(id, c.type(), c.region(), null, c.name(), c.address(), c.phone(), c.openingHours(),
				c.serviceContent(), c.serviceItems(), c.staff(), c.serviceProcess(), c.status(), c.plannedOn(),
				c.openedOn(), c.suspendedOn(), c.closedOn(), c.latitude(), c.longitude(), createdAt, createdBy, now,
				currentActor(), version, null);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

}
