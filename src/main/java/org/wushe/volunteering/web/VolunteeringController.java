package org.wushe.volunteering.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.access.Permissions;
import org.wushe.region.RegionScope;
import org.wushe.shared.NavItem;
import org.wushe.volunteering.Certificates;
import org.wushe.volunteering.HoursService;
import org.wushe.volunteering.ProjectService;
import org.wushe.volunteering.Recruitment;
import org.wushe.volunteering.TimeBank;

/**
 * The volunteering pages: projects and teams, a project's attendance sheet and its records (confirm or dispute in
 * place, with htmx), a volunteer's hours, the certificate register and the time-bank accounts with their statements.
 * Everything is limited to the user's scope; ids outside it answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:view')")
class VolunteeringController {

	/** The rows of the attendance sheet form. */
	static final int SHEET_ROWS = 5;

	@Configuration
	static class Navigation {

		@Bean
		NavItem volunteeringNavItem() {
			return new NavItem("nav.volunteering.projects", "/volunteering", Permissions.VOLUNTEERING_VIEW, 700);
		}

		@Bean
		NavItem certificatesNavItem() {
			return new NavItem("nav.volunteering.certificates", "/volunteering/certificates",
					Permissions.VOLUNTEERING_VIEW, 720);
		}

		@Bean
		NavItem elderRequestsNavItem() {
			return new NavItem("nav.volunteering.requests", "/volunteering/requests", Permissions.VOLUNTEERING_VIEW,
					735);
		}

		@Bean
		NavItem timeBankNavItem() {
			return new NavItem("nav.volunteering.time-bank", "/volunteering/timebank", Permissions.VOLUNTEERING_VIEW,
					730);
		}

	}

	private final ProjectService projects;

	private final HoursService hours;

	private final Certificates certificates;

	private final TimeBank bank;

	private final Recruitment recruitment;

	VolunteeringController(ProjectService projects, HoursService hours, Certificates certificates, TimeBank bank,
			Recruitment recruitment) {
		this.recruitment = recruitment;
		this.projects = projects;
		this.hours = hours;
		this.certificates = certificates;
		this.bank = bank;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("zone")
	java.time.ZoneId zone() {
		return java.time.ZoneId.of("Asia/Shanghai");
	}

	@GetMapping("/volunteering")
	String index(RegionScope scope, Model model) {
		model.addAttribute("projects", projects.projects(scope));
		model.addAttribute("teams", projects.teams(scope));
		return "volunteering/index";
	}

	@GetMapping("/volunteering/projects/{id}")
	String project(@PathVariable long id, RegionScope scope, Model model) {
		model.addAttribute("project", projects.project(scope, id));
		model.addAttribute("records", hours.ofProject(scope, id));
		model.addAttribute("rows", SHEET_ROWS);
		model.addAttribute("recruiting", recruitment.recruiting(scope, id));
		model.addAttribute("signups", recruitment.signups(scope, id));
		model.addAttribute("problems", List.of());
		return "volunteering/project";
	}

	/** The attendance sheet: the filled rows are recorded all together, or none of them. */
	@PostMapping("/volunteering/projects/{id}/hours")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	ModelAndView record(@PathVariable long id, @RequestParam(name = "volunteerId", required = false) List<String> ids,
			@RequestParam(name = "start", required = false) List<String> starts,
			@RequestParam(name = "end", required = false) List<String> ends,
			@RequestParam(name = "content", required = false) List<String> contents, RegionScope scope) {
		List<HoursService.Entry> entries = new ArrayList<>();
		int n = ids == null ? 0 : ids.size();
		for (int i = 0; i < n; i++) {
			String v = ids.get(i) == null ? "" : ids.get(i).strip();
			if (v.isEmpty()) {
				continue;
			}
			Long volunteer;
			try {
				volunteer = Long.valueOf(v);
			}
			catch (NumberFormatException ex) {
				volunteer = -1L;
			}
			entries.add(new HoursService.Entry(volunteer, at(starts, i), at(ends, i), at(contents, i)));
		}
		HoursService.Outcome o = hours.record(scope, id, entries, false);
		ModelAndView mav = new ModelAndView("volunteering/project :: sheet-result");
		mav.addObject("outcome", o);
		mav.addObject("project", projects.project(scope, id));
		mav.addObject("records", hours.ofProject(scope, id));
		if (!o.rejected().isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() ? null : values.get(i);
	}

	/**
	 * Confirms or disputes a record in place; the reason comes from the form, or from the htmx prompt. Any other
	 * decision is not mapped (404).
	 */
	@PostMapping("/volunteering/hours/{id}/{decision:confirm|dispute}")
	@PreAuthorize("hasAuthority('volunteering:manage')")
	String decide(@PathVariable long id, @PathVariable String decision,
			@RequestParam(required = false) String reason,
			@RequestHeader(name = "HX-Prompt", required = false) String prompt,
			@RequestParam(required = false) String view, RegionScope scope, Model model) {
		String why = reason != null ? reason : decode(prompt);
		model.addAttribute("r", "confirm".equals(decision) ? hours.confirm(scope, id, why)
				: hours.dispute(scope, id, why));
		return row(view);
	}

	/** The record as a table row of the project page, or as a card of the volunteer's page. */
	private static String row(String view) {
		return "card".equals(view) ? "volunteering/volunteer-hours :: item" : "volunteering/project :: record-row";
	}

	/** htmx sends the prompt's answer in a header, URI-encoded when it is not ASCII. */
	private static String decode(String header) {
		return header == null ? null : java.net.URLDecoder.decode(header, java.nio.charset.StandardCharsets.UTF_8);
	}

	@GetMapping("/volunteering/volunteers/{id}/hours")
	String volunteerHours(@PathVariable long id, RegionScope scope, Model model) {
		model.addAttribute("volunteerId", id);
		model.addAttribute("statement", hours.ofVolunteer(scope, id, LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31)));
		return "volunteering/volunteer-hours";
	}

	@GetMapping("/volunteering/certificates")
	String certificates(RegionScope scope, Model model) {
		model.addAttribute("certificates", certificates.register(scope, null, null));
		return "volunteering/certificates";
	}

	@GetMapping("/volunteering/timebank")
	String accounts(RegionScope scope, Model model) {
		model.addAttribute("accounts", bank.accounts(scope, null, null, null, null));
		return "volunteering/accounts";
	}

	@GetMapping("/volunteering/timebank/{id}")
	String statement(@PathVariable long id, RegionScope scope, Model model) {
		model.addAttribute("account", bank.account(scope, id));
		model.addAttribute("postings", bank.statement(scope, id));
		return "volunteering/statement";
	}

}
