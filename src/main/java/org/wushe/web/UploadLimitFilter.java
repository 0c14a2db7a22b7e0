package org.wushe.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Reads a multipart upload before the security filters do. A form posted without scripts carries its CSRF token as a
 * form field, so the CSRF check would parse the upload and an oversize file would fail there, outside Spring MVC's
 * error handling, as a generic error. Here the same failure gets the answer of {@link ErrorHandling}: a 413
 * ProblemDetail for {@code /api/**}, the error message naming the limit for pages. Registered in {@link WebConfig}.
 */
@Component
class UploadLimitFilter extends OncePerRequestFilter {

	private final HandlerExceptionResolver resolver;

	private final ViewResolver views;

	private final LocaleResolver locales;

	private final DataSize maxFileSize;

	UploadLimitFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
			@Qualifier("thymeleafViewResolver") ViewResolver views, LocaleResolver locales,
			@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.resolver = resolver;
		this.views = views;
		this.locales = locales;
		this.maxFileSize = maxFileSize;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IOException | IllegalStateException | ServletException ex) {
			if (isSizeLimit(ex)) {
				refuse(request, response, new MaxUploadSizeExceededException(maxFileSize.toBytes(), ex));
				return;
			}
			// any other unreadable upload is left to Spring MVC's multipart handling
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws ServletException, IOException {
		ModelAndView mav = resolver.resolveException(request, response, null, ex);
		if (mav == null || mav.isEmpty()) {
			return; // the ProblemDetail is written
		}
		if (mav.getStatus() != null) {
			response.setStatus(mav.getStatus().value());
		}
		try {
			View view = views.resolveViewName(mav.getViewName(), locales.resolveLocale(request));
			if (view != null) {
				view.render(mav.getModel(), request, response);
			}
		}
		catch (Exception renderFailure) {
			throw new ServletException(renderFailure);
		}
	}

	/** Whether {@code ex} (or a cause) is the container's "upload too large" failure. */
	static boolean isSizeLimit(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String name = t.getClass().getSimpleName();
			if (t instanceof MaxUploadSizeExceededException || name.endsWith("SizeLimitExceededException")
					|| name.equals("SizeException")) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
