package org.wushe.shared.upload;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/** A servlet filter of uploads only: the requests that Spring MVC reads as multipart. */
public abstract class UploadFilter extends OncePerRequestFilter {

	private static final StandardServletMultipartResolver UPLOADS = new StandardServletMultipartResolver();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !UPLOADS.isMultipart(request);
	}

}
