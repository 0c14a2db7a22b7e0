package org.wushe.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.Gender;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.personal.SealedValue;
import org.wushe.audit.AuditTrail;
import org.wushe.region.Region;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionLevel;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.crypto.FieldCipher;

/**
 * The people served (一人一档): registration in a township or village, edits, transfers, lists in scope, and the full
 * protected fields for a viewer with {@code personal-data:view}, audited. One ID number is registered once in the
 * whole country.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonService {

	static final String ENTITY = "person";

	/** Purposes of the sealed address and health notes (bound into the ciphertext). */
	static final String ADDRESS = "address";

	static final String HEALTH = "health-notes";

	/** Below this age a child's sensitive fields need a guardian's consent. */
	static final int CONSENT_AGE = 14;

	private final Persons persons;

	private final CareCategories categories;

	private final VisitFrequencies frequencies;

	private final CareTally tally;

	private final Cases cases;

	private final Regions regions;

	private final PersonalData personalData;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	Timestamp now() {
		return Timestamp.from(Instant.now(clock));
	}

	static String who() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
	}

	@Transactional
	public Person register(PersonInput input, RegionScope scope) {
		Persons.Values v = check(input, scope, null);
		long id;
		try {
			id = store(v);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(v.idNumber().searchHash(), scope);
		}
		audit.record("person.create", ENTITY, id, RegionCode.parse(v.regionCode()));
		return get(scope, id);
	}

	/** Stores checked values as a new file due a first visit within 7 days, counted in the same transaction. */
	long store(Persons.Values v) {
		RegionCode region = RegionCode.parse(v.regionCode());
		int interval = frequencies.intervalDays(region, v.categories(), v.riskLevel());
		LocalDate today = today();
		LocalDate due = today.plusDays(VisitFrequencies.FIRST_VISIT_DAYS);
		long id = persons.insert(v, interval, today, due, now(), who());
		persons.history(id, now(), who(), "REGISTER", null, v.regionCode());
		counted(v.regionCode(), v.categories(), due, 1);
		return id;
	}

	@Transactional
	public Person update(long id, PersonInput input, RegionScope scope) {
		Persons.Row before = persons.lock(scope, id).orElseThrow(() -> unknown(id));
		if (input.regionCode() != null && !input.regionCode().isBlank()
				&& !input.regionCode().strip().equals(before.regionCode())) {
			throw InvalidInputException.of("regionCode", "care.person.use-transfer");
		}
		PersonInput same = new PersonInput(before.regionCode(), input.name(), input.gender(), input.birthDate(),
				input.idNumber(), input.phone(), input.address(), input.healthNotes(), input.categories(),
				input.riskLevel(), input.livingSituation(), input.guardianConsent());
		Persons.Values v = check(same, scope, before);
		RegionCode region = RegionCode.parse(before.regionCode());
		int interval = frequencies.intervalDays(region, v.categories(), v.riskLevel());
		LocalDate due = before.lastVisitOn() == null ? before.registeredOn().plusDays(VisitFrequencies.FIRST_VISIT_DAYS)
				: before.lastVisitOn().plusDays(interval);
		List<String> old = persons.categories(List.of(id)).getOrDefault(id, List.of());
		try {
			persons.update(id, v, interval, due, now(), who());
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(v.idNumber().searchHash(), scope);
		}
		counted(before.regionCode(), old, before.nextDue(), -1);
		counted(before.regionCode(), v.categories(), due, 1);
		persons.history(id, now(), who(), "UPDATE", before.regionCode(), before.regionCode());
		audit.record("person.update", ENTITY, id, region);
		return get(scope, id);
	}

	/** Moves a person (and their cases) to another township or village; both regions see the move in the history. */
	@Transactional
	public Person transfer(long id, String regionCode, RegionScope scope) {
		Persons.Row before = persons.lock(scope, id).orElseThrow(() -> unknown(id));
		FieldChecks c = new FieldChecks();
		Region to = region(c, "regionCode", regionCode, null);
		c.throwIfAny();
		if (to.code().value().equals(before.regionCode())) {
			throw InvalidInputException.of("regionCode", "care.person.same-region");
		}
		List<String> cats = persons.categories(List.of(id)).getOrDefault(id, List.of());
		counted(before.regionCode(), cats, before.nextDue(), -1);
		persons.moveRegion(id, to.code().value(), now(), who());
		counted(to.code().value(), cats, before.nextDue(), 1);
		cases.moveWithPerson(id, before.regionCode(), to.code().value());
		persons.history(id, now(), who(), "TRANSFER", before.regionCode(), to.code().value());
		audit.record("person.transfer", ENTITY, id, to.code());
		return toPerson(persons.find(new RegionScope(to.code()), id).orElseThrow(), today());
	}

	private void counted(String regionCode, List<String> cats, LocalDate due, int sign) {
		tally.count(regionCode, CareTally.PERSONS, sign);
		for (String cat : cats) {
			tally.count(regionCode, CareTally.category(cat), sign);
		}
		tally.due(regionCode, due, sign);
	}

	BusinessException duplicate(String hash, RegionScope scope) {
		String where = persons.regionOfIdNumber(hash, null).map(code -> {
			RegionCode r = RegionCode.parse(code);
			if (scope.covers(r)) {
				return regions.path(r).stream().filter(x -> !x.code().isCountry()).map(Region::name)
					.reduce((a, b) -> a + b).orElse(code);
			}
			return regions.find(r.ancestorAt(RegionLevel.PROVINCE)).map(Region::name).orElse("");
		}).orElse("");
		return BusinessException.conflict("care.person.id-number-registered", where);
	}

	Persons.Values check(PersonInput input, RegionScope scope, Persons.Row existing) {
		FieldChecks c = new FieldChecks();
		LocalDate today = today();
		Region region = existing != null ? regions.find(RegionCode.parse(existing.regionCode())).orElse(null)
				: region(c, "regionCode", input.regionCode(), scope);
		String name = c.required("name", input.name(), 50);
		Gender gender = c.choice("gender", input.gender(), Gender.class, true);
		LocalDate birth = c.date("birthDate", input.birthDate(), today, true);
		IdNumber idNumber = c.idNumber("idNumber", input.idNumber(), today, false);
		if (idNumber != null && birth != null && !idNumber.birthDate().equals(birth)) {
			c.add("birthDate", "care.person.birth-date-id");
		}
		Optional<String> duplicateAt = Optional.empty();
		if (idNumber != null) {
			duplicateAt = persons.regionOfIdNumber(personalData.searchHash(idNumber),
					existing == null ? null : existing.id());
		}
		PhoneNumber phone = c.phone("phone", input.phone(), false);
		String address = c.optional("address", input.address(), 200);
		String health = c.optional("healthNotes", input.healthNotes(), 1000);
		List<String> cats = categoriesOf(c, input.categories(),
				region == null ? RegionCode.COUNTRY : region.code());
		RiskLevel risk = c.choice("riskLevel", input.riskLevel(), RiskLevel.class, true);
		String living = c.optional("livingSituation", input.livingSituation(), 200);
		Person.Consent consent = consent(c, input.guardianConsent(), today);
		if (birth != null && Period.between(birth, today).getYears() < CONSENT_AGE && consent == null
				&& (existing == null || existing.consentMethod() == null)) {
			boolean sensitive = idNumber != null || phone != null || address != null || health != null
					|| (existing != null && (existing.idNumberCipher() != null || existing.phoneCipher() != null
							|| existing.addressCipher() != null || existing.healthCipher() != null));
			if (sensitive) {
				c.add("guardianConsent", "care.person.consent-required", CONSENT_AGE);
			}
		}
		c.throwIfAny();
		if (duplicateAt.isPresent()) {
			throw duplicate(personalData.searchHash(idNumber), scope);
		}
		SealedValue sealedId = idNumber == null ? null : personalData.seal(idNumber);
		SealedValue sealedPhone = phone == null ? null : personalData.seal(phone);
		return new Persons.Values(region.code().value(), name, gender.name(), birth, sealedId, sealedPhone,
				address == null ? null : cipher.encrypt(ADDRESS, address), address == null ? null : maskAddress(address),
				health == null ? null : cipher.encrypt(HEALTH, health), risk.name(), living, consent, cats);
	}

	/** The first six characters of an address (the district, roughly), the rest hidden. */
	static String maskAddress(String address) {
		int keep = Math.min(6, Math.max(0, address.length() - 2));
		return address.substring(0, keep) + "****";
	}

	private Region region(FieldChecks c, String field, String text, RegionScope scope) {
		if (text == null || text.isBlank()) {
			c.add(field, "region.input.blank");
			return null;
		}
		if (!RegionCode.isValid(text.strip())) {
			c.add(field, "care.person.region-level", text.strip());
			return null;
		}
		RegionCode code = RegionCode.parse(text.strip());
		if (code.level() != RegionLevel.TOWNSHIP && code.level() != RegionLevel.VILLAGE) {
			c.add(field, "care.person.region-level", code.value());
			return null;
		}
		if (scope != null && !scope.covers(code)) {
			c.add(field, "region.input.out-of-scope", code.value());
			return null;
		}
		Optional<Region> r = regions.find(code);
		if (r.isEmpty()) {
			c.add(field, "region.input.unknown", code.value());
			return null;
		}
		return r.get();
	}

	/** The categories given, each one in use on the person's region (the country's or its province's). */
	private List<String> categoriesOf(FieldChecks c, List<String> texts, RegionCode region) {
		Set<String> known = categories.codes(region);
		List<String> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		if (texts != null) {
			for (String t : texts) {
				if (t == null || t.isBlank()) {
					continue;
				}
				String code = t.strip();
				if (!known.contains(code)) {
					c.add("categories", "care.person.category-unknown", code);
				}
				else if (seen.add(code)) {
					result.add(code);
				}
			}
		}
		if (result.isEmpty() && c.errors().stream().noneMatch(e -> e.field().equals("categories"))) {
			c.add("categories", "care.person.category-required");
		}
		return result;
	}

	private static Person.Consent consent(FieldChecks c, PersonInput.GuardianConsent g, LocalDate today) {
		if (g == null || (isBlank(g.guardianName()) && isBlank(g.relation()) && isBlank(g.date())
				&& isBlank(g.method()))) {
			return null;
		}
		int before = c.errors().size();
		String name = c.required("guardianConsent.guardianName", g.guardianName(), 50);
		String relation = c.required("guardianConsent.relation", g.relation(), 20);
		LocalDate date = c.date("guardianConsent.date", g.date(), today, true);
		ConsentMethod method = c.choice("guardianConsent.method", g.method(), ConsentMethod.class, true);
		if (c.errors().size() > before) {
			return null;
		}
		return new Person.Consent(name, relation, date, method.name());
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	public Person get(RegionScope scope, long id) {
		return persons.find(scope, id).map(r -> toPerson(r, today())).orElseThrow(() -> unknown(id));
	}

	public boolean inScope(RegionScope scope, long id) {
		return persons.find(scope, id).isPresent();
	}

	Persons.Row row(RegionScope scope, long id) {
		return persons.find(scope, id).orElseThrow(() -> unknown(id));
	}

	Persons.Row lock(RegionScope scope, long id) {
		return persons.lock(scope, id).orElseThrow(() -> unknown(id));
	}

	public static BusinessException unknown(long id) {
		return BusinessException.notFound("care.person.unknown", id);
	}

	public List<Person> list(RegionScope scope, String q, String category, int offset, int size) {
		LocalDate today = today();
		List<Persons.Row> rows = persons.list(scope, q, category, Math.max(0, offset), Math.min(Math.max(size, 1), 500));
		Map<Long, List<String>> cats = persons.categories(rows.stream().map(Persons.Row::id).toList());
		return rows.stream().map(r -> toPerson(r, cats.getOrDefault(r.id(), List.of()), today)).toList();
	}

	/** A person of an export with the sealed values an allowed export opens. */
	record Exported(Person person, Persons.Row row) {
	}

	/** Every person of the list's filters (up to {@code max}), for an export. */
	List<Exported> exportRows(RegionScope scope, String q, String category, int max) {
		LocalDate today = today();
		List<Exported> result = new ArrayList<>();
		for (int offset = 0; offset < max; offset += 500) {
			List<Persons.Row> rows = persons.list(scope, q, category, offset, Math.min(500, max - offset));
			Map<Long, List<String>> cats = persons.categories(rows.stream().map(Persons.Row::id).toList());
			rows.forEach(r -> result.add(new Exported(toPerson(r, cats.getOrDefault(r.id(), List.of()), today), r)));
			if (rows.size() < 500) {
				break;
			}
		}
		return result;
	}

	public List<Persons.HistoryLine> history(RegionScope scope, long id) {
		row(scope, id);
		return persons.historyOf(id);
	}

	public List<Persons.HistoryLine> moves(RegionScope scope) {
		return persons.moves(scope, 200);
	}

	private Person toPerson(Persons.Row r, LocalDate today) {
		return toPerson(r, persons.categories(List.of(r.id())).getOrDefault(r.id(), List.of()), today);
	}

	private Person toPerson(Persons.Row r, List<String> cats, LocalDate today) {
		String regionName = regions.find(RegionCode.parse(r.regionCode())).map(Region::name).orElse(r.regionCode());
		Person.Consent consent = r.consentMethod() == null ? null
				: new Person.Consent(r.consentGuardianName(), r.consentRelation(), r.consentDate(), r.consentMethod());
		return new Person(r.id(), r.regionCode(), regionName, r.name(), r.gender(), r.birthDate(),
				Period.between(r.birthDate(), today).getYears(), r.idNumberMasked(), r.phoneMasked(),
				r.addressMasked(), r.healthCipher() != null, cats, r.riskLevel(), r.livingSituation(), consent,
				r.visitIntervalDays(), r.registeredOn(), r.lastVisitOn(), r.nextDue(), r.nextDue().isBefore(today));
	}

	/** The full protected fields of one person: needs {@code personal-data:view}; every read is audited. */
	@Transactional
	public Map<String, String> reveal(CurrentUser viewer, long id) {
		Persons.Row r = row(viewer.scope(), id);
		if (!personalData.mayView(viewer)) {
			throw BusinessException.forbidden("actor.personal-data.forbidden");
		}
		Map<String, String> plain = new LinkedHashMap<>();
		try {
			plain.put("idNumber", open(FieldCipher.ID_NUMBER, r.idNumberCipher()));
			plain.put("phone", open(FieldCipher.PHONE, r.phoneCipher()));
			plain.put("address", open(ADDRESS, r.addressCipher()));
			plain.put("healthNotes", open(HEALTH, r.healthCipher()));
		}
		catch (FieldCipher.TamperedException ex) {
			throw BusinessException.conflict("actor.personal-data.unreadable");
		}
		List<String> fields = plain.entrySet().stream().filter(e -> e.getValue() != null).map(Map.Entry::getKey)
			.toList();
		audit.record(viewer.getUsername(), PersonalData.VIEW_ACTION, ENTITY, id, RegionCode.parse(r.regionCode()),
				remoteAddress(), String.join(",", fields));
		return plain;
	}

	private String open(String purpose, String text) {
		return text == null ? null : cipher.decrypt(purpose, text);
	}

	private static String remoteAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
				? attrs.getRequest().getRemoteAddr() : null;
	}

	/** A person's due date moved after a visit; counted in the same transaction. */
	void visited(Persons.Row person, LocalDate visitDate) {
		LocalDate last = person.lastVisitOn() == null || visitDate.isAfter(person.lastVisitOn()) ? visitDate
				: person.lastVisitOn();
		LocalDate due = last.plusDays(person.visitIntervalDays());
		persons.visited(person.id(), last, due);
		if (!due.equals(person.nextDue())) {
			tally.due(person.regionCode(), person.nextDue(), -1);
			tally.due(person.regionCode(), due, 1);
		}
	}

}
