package org.wushe.article.web;

import java.time.ZoneId;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.article.ArticleWords;
import org.wushe.campaign.Deadline;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * The word-list page: reviewers read the banned words and the wrong words with their suggestions; an administrator at
 * province or country level adds and removes entries.
 */
@Controller
@RequiredArgsConstructor
class WordListController {

	private final ArticleWords words;

	@ModelAttribute("zone")
	ZoneId zone() {
		return Deadline.ZONE;
	}

	@GetMapping("/articles/words")
	@PreAuthorize("hasAnyAuthority('article:review', 'region:admin')")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		return page(user, model, List.of(), null);
	}

	@PostMapping("/articles/words/banned")
	@PreAuthorize("hasAuthority('region:admin')")
	String addBanned(@RequestParam(required = false) String word, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		try {
			words.addBanned(user, word, note);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("banned", new String[] { word, note });
			return page(user, model, ex.errors(), "banned");
		}
		flash.addFlashAttribute("flash", "article.words.added");
		return "redirect:/articles/words";
	}

	@PostMapping("/articles/words/wrong")
	@PreAuthorize("hasAuthority('region:admin')")
	String addWrong(@RequestParam(required = false) String wrong, @RequestParam(required = false) String suggestion,
			@RequestParam(required = false) String exceptions, @RequestParam(required = false) String note,
			@AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
		try {
			words.addWrong(user, wrong, suggestion, exceptions, note);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("wrongForm", new String[] { wrong, suggestion, exceptions, note });
			return page(user, model, ex.errors(), "wrong");
		}
		flash.addFlashAttribute("flash", "article.words.added");
		return "redirect:/articles/words#wrong";
	}

	@PostMapping("/articles/words/{list:banned|wrong}/{id}/delete")
	@PreAuthorize("hasAuthority('region:admin')")
	String remove(@PathVariable String list, @PathVariable long id, @AuthenticationPrincipal CurrentUser user,
			RedirectAttributes flash) {
		if ("banned".equals(list)) {
			words.removeBanned(user, id);
		}
		else {
			words.removeWrong(user, id);
		}
		flash.addFlashAttribute("flash", "article.words.removed");
		return "banned".equals(list) ? "redirect:/articles/words" : "redirect:/articles/words#wrong";
	}

	private String page(CurrentUser user, Model model, List<FieldError> errors, String failed) {
		model.addAttribute("bannedWords", words.banned());
		model.addAttribute("wrongWords", words.wrong());
		model.addAttribute("canManage", ArticleWords.canManage(user));
		model.addAttribute("errors", errors);
		model.addAttribute("failed", failed);
		return "article/words";
	}

}
