package org.wushe.web;

import java.net.URI;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.wushe.shared.BusinessException;
import org.wushe.shared.FieldError;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.RejectedEntries;
import org.wushe.shared.TextHygiene;
import org.wushe.shared.Texts;
import org.wushe.shared.excel.ExcelRejected;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into a localized answer: a {@code ProblemDetail} for {@code /api/**}, the error page (or a 422
 * fragment for htmx) for pages. Nothing a user can send produces a stack trace; unexpected failures are logged and
 * answered with a generic 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final Texts texts;

	@Value("${spring.servlet.multipart.max-file-size:1MB}")
	private final DataSize maxFileSize;

	@ExceptionHandler(InvalidInputException.class)
	Object invalidInput(InvalidInputException ex, HttpServletRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		for (FieldError raw : ex.errors()) {
			FieldError e = new FieldError(TextHygiene.shown(raw.field()), raw.messageKey(), shown(raw.args()));
			String line = texts.field(e, ex.labels());
			errors.add(Map.of("field", e.field(), "message", texts.get(e.messageKey(), e.args())));
			lines.add(line);
		}
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("errors", errors);
		if (ex instanceof RejectedEntries entries) {
			entries.members().forEach(extra::putIfAbsent);
		}
		return answer(request, HttpStatus.BAD_REQUEST, String.join("; ", lines), extra);
	}

	/** Arguments as an answer may repeat them: no submitted text longer than {@link TextHygiene#ECHO_LIMIT}. */
	private static Object[] shown(Object[] args) {
		Object[] shown = args == null ? new Object[0] : args.clone();
		for (int i = 0; i < shown.length; i++) {
			if (shown[i] instanceof CharSequence text) {
				shown[i] = TextHygiene.shown(text.toString());
			}
		}
		return shown;
	}

	@ExceptionHandler(BusinessException.class)
	Object business(BusinessException ex, HttpServletRequest request) {
		String detail = text(ex.messageKey(), ex.messageKey(), shown(ex.args()));
		// a workbook refused as a whole is a fault of the uploaded file
		Map<String, Object> extra = ex instanceof ExcelRejected && ex.status() == HttpStatus.BAD_REQUEST
				? named("file", detail) : Map.of();
		return answer(request, ex.status(), detail, extra);
	}

	/** The {@code errors} member of a 400 that names one field (or query parameter, or the uploaded file). */
	private static Map<String, Object> named(String field, String detail) {
		return Map.of("errors", List.of(Map.of("field", TextHygiene.shown(field), "message", detail)));
	}

	/**
	 * A write the database refused as a duplicate (409: typically the same form sent twice at once) or as a reference
	 * to a row that is gone (409), naming the field where the database says which column it was.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	Object integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		IntegrityViolation violation = IntegrityViolation.of(ex);
		if (!violation.duplicate() && !violation.reference()) {
			return unexpected(ex, request);
		}
		log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(),
				violation.duplicate() ? "duplicate key" : "missing reference");
		String prefix = violation.duplicate() ? "error.duplicate" : "error.reference-missing";
		Optional<String> label = violation.field().map(f -> texts.get("field." + f)).filter(l -> !l.startsWith("field."));
		String detail = label.map(l -> texts.get(prefix + "-field", l)).orElseGet(() -> texts.get(prefix));
		Map<String, Object> extra = violation.field()
			.<Map<String, Object>>map(f -> Map.of("errors", List.of(Map.of("field", f, "message", detail))))
			.orElse(Map.of());
		return answer(request, HttpStatus.CONFLICT, detail, extra);
	}

	/**
	 * A write that lost a wait for a lock to another one (a deadlock the database broke, or a lock not had in time):
	 * its transaction was rolled back, so nothing of it is stored, and the same request may be sent again: 503 with
	 * {@code Retry-After}.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	Object lockLost(PessimisticLockingFailureException ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("Lock conflict on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		return plain(request, HttpStatus.SERVICE_UNAVAILABLE, "error.lock-conflict");
	}

	/** Failures that the status and its message say all about: not signed in, forbidden, no such page, and the like. */
	@ExceptionHandler({ AuthenticationException.class, AccessDeniedException.class, NoResourceFoundException.class,
			HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class })
	Object plain(Exception ex, HttpServletRequest request) {
		if (ex instanceof AuthenticationException) {
			return plain(request, HttpStatus.UNAUTHORIZED, "error.unauthenticated");
		}
		if (ex instanceof AccessDeniedException) {
			return plain(request, HttpStatus.FORBIDDEN, "error.forbidden");
		}
		if (ex instanceof NoResourceFoundException) {
			return plain(request, HttpStatus.NOT_FOUND, "error.not-found");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return plain(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media-type");
		}
		return plain(request, HttpStatus.METHOD_NOT_ALLOWED, "error.method");
	}

	/** The answer of {@code status} with message {@code key} (its number when the key has no text). */
	private Object plain(HttpServletRequest request, HttpStatus status, String key) {
		return answer(request, status, text(key, String.valueOf(status.value())), Map.of());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request) {
		String detail = text("error.parameter-missing", "400", ex.getParameterName());
		return answer(request, HttpStatus.BAD_REQUEST, detail, named(ex.getParameterName(), detail));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		String detail = text("error.parameter-invalid", "400", ex.getName());
		return answer(request, HttpStatus.BAD_REQUEST, detail, named(ex.getName(), detail));
	}

	/**
	 * A JSON body that does not read: a value of the wrong type, a number for a date, a string with a refused
	 * character (see {@link InputHygiene}) answer naming the JSON path of the field; broken JSON names the body.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		JacksonException json = null;
		for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			if (t instanceof JacksonException j) {
				json = j;
				break;
			}
		}
		String path = json == null ? "" : jsonPath(json.getPath());
		if (json instanceof InputHygiene.UncleanText unclean) {
			return invalidInput(InvalidInputException.of(path.isEmpty() ? "$" : path, unclean.messageKey()), request);
		}
		if (json instanceof MismatchedInputException mismatch && !path.isEmpty()) {
			return invalidInput(InvalidInputException.of(path, "error.json.wrong-type", typeKey(mismatch)), request);
		}
		return invalidInput(InvalidInputException.of("$", "error.body-unreadable"), request);
	}

	private static String jsonPath(List<JacksonException.Reference> references) {
		StringBuilder sb = new StringBuilder();
		for (JacksonException.Reference r : references) {
			if (r.getPropertyName() != null) {
				sb.append(sb.isEmpty() ? "" : ".").append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				sb.append('[').append(r.getIndex()).append(']');
			}
		}
		return sb.toString();
	}

	/** The message key naming the kind of value the field takes. */
	private static String typeKey(MismatchedInputException ex) {
		Class<?> type = ex.getTargetType();
		if (type == null) {
			return "error.json.type.value";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "error.json.type.number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "error.json.type.boolean";
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return "error.json.type.date";
		}
		if (type == String.class || type.isEnum() || CharSequence.class.isAssignableFrom(type)) {
			return "error.json.type.text";
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "error.json.type.list";
		}
		return "error.json.type.object";
	}

	/** An upload over the multipart limit: the answer names the limit (in MB) so the user knows what to split. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		long limitMb = Math.max(1, maxFileSize.toMegabytes());
		return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, text("error.upload-too-large", "413", limitMb),
				Map.of("maxFileSizeMb", limitMb));
	}

	@ExceptionHandler(MultipartException.class)
	Object multipart(MultipartException ex, HttpServletRequest request) {
		String detail = text("error.upload-invalid", "400");
		return answer(request, HttpStatus.BAD_REQUEST, detail, named("file", detail));
	}

	/**
	 * The client went away while its answer was being written (a closed tab, a load tool stopping): there is nobody
	 * to answer and nothing went wrong on our side.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex, HttpServletRequest request) {
		log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
	}

	/**
	 * Any other failure Spring MVC attributes to the request (an Accept header nothing matches, a missing header or
	 * path variable, ...): its own 4xx status with the generic text of that status, never a 500.
	 */
	private Object requestRefused(HttpStatus status, Exception ex, HttpServletRequest request) {
		log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return answer(request, status, text("error.status." + status.value(), status.getReasonPhrase()), Map.of());
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		HttpStatus refused = ex instanceof ErrorResponse response
				? HttpStatus.resolve(response.getStatusCode().value()) : null;
		if (refused != null && refused.is4xxClientError()) {
			return requestRefused(refused, ex, request);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, text("error.unexpected", "500"), Map.of());
	}

	private Object answer(HttpServletRequest request, HttpStatus status, String detail, Map<String, Object> extra) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(text("error.title." + status.value(), status.getReasonPhrase()));
			extra.forEach(problem::setProperty);
			problem.setInstance(instance(request));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		boolean htmx = request.getHeader("HX-Request") != null;
		ModelAndView mav = new ModelAndView(htmx ? "fragments/messages :: error" : "error");
		mav.setStatus(htmx && status.is4xxClientError() ? HttpStatus.UNPROCESSABLE_CONTENT : status);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", status.value());
		model.put("detail", detail);
		mav.addAllObjects(model);
		return mav;
	}

	/** The request's path, as the answer names it: cut after {@link TextHygiene#ECHO_LIMIT} characters. */
	private static URI instance(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.length() > TextHygiene.ECHO_LIMIT) {
			path = path.substring(0, TextHygiene.ECHO_LIMIT).replaceAll("%[0-9A-Fa-f]?$", "");
		}
		try {
			return URI.create(path);
		}
		catch (IllegalArgumentException ex) {
			return URI.create("/");
		}
	}

	private String text(String key, String fallback, Object... args) {
		String resolved = texts.get(key, args);
		return resolved.equals(key) ? fallback : resolved;
	}

}
