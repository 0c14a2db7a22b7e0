package org.wushe.care.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.care.Person;
import org.wushe.care.PersonService;
import org.wushe.care.Relatives;
import org.wushe.personal.PersonalFragment;
import org.wushe.shared.InvalidInputException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A person's file with their family members and guardians: {@code GET /api/persons/{id}} answers the person's fields
 * plus {@code family}; family members are added and removed through the API and on the person's page.
 */
@Controller
@RequiredArgsConstructor
class FamilyController {

	/** The person's fields, unchanged, with the family beside them. */
	record PersonFile(@JsonUnwrapped Person person, List<Relatives.Relative> family) {
	}

	private final PersonService persons;

	private final Relatives relatives;

	private final CareController pages;

	@GetMapping("/api/persons/{id}")
	@PreAuthorize("hasAuthority('care:view')")
	@ResponseBody
	@Operation(tags = "care", summary = "One person in scope (404 outside), with family members and guardians")
	PersonFile one(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		return new PersonFile(persons.get(user.scope(), id), relatives.of(user.scope(), id));
	}

	@PostMapping("/api/persons/{id}/family")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('care:record')")
	@ResponseBody
	@Operation(tags = "care", summary = "Add a family member or guardian", description = """
			name, relation, phone? (sealed, answered masked), relatedPersonId? (a registered person in scope; the \
			name may then be blank), guardian? (true for a guardian). 400 names relative.<field>.""")
	Relatives.Relative add(@PathVariable long id, @RequestBody Relatives.Input input,
			@AuthenticationPrincipal CurrentUser user) {
		return relatives.add(user.scope(), id, input);
	}

	@DeleteMapping("/api/persons/{id}/family/{relativeId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('care:record')")
	@Operation(tags = "care", summary = "Remove a family member or guardian")
	void remove(@PathVariable long id, @PathVariable long relativeId, @AuthenticationPrincipal CurrentUser user) {
		relatives.remove(user.scope(), id, relativeId);
	}

	@GetMapping("/api/persons/{id}/family/{relativeId}/phone")
	@PreAuthorize("hasAuthority('care:view') and hasAuthority('personal-data:view')")
	@ResponseBody
	@Operation(tags = "care", summary = "A family member's full phone (needs personal-data:view; audited)")
	Map<String, String> phone(@PathVariable long id, @PathVariable long relativeId,
			@AuthenticationPrincipal CurrentUser user) {
		Map<String, String> answer = new HashMap<>();
		answer.put("phone", relatives.revealPhone(user, id, relativeId));
		return answer;
	}

	/** The full phone for the button beside the masked one on the person's page (audited). */
	@GetMapping("/care/persons/{id}/family/{relativeId}/phone")
	@PreAuthorize("hasAuthority('care:view') and hasAuthority('personal-data:view')")
	String phoneOnPage(@PathVariable long id, @PathVariable long relativeId, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return PersonalFragment.revealed(model, "relative-phone-" + relativeId,
				relatives.revealPhone(user, id, relativeId));
	}

	@PostMapping("/care/persons/{id}/family")
	@PreAuthorize("hasAuthority('care:record')")
	String addFromPage(@PathVariable long id, Relatives.Input form, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes flash) {
		try {
			relatives.add(user.scope(), id, form);
			flash.addFlashAttribute("flash", "care.family.added");
			return "redirect:/care/persons/" + id + "#family";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("relativeForm", form);
			return pages.show(id, user, model, ex.errors());
		}
	}

	@PostMapping("/care/persons/{id}/family/{relativeId}/remove")
	@PreAuthorize("hasAuthority('care:record')")
	String removeFromPage(@PathVariable long id, @PathVariable long relativeId,
			@AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
		relatives.remove(user.scope(), id, relativeId);
		flash.addFlashAttribute("flash", "care.family.removed");
		return "redirect:/care/persons/" + id + "#family";
	}

}
