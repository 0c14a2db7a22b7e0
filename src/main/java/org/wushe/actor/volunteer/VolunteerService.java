package org.wushe.actor.volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.actor.registry.FullPersonalData;
import org.wushe.region.ListQuery;
import org.wushe.actor.registry.Page;
import org.wushe.actor.registry.RegionBreakdown;
import org.wushe.actor.registry.RegistryService;
import org.wushe.actor.registry.RegistrySupport;
import org.wushe.actor.registry.TextList;
import org.wushe.actor.registry.Writer;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;

/**
 * The volunteer registry: registration with a generated volunteer number, edits within scope, lists and counts in
 * scope, full personal data with audit.
 */
@Service
public class VolunteerService extends RegistryService<Volunteer, VolunteerInput> {

	static final String ENTITY = "volunteer";

	private final Volunteers volunteers;

	private final VolunteerNumbers numbers;

	private final TransactionTemplate tx;

	VolunteerService(Volunteers volunteers, VolunteerNumbers numbers, RegistrySupport support,
			PlatformTransactionManager transactions) {
		super(support, "actor.volunteer.unknown");
		this.volunteers = volunteers;
		this.numbers = numbers;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Registers a volunteer: checks, reserves the next volunteer number of the region's prefix (its own short
	 * transaction), then stores and audits in one transaction.
	 */
	public Volunteer register(VolunteerInput input, RegionScope scope) {
		Volunteers.Values v = check(input, scope, null);
		String prefix = VolunteerNumbers.prefix(RegionCode.parse(v.regionCode()));
		String number = VolunteerNumbers.format(prefix, numbers.reserve(prefix, 1));
		Long id = tx.execute(status -> {
			long newId = Writer.insertOnce(() -> volunteers.insert(number, v, writer.now(), writer.name()));
			support.audited("volunteer.create", ENTITY, newId, v.regionCode());
			return newId;
		});
		return get(scope, id);
	}

	@Transactional
	public Volunteer update(long id, VolunteerInput input, RegionScope scope) {
		get(scope, id);
		Volunteers.Values v = check(input, scope, id);
		Writer.updateOnce(() -> volunteers.update(id, v, writer.now(), writer.name()));
		support.audited("volunteer.update", ENTITY, id, v.regionCode());
		return get(scope, id);
	}

	Volunteers.Values check(VolunteerInput input, RegionScope scope, Long existingId) {
		FieldChecks c = new FieldChecks();
		String name = c.required("name", input.name(), 50);
		IdNumber idNumber = volunteers.newIdNumber(c, "idNumber", input.idNumber(), LocalDate.now(writer.clock()),
				existingId);
		PhoneNumber phone = c.phone("phone", input.phone(), false);
		Optional<Region> region = support.regions().check("regionCode", input.regionCode(), scope, null, c.errors());
		List<String> teams = items(c, "teams", input.teams());
		List<String> skills = items(c, "skills", input.skills());
		VolunteerStatus status = c.choice("status", input.status(), VolunteerStatus.class, false);
		c.throwIfAny();
		return new Volunteers.Values(name, support.seal(idNumber), support.seal(phone),
				region.orElseThrow().code().value(), teams, skills, status == null ? VolunteerStatus.ACTIVE : status);
	}

	static List<String> items(FieldChecks c, String field, List<String> texts) {
		List<String> items = TextList.parse(texts);
		if (TextList.join(items).length() > 400 || items.stream().anyMatch(i -> i.length() > 50)) {
			c.add(field, "actor.volunteer.list-too-long");
		}
		return items;
	}

	public Optional<Volunteer> find(RegionScope scope, long id) {
		return volunteers.find(scope, id);
	}

	/** The volunteers among {@code ids} that lie in the scope (one statement per thousand ids); the others are left out. */
	public List<Volunteer> findAll(RegionScope scope, java.util.Collection<Long> ids) {
		return volunteers.findAll(scope, ids);
	}

	public Page<Volunteer> list(ListQuery query) {
		return Page.of(volunteers.list(query), query);
	}

	/** Volunteers (not withdrawn) per child region, by status. */
	public RegionBreakdown.Result counts(RegionScope scope) {
		return support.counts(scope, volunteers::counts);
	}

	public FullPersonalData fullPersonalData(CurrentUser viewer, long id) {
		return FullPersonalData.of(id, reveal(viewer, id));
	}

	@Transactional
	public Map<PersonalData.Kind, String> reveal(CurrentUser viewer, long id) {
		return revealPerson(viewer, ENTITY, volunteers, id);
	}

}
