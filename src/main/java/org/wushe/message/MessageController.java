package org.wushe.message;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wushe.shared.BusinessException;
import org.wushe.shared.NavGroup;
import org.wushe.shared.NavItem;

/** The inbox page: the user's messages, newest first; opening one marks it read and leads to its page. */
@Controller
@RequiredArgsConstructor
class MessageController {

	static final int PAGE_SIZE = 30;

	private final Inbox inbox;

	@Bean
	static NavItem messageNavItem() {
		return new NavItem(NavGroup.WORKBENCH, "nav.messages", "/messages", null, 10);
	}

	@GetMapping("/messages")
	String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal UserDetails user, Model model) {
		int p = Math.max(page, 0);
		List<Message> rows = inbox.list(user.getUsername(), p * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("messages", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
		model.addAttribute("page", p);
		model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
		return "message/inbox";
	}

	@GetMapping("/messages/{id}")
	String open(@PathVariable long id, @AuthenticationPrincipal UserDetails user) {
		String href = inbox.open(user.getUsername(), id)
			.orElseThrow(() -> BusinessException.notFound("message.error.unknown", id));
		return "redirect:" + (href.isEmpty() ? "/messages" : href);
	}

	@PostMapping("/messages/read-all")
	String readAll(@AuthenticationPrincipal UserDetails user) {
		inbox.readAll(user.getUsername());
		return "redirect:/messages";
	}

}
