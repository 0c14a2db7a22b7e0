package org.wushe.access;

import java.util.Arrays;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.region.RegionCode;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.ListPage;

/**
 * Account pages: the list in scope, the create form, unlock, and one's own password change.
 */
@Controller
@RequiredArgsConstructor
class AccountController {

	private static final int PAGE_SIZE = 50;

	private final AccountService accounts;

	private final SessionPrincipals sessions;

	@GetMapping("/accounts")
	@PreAuthorize("hasAuthority('account:view')")
	String list(@RequestParam(required = false) String within, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		RegionCode root = user.within(within, "within");
		ListPage p = new ListPage(page, PAGE_SIZE);
		p.show(model, "accounts", accounts.list(user.scope(), root, q, p.offset(), p.limit()));
		model.addAttribute("q", q);
		model.addAttribute("within", root.value());
		return "access/accounts";
	}

	@GetMapping("/accounts/new")
	@PreAuthorize("hasAuthority('account:manage')")
	String form(@RequestParam(required = false) String region, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		model.addAttribute("form", AccountForm.empty(region == null ? user.region().value() : region));
		model.addAttribute("roles", grantable(user));
		return "access/account-form";
	}

	@PostMapping("/accounts")
	@PreAuthorize("hasAuthority('account:manage')")
	String create(AccountForm form, @AuthenticationPrincipal CurrentUser user, Model model) {
		try {
			CreatedAccount created = accounts.create(form.toNewAccount(), user);
			model.addAttribute("created", created);
			return "access/account-created";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("roles", grantable(user));
			model.addAttribute("errors", ex.errors());
			return "access/account-form";
		}
	}

	@PostMapping("/accounts/{id}/unlock")
	@PreAuthorize("hasAuthority('account:manage')")
	String unlock(@PathVariable long id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
		accounts.unlock(user.scope(), id);
		flash.addFlashAttribute("flash", "access.account.unlocked");
		return "redirect:/accounts";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "access/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, @AuthenticationPrincipal CurrentUser user, Model model,
			RedirectAttributes flash) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw InvalidInputException.of("confirmPassword", "access.password.mismatch");
			}
			accounts.changeOwnPassword(user.getUsername(), currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.errors());
			return "access/password";
		}
		sessions.refresh(user.getUsername());
		flash.addFlashAttribute("flash", "access.password.changed");
		return "redirect:/";
	}

	private static List<Role> grantable(CurrentUser user) {
		return Arrays.stream(Role.values()).filter(user.role()::mayGrant).toList();
	}

}
