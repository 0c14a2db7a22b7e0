package org.wushe.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Answers a failure found by a servlet filter, before the DispatcherServlet, with what {@link ErrorHandling} makes of
 * it: a ProblemDetail for {@code /api/**}, the error page (or the htmx fragment) for pages. The locale is resolved the
 * way the pages resolve it (Chinese unless the user chose otherwise), not from {@code Accept-Language}.
 */
@RequiredArgsConstructor
class FilterAnswers {

	private final HandlerExceptionResolver resolver;

	private final ViewResolver views;

	private final LocaleResolver locales;

	void answer(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws ServletException, IOException {
		Locale locale = locales.resolveLocale(request);
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(locale);
		try {
			ModelAndView mav = resolver.resolveException(request, response, null, ex);
			if (mav == null || mav.isEmpty()) {
				return; // the ProblemDetail is written
			}
			if (mav.getStatus() != null) {
				response.setStatus(mav.getStatus().value());
			}
			View view = views.resolveViewName(mav.getViewName(), locale);
			if (view != null) {
				view.render(mav.getModel(), request, response);
			}
		}
		catch (IOException | ServletException ex2) {
			throw ex2;
		}
		catch (Exception renderFailure) {
			throw new ServletException(renderFailure);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

}
