package org.wushe.volunteering.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.activity.ServiceDomain;
import org.wushe.actor.OrganizationDirectory;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.site.SiteQuery;
import org.wushe.site.SiteService;
import org.wushe.volunteering.ProjectService;

/**
 * The forms that create and edit teams and projects. A refused form comes back (422) with what was typed and each
 * field's error beside it; nothing is stored. Everything is limited to the user's scope; ids outside it answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:manage')")
@RequiredArgsConstructor
class ProjectFormController {

	/** The organizers offered in the project form, at most this many of each kind. */
	static final int CHOICES = 50;

	/** What the project form shows, as typed. */
	record ProjectForm(String name, String regionCode, String organizer, String startDate, String endDate, String place,
			String domain, String places, Boolean timeBank, Boolean recruiting) {

		static ProjectForm of(ProjectService.Project p) {
			return new ProjectForm(p.name(), p.regionCode(), p.organizerKind() + ":" + p.organizerId(),
					p.startDate().toString(), p.endDate().toString(), p.place(), p.domain().name(),
					Integer.toString(p.places()), p.timeBank(), p.recruiting());
		}

		ProjectService.ProjectInput input() {
			String kind = null;
			Long id = null;
			if (organizer != null && organizer.contains(":")) {
				kind = organizer.substring(0, organizer.indexOf(':'));
				try {
					id = Long.valueOf(organizer.substring(organizer.indexOf(':') + 1));
				}
				catch (NumberFormatException ex) {
					id = -1L;
				}
			}
			Integer count;
			try {
				count = places == null || places.isBlank() ? null : Integer.valueOf(places.strip());
			}
			catch (NumberFormatException ex) {
				count = -1;
			}
			// an unticked box sends nothing
			return new ProjectService.ProjectInput(name, regionCode, kind, id, startDate, endDate, place, domain, count,
					Boolean.TRUE.equals(timeBank), Boolean.TRUE.equals(recruiting));
		}

	}

	/** What the team form shows, as typed. */
	record TeamForm(String name, String regionCode, String owner) {

		static TeamForm of(ProjectService.Team t) {
			return new TeamForm(t.name(), t.regionCode(), t.ownerSiteId() != null ? "SITE:" + t.ownerSiteId()
					: t.ownerOrganizationId() != null ? "ORGANIZATION:" + t.ownerOrganizationId() : "");
		}

		ProjectService.TeamInput input() {
			Long site = null;
			Long org = null;
			if (owner != null && owner.contains(":")) {
				Long id;
				try {
					id = Long.valueOf(owner.substring(owner.indexOf(':') + 1));
				}
				catch (NumberFormatException ex) {
					id = -1L;
				}
				if (owner.startsWith("SITE:")) {
					site = id;
				}
				else {
					org = id;
				}
			}
			return new ProjectService.TeamInput(name, regionCode, site, org);
		}

	}

	private final ProjectService projects;

	private final SiteService sites;

	private final OrganizationDirectory organizations;

	@GetMapping("/volunteering/projects/new")
	ModelAndView newProject(RegionScope scope) {
		return projectForm(scope, null, new ProjectForm("", scope.root().isCountry() ? "" : scope.root().value(), "",
				"", "", "", "", "", false, true), List.of());
	}

	@PostMapping("/volunteering/projects")
	ModelAndView createProject(ProjectForm form, RegionScope scope) {
		return PageForms.submit(() -> "/volunteering/projects/" + projects.createProject(form.input(), scope).id(),
				errors -> projectForm(scope, null, form, errors));
	}

	@GetMapping("/volunteering/projects/{id}/edit")
	ModelAndView editProject(@PathVariable long id, RegionScope scope) {
		ProjectService.Project p = projects.project(scope, id);
		return projectForm(scope, p, ProjectForm.of(p), List.of());
	}

	@PostMapping("/volunteering/projects/{id}")
	ModelAndView updateProject(@PathVariable long id, ProjectForm form, RegionScope scope) {
		ProjectService.Project p = projects.project(scope, id);
		return PageForms.submit(() -> {
			projects.updateProject(scope, id, form.input());
			return "/volunteering/projects/" + id;
		}, errors -> projectForm(scope, p, form, errors));
	}

	private ModelAndView projectForm(RegionScope scope, ProjectService.Project editing, ProjectForm form,
			List<FieldError> errors) {
		ModelAndView mav = PageForms.page("volunteering/project-form", errors);
		mav.addObject("editing", editing);
		mav.addObject("form", form);
		mav.addObject("domains", ServiceDomain.values());
		if (editing == null) {
			mav.addObject("teams", projects.teams(scope).stream().limit(CHOICES).toList());
			mav.addObject("sites", sites.list(scope, SiteQuery.all(), 0, CHOICES));
			mav.addObject("organizations", organizations.search(scope, "", CHOICES));
		}
		return mav;
	}

	@GetMapping("/volunteering/teams/new")
	ModelAndView newTeam(RegionScope scope) {
		return teamForm(scope, null, new TeamForm("", scope.root().isCountry() ? "" : scope.root().value(), ""),
				List.of());
	}

	@PostMapping("/volunteering/teams")
	ModelAndView createTeam(TeamForm form, RegionScope scope) {
		return PageForms.submit(() -> {
			projects.createTeam(form.input(), scope);
			return "/volunteering";
		}, errors -> teamForm(scope, null, form, errors));
	}

	@GetMapping("/volunteering/teams/{id}/edit")
	ModelAndView editTeam(@PathVariable long id, RegionScope scope) {
		ProjectService.Team t = projects.team(scope, id);
		return teamForm(scope, t, TeamForm.of(t), List.of());
	}

	@PostMapping("/volunteering/teams/{id}")
	ModelAndView updateTeam(@PathVariable long id, TeamForm form, RegionScope scope) {
		ProjectService.Team t = projects.team(scope, id);
		return PageForms.submit(() -> {
			projects.updateTeam(scope, id, new TeamForm(form.name(), t.regionCode(), form.owner()).input());
			return "/volunteering";
		}, errors -> teamForm(scope, t, form, errors));
	}

	private ModelAndView teamForm(RegionScope scope, ProjectService.Team editing, TeamForm form,
			List<FieldError> errors) {
		ModelAndView mav = PageForms.page("volunteering/team-form", errors);
		mav.addObject("editing", editing);
		mav.addObject("form", form);
		mav.addObject("sites", sites.list(scope, SiteQuery.all(), 0, CHOICES));
		mav.addObject("organizations", organizations.search(scope, "", CHOICES));
		return mav;
	}

}
