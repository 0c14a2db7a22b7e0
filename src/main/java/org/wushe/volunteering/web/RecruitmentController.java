package org.wushe.volunteering.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.Texts;
import org.wushe.volunteering.ProjectService;
import org.wushe.volunteering.Recruitment;

/**
 * The recruiting section of a project's page (htmx): open or close recruiting, sign a volunteer up, accept or decline
 * a sign-up. The section comes back in place; a refusal comes back in it (422) with its Chinese message, and nothing
 * is changed. Projects outside the user's scope answer 404.
 */
@Controller
@PreAuthorize("hasAuthority('volunteering:manage')")
@RequiredArgsConstructor
class RecruitmentController {

	private final Recruitment recruitment;

	private final ProjectService projects;

	private final Texts texts;

	@PostMapping("/volunteering/projects/{id}/recruitment")
	ModelAndView setRecruiting(@PathVariable long id, @RequestParam(required = false) String open,
			@RequestParam(required = false) String until, @RequestParam(required = false) String requirements,
			RegionScope scope) {
		return section(scope, id, () -> recruitment.setRecruiting(scope, id,
				new Recruitment.RecruitingInput(open != null, until, requirements)));
	}

	@PostMapping("/volunteering/projects/{id}/signups")
	ModelAndView signUp(@PathVariable long id, @RequestParam(required = false) String volunteerId,
			@RequestParam(required = false) String note, RegionScope scope) {
		return section(scope, id, () -> {
			Long volunteer = null;
			if (volunteerId != null && !volunteerId.isBlank()) {
				try {
					volunteer = Long.valueOf(volunteerId.strip());
				}
				catch (NumberFormatException ex) {
					throw InvalidInputException.of("volunteerId", "volunteering.input.unknown-volunteer",
							volunteerId.strip());
				}
			}
			return recruitment.signUp(scope, id, new Recruitment.SignupInput(volunteer, note));
		});
	}

	@PostMapping("/volunteering/projects/{id}/signups/{signupId}/accept")
	ModelAndView accept(@PathVariable long id, @PathVariable long signupId, RegionScope scope) {
		return section(scope, id, () -> recruitment.accept(scope, id, signupId));
	}

	@PostMapping("/volunteering/projects/{id}/signups/{signupId}/decline")
	ModelAndView decline(@PathVariable long id, @PathVariable long signupId,
			@RequestParam(required = false) String reason,
			@RequestHeader(name = "HX-Prompt", required = false) String prompt, RegionScope scope) {
		String why = reason != null ? reason
				: prompt == null ? null : java.net.URLDecoder.decode(prompt, java.nio.charset.StandardCharsets.UTF_8);
		return section(scope, id, () -> recruitment.decline(scope, id, signupId, why));
	}

	/** Runs {@code change} and answers the section; a refused change (400 or 409) shows its messages in it (422). */
	private ModelAndView section(RegionScope scope, long id, Supplier<?> change) {
		ProjectService.Project project = projects.project(scope, id);
		List<String> problems = new ArrayList<>();
		try {
			change.get();
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach(e -> problems.add(texts.field(e)));
		}
		catch (BusinessException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			problems.add(texts.get(ex.messageKey(), ex.args()));
		}
		ModelAndView mav = new ModelAndView("volunteering/project :: recruitment");
		mav.addObject("project", project);
		mav.addObject("recruiting", recruitment.recruiting(scope, id));
		mav.addObject("signups", recruitment.signups(scope, id));
		mav.addObject("problems", problems);
		if (!problems.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

}
