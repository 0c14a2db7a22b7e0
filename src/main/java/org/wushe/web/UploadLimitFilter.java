package org.wushe.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;
import org.wushe.shared.upload.UploadFilter;

/**
 * Reads a signed-in user's multipart upload before the CSRF check does. A form posted without scripts carries its CSRF
 * token as a form field, so the CSRF check would parse the upload and an oversize file would fail there, outside
 * Spring MVC's error handling, as a generic error. Here the same failure gets the answer of {@link ErrorHandling}: a
 * 413 ProblemDetail for {@code /api/**}, the error message naming the limit for pages. It sits in the security filter
 * chain (see {@link WebConfig}) after the access module's gate for uploads, which turns away anyone not signed in
 * before the body is read; so every upload that reaches this filter has a known sender.
 */
@RequiredArgsConstructor
class UploadLimitFilter extends UploadFilter {

	private final HandlerExceptionResolver resolver;

	private final ViewResolver views;

	private final LocaleResolver locales;

	private final DataSize maxFileSize;

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
		new FilterAnswers(resolver, views, locales).answer(request, response, ex);
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
