package org.wushe.care.web;

import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.care.Person;
import org.wushe.care.PersonInput;
import org.wushe.care.PersonService;
import org.wushe.care.Persons;
import org.wushe.care.Stations;
import org.wushe.care.Visit;
import org.wushe.care.VisitInput;
import org.wushe.care.Visits;

/** {@code /api/persons} and {@code /api/visits}: the people served and their visits within the caller's scope. */
@RestController
@Tag(name = "care", description = "People served, home visits and cases in the caller's region scope")
@RequiredArgsConstructor
class PersonApi {

	record Transfer(String regionCode) {
	}

	record Due(long personId, java.time.LocalDate dueDate, boolean overdue) {
	}

	private final PersonService persons;

	private final Visits visits;

	private final Stations stations;

	@PostMapping("/api/persons")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Register a person served", description = """
			regionCode (township or village in scope), name, gender (MALE/FEMALE), birthDate, idNumber? (GB 11643, \
			once in the country: 409 names where), phone?, address?, healthNotes?, categories[], riskLevel \
			(LOW/MEDIUM/HIGH), livingSituation?, guardianConsent? {guardianName, relation, date, method: SIGNED | \
			VERBAL_WITNESSED} (needed for a child under 14 with sensitive fields). Answers masked.""")
	Person create(@RequestBody PersonInput input, @AuthenticationPrincipal CurrentUser user) {
		return persons.register(input, user.scope());
	}

	@GetMapping("/api/persons")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "People served in scope", description = "region narrows the scope (404 outside); q searches names; category filters.")
	List<Person> list(@RequestParam(required = false) String region, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int size, @AuthenticationPrincipal CurrentUser user) {
		return persons.list(user.scope().within(region, "region"), q, category, offset, size);
	}

	@PutMapping("/api/persons/{id}")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Edit a person in scope", description = "Blank idNumber, phone, address or healthNotes keep the stored ones; the region changes only by transfer.")
	Person update(@PathVariable long id, @RequestBody PersonInput input, @AuthenticationPrincipal CurrentUser user) {
		return persons.update(id, input, user.scope());
	}

	@PostMapping("/api/persons/{id}/transfer")
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Move a person (and their cases) to another township or village; both sides keep the history")
	Person transfer(@PathVariable long id, @RequestBody Transfer body, @AuthenticationPrincipal CurrentUser user) {
		return persons.transfer(id, body.regionCode(), user.scope());
	}

	@GetMapping("/api/persons/{id}/history")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "A person's file history: registration, edits, transfers")
	List<Persons.HistoryLine> history(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return persons.history(user.scope(), id);
	}

	@GetMapping("/api/persons/transfers")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Transfers into or out of the scope")
	List<Persons.HistoryLine> transfers(@RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user) {
		return persons.moves(user.scope().within(region, "region"));
	}

	@GetMapping("/api/persons/{id}/personal-data")
	@PreAuthorize("hasAuthority('care:view') and hasAuthority('personal-data:view')")
	@Operation(summary = "Full ID number, phone, address and health notes (needs personal-data:view; audited)")
	Map<String, String> personalData(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return persons.reveal(user, id);
	}

	@PostMapping("/api/persons/{id}/visits")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(summary = "Record a visit", description = """
			date (not in the future), way (HOME/PHONE/VIDEO), visitorIds?, findings? (SAFETY, HEALTH, LIVING, \
			MENTAL, NEEDS), followUp (NONE/NEED/URGENT: alerts the station and county), notes?""")
	Visit visit(@PathVariable long id, @RequestBody VisitInput input, @AuthenticationPrincipal CurrentUser user) {
		return visits.record(id, input, user);
	}

	@GetMapping("/api/persons/{id}/visits")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "A person's visits, newest first")
	List<Visit> visits(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return visits.of(user, id);
	}

	@GetMapping("/api/visits/due")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Visits due", description = "Everything overdue plus what falls due within `within` days (default 7).")
	List<Due> due(@RequestParam(required = false) String region, @RequestParam(defaultValue = "7") int within,
			@AuthenticationPrincipal CurrentUser user) {
		if (within < 0 || within > 366) {
			throw org.wushe.shared.InvalidInputException.of("within", "actor.input.range", "0", "366");
		}
		return visits.due(user.scope().within(region, "region"), within, 5000)
			.stream()
			.map(d -> new Due(d.personId(), d.dueDate(), d.overdue()))
			.toList();
	}

	@GetMapping("/api/visits/alerts")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Open urgent follow-ups in scope")
	List<Visit.Alert> alerts(@RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user) {
		return visits.alerts(user.scope().within(region, "region"), 200);
	}

	@GetMapping("/api/care/stations")
	@PreAuthorize("hasAuthority('care:view')")
	@Operation(summary = "Stations below a region, most behind first",
			description = "One row per region directly below `region` (default: the caller's region; 404 outside the "
					+ "scope) with persons registered, visits overdue, open cases and overdue case tasks.")
	Stations.Summary stations(@RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user) {
		return stations.of(user.scope().within(region, "region"));
	}

}
