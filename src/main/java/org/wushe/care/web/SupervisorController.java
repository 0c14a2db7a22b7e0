package org.wushe.care.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import io.swagger.v3.oas.annotations.Operation;

import jakarta.servlet.http.HttpServletResponse;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.AccountService;
import org.wushe.access.AccountView;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.actor.WorkerDirectory;
import org.wushe.care.Supervisors;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * 督导标记 pages ({@code /care/supervisors}) and API ({@code /api/care/supervisors}): who supervises the cases of a
 * station or county, marked and ended by holders of {@code care:supervise} within their scope.
 */
@Controller
@RequiredArgsConstructor
class SupervisorController {

	/** An option of the form's worker and account lists. */
	record Choice(long id, String label) {
	}

	/** What the form's lists are narrowed to: part of a worker's name (or its initials), part of an account's name. */
	record Narrowing(String worker, String account) {

		Narrowing {
			worker = worker == null ? "" : worker.strip();
			account = account == null ? "" : account.strip();
		}

	}

	/** The most workers, and the most accounts, the form offers at once. */
	static final int CHOICES = 200;

	private final Supervisors supervisors;

	private final WorkerDirectory workers;

	private final AccountService accounts;

	@GetMapping("/care/supervisors")
	@PreAuthorize("hasAuthority('care:supervise')")
	String page(@RequestParam(required = false) String region, Narrowing narrowing,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return page(user.scope().within(region, "region"), narrowing, user, model,
				new Supervisors.Input(region == null ? "" : region, null, null), List.of());
	}

	/**
	 * The page for {@code scope}: its markings, and the workers and accounts the form offers, each list narrowed as
	 * asked and at most {@link #CHOICES} long; a list cut there says so and asks for a narrower region or a name.
	 */
	private String page(RegionScope scope, Narrowing narrowing, CurrentUser user, Model model,
			Supervisors.Input form, List<FieldError> errors) {
		WorkerDirectory.Window found = workers.search(scope, narrowing.worker(), CHOICES);
		AccountService.Window holders = accounts.holders(scope, Permissions.CARE_RECORD, narrowing.account(), CHOICES);
		model.addAttribute("markings", supervisors.list(scope));
		model.addAttribute("region", scope.root().value());
		model.addAttribute("narrowing", narrowing);
		model.addAttribute("choices", CHOICES);
		model.addAttribute("workers", found.entries()
			.stream()
			.map(w -> new Choice(w.id(), w.name() + " · " + w.regionName()))
			.toList());
		model.addAttribute("workersCut", found.more());
		model.addAttribute("accounts", holders.entries()
			.stream()
			.map(a -> new Choice(a.id(), a.username() + " · " + a.displayName()))
			.toList());
		model.addAttribute("accountsCut", holders.more());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "care/supervisors";
	}

	@PostMapping("/care/supervisors")
	@PreAuthorize("hasAuthority('care:supervise')")
	String mark(Supervisors.Input form, Narrowing narrowing, @AuthenticationPrincipal CurrentUser user,
			Model model, HttpServletResponse response, RedirectAttributes flash) {
		try {
			Supervisors.Marking m = supervisors.mark(form, user);
			flash.addFlashAttribute("flash", "care.supervisor.marked");
			return "redirect:/care/supervisors?region=" + m.regionCode();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user.scope().withinOrWhole(form.regionCode()), narrowing, user, model, form, ex.errors());
		}
	}

	@PostMapping("/care/supervisors/{id}/end")
	@PreAuthorize("hasAuthority('care:supervise')")
	String endOnPage(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
		supervisors.end(id, user);
		flash.addFlashAttribute("flash", "care.supervisor.ended");
		return "redirect:/care/supervisors";
	}

	@GetMapping("/api/care/supervisors")
	@PreAuthorize("hasAuthority('care:view')")
	@ResponseBody
	@Operation(tags = "care", summary = "Workers marked as supervisors of stations and counties in scope")
	List<Supervisors.Marking> list(@RequestParam(required = false) String region,
			@AuthenticationPrincipal CurrentUser user) {
		return supervisors.list(user.scope().within(region, "region"));
	}

	@PostMapping("/api/care/supervisors")
	@PreAuthorize("hasAuthority('care:supervise')")
	@ResponseStatus(HttpStatus.CREATED)
	@ResponseBody
	@Operation(tags = "care", summary = "Mark a worker as supervisor of a station or county", description = """
			regionCode (a township or county in scope), workerId (a social worker registered in its subtree), \
			accountId (the worker's login account, sitting on regionCode, with care:record). That account may then \
			approve or return the plans and closures of the region's cases. Audited.""")
	Supervisors.Marking markApi(@RequestBody Supervisors.Input body, @AuthenticationPrincipal CurrentUser user) {
		return supervisors.mark(body, user);
	}

	@DeleteMapping("/api/care/supervisors/{id}")
	@PreAuthorize("hasAuthority('care:supervise')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(tags = "care", summary = "End a supervisor marking in scope (audited)")
	void endApi(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		supervisors.end(id, user);
	}

}
