package org.wushe.article.web;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.access.CurrentUser;
import org.wushe.article.ArticleWords;
import org.wushe.article.BannedWord;
import org.wushe.article.WrongWord;

/**
 * {@code /api/article-words}: the banned-word and wrong-word lists. Reviewers read them; only an administrator at
 * province or country level changes them.
 */
@RestController
@RequestMapping("/api/article-words")
@RequiredArgsConstructor
class WordListApi {

	record BannedInput(String word, String note) {
	}

	record WrongInput(String wrong, String suggestion, String exceptions, String note) {
	}

	private final ArticleWords words;

	@GetMapping("/banned")
	@PreAuthorize("hasAnyAuthority('article:review', 'region:admin')")
	List<BannedWord> banned() {
		return words.banned();
	}

	@GetMapping("/wrong")
	@PreAuthorize("hasAnyAuthority('article:submit', 'article:review', 'region:admin')")
	List<WrongWord> wrong() {
		return words.wrong();
	}

	@PostMapping("/banned")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('region:admin')")
	BannedWord addBanned(@RequestBody BannedInput input, @AuthenticationPrincipal CurrentUser user) {
		return words.addBanned(user, input.word(), input.note());
	}

	@PostMapping("/wrong")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('region:admin')")
	WrongWord addWrong(@RequestBody WrongInput input, @AuthenticationPrincipal CurrentUser user) {
		return words.addWrong(user, input.wrong(), input.suggestion(), input.exceptions(), input.note());
	}

	@DeleteMapping("/banned/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('region:admin')")
	void removeBanned(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		words.removeBanned(user, id);
	}

	@DeleteMapping("/wrong/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('region:admin')")
	void removeWrong(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		words.removeWrong(user, id);
	}

}
