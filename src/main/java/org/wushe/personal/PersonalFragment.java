package org.wushe.personal;

import org.springframework.ui.Model;

/**
 * The page side of a reveal: the answer to the button of {@code fragments/personal :: masked}, for every module's
 * page endpoints. The value comes from the module's own audited reveal (see {@link PersonalData#reveal}).
 */
public final class PersonalFragment {

	private PersonalFragment() {
	}

	/** Puts the full {@code value} into the element with id {@code target}; answers the view to render. */
	public static String revealed(Model model, String target, String value) {
		model.addAttribute("revealedId", target);
		model.addAttribute("revealedValue", value);
		return "fragments/personal :: revealed";
	}

}
