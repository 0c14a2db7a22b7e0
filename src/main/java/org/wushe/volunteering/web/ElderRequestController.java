package org.wushe.volunteering.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.care.Person;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.volunteering.AccountKind;
import org.wushe.volunteering.ElderRequests;
import org.wushe.volunteering.ProjectService;
import org.wushe.volunteering.TimeBank;

/**
 * The pages of key elders' service requests: the requests in the user's scope with a form for a new one (for a key
 * elder registered as a person served), and one request with the volunteers suggested for it, the match (volunteer and
 * time-bank project) and the confirmation of the service given, which records and confirms the volunteer's hours and
 * pays them from the elder's account. Refused input is shown in place, naming the field; nothing is stored then.
 * Requests outside the scope answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:view')")
@RequiredArgsConstructor
class ElderRequestController {

	/** The form of a new request as typed. */
	record RequestForm(String personId, String skill, String content, String wantedOn, String minutes) {

		static final RequestForm EMPTY = new RequestForm(null, null, null, null, null);

	}

	/** The match and service forms as typed. */
	record ServiceForm(String volunteerId, String projectId, String start, String end, String reason) {

		static final ServiceForm EMPTY = new ServiceForm(null, null, null, null, null);

	}

	private final ElderRequests requests;

	private final TimeBank bank;

	private final ProjectService projects;

	private final VolunteerDirectory volunteers;

	@GetMapping("/volunteering/requests")
	ModelAndView list(RegionScope scope) {
		return list(scope, RequestForm.EMPTY, List.of());
	}

	@PostMapping("/volunteering/requests")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ModelAndView create(RequestForm form, RegionScope scope) {
		return PageForms.submit(() -> {
			Long minutes = PageForms.number("minutes", form.minutes());
			ElderRequests.Request r = requests.createFor(scope, PageForms.number("personId", form.personId()),
					new ElderRequests.RequestInput(null, form.skill(), form.content(), form.wantedOn(),
							minutes == null ? null : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, minutes))));
			return "/volunteering/requests/" + r.id();
		}, errors -> list(scope, form, errors));
	}

	private ModelAndView list(RegionScope scope, RequestForm form, List<FieldError> errors) {
		List<Person> elders = requests.keyElders(scope);
		ModelAndView mav = PageForms.page("volunteering/requests", errors);
		mav.addObject("requests", requests.list(scope));
		mav.addObject("elders", elders);
		mav.addObject("elderNames", elderNames(scope, elders));
		mav.addObject("form", form);
		return mav;
	}

	@GetMapping("/volunteering/requests/{id}")
	ModelAndView show(@PathVariable long id, RegionScope scope) {
		return show(id, scope, ServiceForm.EMPTY, List.of());
	}

	@PostMapping("/volunteering/requests/{id}/accept")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ModelAndView accept(@PathVariable long id, ServiceForm form, RegionScope scope) {
		return PageForms.submit(() -> {
			requests.accept(scope, id, PageForms.number("volunteerId", form.volunteerId()),
					PageForms.number("projectId", form.projectId()));
			return "/volunteering/requests/" + id;
		}, errors -> show(id, scope, form, errors));
	}

	@PostMapping("/volunteering/requests/{id}/confirm")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ModelAndView confirm(@PathVariable long id, ServiceForm form, RegionScope scope) {
		return PageForms.submit(() -> {
			requests.confirm(scope, id, new ElderRequests.ServiceInput(form.start(), form.end(), form.reason()));
			return "/volunteering/requests/" + id;
		}, errors -> show(id, scope, form, errors));
	}

	private ModelAndView show(long id, RegionScope scope, ServiceForm form, List<FieldError> errors) {
		ElderRequests.Request r = requests.get(scope, id);
		ModelAndView mav = PageForms.page("volunteering/request", errors);
		mav.addObject("r", r);
		TimeBank.Account elder = bank.account(scope, r.elderAccountId());
		mav.addObject("elder", elder);
		mav.addObject("elderName", requests.elderName(scope, elder));
		List<ElderRequests.Suggestion> suggested = r.status() == ElderRequests.Status.OPEN
				? requests.suggestions(scope, id, 20) : List.of();
		mav.addObject("suggestions", suggested);
		// no one nearby with the skill: any active volunteer in scope may still be matched
		mav.addObject("others", r.status() == ElderRequests.Status.OPEN && suggested.isEmpty()
				? volunteers.list(scope, 200) : List.of());
		mav.addObject("projects", projects.projects(scope).stream().filter(ProjectService.Project::timeBank).toList());
		mav.addObject("volunteer", r.volunteerId() == null ? null : volunteers.find(scope, r.volunteerId()).orElse(null));
		mav.addObject("project", r.projectId() == null ? null : projects.findProject(scope, r.projectId()).orElse(null));
		mav.addObject("form", form);
		return mav;
	}

	/** The elders' names by their account, for the elders in scope that have an account. */
	private Map<Long, String> elderNames(RegionScope scope, List<Person> elders) {
		Map<Long, String> byPerson = elders.stream().collect(Collectors.toMap(Person::id, Person::name, (a, b) -> a));
		return bank.accounts(scope, null, null, null, AccountKind.ELDER.name()).stream()
			.filter(a -> a.personId() != null && byPerson.containsKey(a.personId()))
			.collect(Collectors.toMap(TimeBank.Account::id, a -> byPerson.get(a.personId()), (a, b) -> a));
	}

}
