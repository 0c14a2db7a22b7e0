package org.wushe.volunteering.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.wushe.personal.FieldChecks;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;

/**
 * What the module's form pages share: the numbers typed in a form (ids, minutes) read through the shared field
 * checks, a form sent and followed by a redirect, and a page shown again with the refused fields (422, the typed
 * values kept by the caller).
 */
final class PageForms {

	private PageForms() {
	}

	/**
	 * A typed whole number, blank as {@code null}; anything else is refused naming the field. Its range is the
	 * service's to check, with the other fields.
	 */
	static Long number(String field, String text) {
		FieldChecks c = new FieldChecks();
		BigDecimal d = c.decimal(field, text, BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE),
				0, false);
		c.throwIfAny();
		return d == null ? null : d.longValueExact();
	}

	/**
	 * Sends a form: {@code action} stores it and answers the path to go to next (a redirect, so a reload sends
	 * nothing again); refused input shows the form again ({@code again}) with the refused fields.
	 */
	static ModelAndView submit(Supplier<String> action, Function<List<FieldError>, ModelAndView> again) {
		try {
			return new ModelAndView("redirect:" + action.get());
		}
		catch (InvalidInputException ex) {
			return again.apply(ex.errors());
		}
	}

	/** The page {@code view} with {@code errors} (empty on first show): 422 when there are any. */
	static ModelAndView page(String view, List<FieldError> errors) {
		ModelAndView mav = new ModelAndView(view);
		mav.addObject("errors", errors);
		if (!errors.isEmpty()) {
			mav.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return mav;
	}

}
