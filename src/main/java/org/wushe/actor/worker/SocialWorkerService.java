package org.wushe.actor.worker;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.Gender;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.actor.Qualification;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.actor.registry.FullPersonalData;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.Page;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegistryService;
import org.wushe.actor.registry.RegistrySupport;
import org.wushe.actor.registry.Writer;
import org.wushe.region.Region;
import org.wushe.region.RegionScope;
import org.wushe.site.SiteService;
import org.wushe.site.SiteStatus;

/**
 * The social-worker registry: register and edit within scope (ID number checked and unique, ID number and phone
 * sealed), training records, lists and counts (all / certified) in scope, full personal data with audit.
 */
@Service
public class SocialWorkerService extends RegistryService<SocialWorker, WorkerInput> {

	static final String ENTITY = "social-worker";

	private final SocialWorkers workers;

	private final OrganizationService organizations;

	private final SiteService sites;

	SocialWorkerService(SocialWorkers workers, OrganizationService organizations, RegistrySupport support,
			SiteService sites) {
		super(support, "actor.worker.unknown");
		this.sites = sites;
		this.workers = workers;
		this.organizations = organizations;
	}

	@Transactional
	public SocialWorker register(WorkerInput input, RegionScope scope) {
		SocialWorkers.Values v = check(input, scope, null);
		long id = Writer.insertOnce(() -> workers.insert(v, writer.now(), writer.name()));
		support.audited("social-worker.create", ENTITY, id, v.regionCode());
		return get(scope, id);
	}

	@Transactional
	public SocialWorker update(long id, WorkerInput input, RegionScope scope) {
		get(scope, id);
		SocialWorkers.Values v = check(input, scope, id);
		Writer.updateOnce(() -> workers.update(id, v, writer.now(), writer.name()));
		support.audited("social-worker.update", ENTITY, id, v.regionCode());
		return get(scope, id);
	}

	/** Checks every field; on update ({@code existingId} set) a blank ID number or phone keeps the stored one. */
	SocialWorkers.Values check(WorkerInput input, RegionScope scope, Long existingId) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", input.name(), 50);
		Gender gender = c.choice("gender", input.gender(), Gender.class, true);
		IdNumber idNumber = workers.newIdNumber(c, "idNumber", input.idNumber(), LocalDate.now(writer.clock()),
				existingId);
		PhoneNumber phone = c.phone("phone", input.phone(), false);
		Qualification qualification = c.choice("qualification", input.qualification(), Qualification.class, true);
		String certificate = c.optional("certificateNumber", input.certificateNumber(), 50);
		if (qualification != null && qualification.certified() && certificate == null && c.errors().stream()
			.noneMatch(e -> e.field().equals("certificateNumber"))) {
			c.add("certificateNumber", "actor.worker.certificate-required");
		}
		Long employerId = employer(c, input.employerId(), scope);
		Optional<Region> region = support.regions().check("regionCode", input.regionCode(), scope, null, c.errors());
		WorkerPost post = c.choice("post", input.post(), WorkerPost.class, false);
		WorkerStatus status = c.choice("status", input.status(), WorkerStatus.class, false);
		List<Long> siteIds = siteIds(c, input.siteIds());
		postable(c, siteIds, scope);
		c.throwIfAny();
		return new SocialWorkers.Values(name, gender, support.seal(idNumber), support.seal(phone), qualification,
				certificate, employerId,
				region.orElseThrow().code().value(), post == null ? WorkerPost.STATION_WORKER : post,
				status == null ? WorkerStatus.ACTIVE : status, siteIds);
	}

	private Long employer(FieldChecks c, String text, RegionScope scope) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(text.strip());
			if (organizations.find(scope, id).isEmpty()) {
				c.add("employerId", "actor.worker.employer-unknown", text.strip());
				return null;
			}
			return id;
		}
		catch (NumberFormatException ex) {
			c.add("employerId", "actor.worker.employer-unknown", text.strip());
			return null;
		}
	}

	/** Every posted site must exist in the user's scope and not be closed (checked with the site module). */
	private void postable(FieldChecks c, List<Long> siteIds, RegionScope scope) {
		for (long id : siteIds) {
			Optional<SiteStatus> status = sites.statusOf(id, scope);
			if (status.isEmpty()) {
				c.add("siteIds", "actor.worker.site-unknown", String.valueOf(id));
			}
			else if (!status.get().isActive()) {
				c.add("siteIds", "actor.worker.site-closed", String.valueOf(id));
			}
		}
	}

	private static List<Long> siteIds(FieldChecks c, List<String> texts) {
		List<Long> ids = new ArrayList<>();
		if (texts == null) {
			return ids;
		}
		for (String t : texts) {
			for (String part : t == null ? new String[0] : t.split("[,，、\\s]+")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					long id = Long.parseLong(part.strip());
					if (id <= 0) {
						throw new NumberFormatException();
					}
					if (!ids.contains(id)) {
						ids.add(id);
					}
				}
				catch (NumberFormatException ex) {
					c.add("siteIds", "actor.worker.site-id-invalid", part.strip());
				}
			}
		}
		return ids;
	}

	public Optional<SocialWorker> find(RegionScope scope, long id) {
		return workers.find(scope, id);
	}

	public Page<SocialWorker> list(ListQuery query) {
		return Page.of(workers.list(query), query);
	}

	/** Active workers per child region: certified and uncertified (the total is all professionals). */
	public RegionBreakdown.Result counts(RegionScope scope) {
		return support.counts(scope, workers::counts);
	}

	public List<Training> trainings(RegionScope scope, long workerId) {
		get(scope, workerId);
		return workers.trainings(workerId);
	}

	@Transactional
	public Training addTraining(RegionScope scope, long workerId, TrainingInput input) {
		SocialWorker w = get(scope, workerId);
		FieldChecks c = new FieldChecks();
		String course = c.required("course", input.course(), 200);
		BigDecimal hours = c.decimal("hours", input.hours(), new BigDecimal("0.5"), new BigDecimal("2000"), 1, true);
		LocalDate takenOn = c.date("takenOn", input.takenOn(), LocalDate.now(writer.clock()), true);
		c.throwIfAny();
		long id = workers.addTraining(workerId, course, hours, takenOn);
		support.audited("social-worker.training", ENTITY, workerId, w.regionCode());
		return new Training(id, course, hours, takenOn);
	}

	public FullPersonalData fullPersonalData(CurrentUser viewer, long id) {
		return FullPersonalData.of(id, reveal(viewer, id));
	}

	/** The full ID number and phone for a viewer with {@code personal-data:view}; audited. */
	@Transactional
	public Map<PersonalData.Kind, String> reveal(CurrentUser viewer, long id) {
		return revealPerson(viewer, ENTITY, workers, id);
	}

}
