package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * Bad input against every JSON write endpoint, found from the handler mappings (so a new endpoint is covered without
 * being listed): malformed query strings, wrong JSON types and control characters in every field, oversized fields,
 * broken JSON. No answer is a server error, every 400 names a field (the mutated one where the mutation is the only
 * fault), and no answer repeats the oversized input.
 */
@IntegrationTest
class WriteEndpointFuzzTests {

	static final String HUGE = "长".repeat(100_000);

	/** A 400 must name some field, whichever. */
	static final String ANY_FIELD = "";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(HttpMethod method, String path, Class<?> body) {
	}

	List<Endpoint> writeEndpoints() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			Class<?> body = null;
			for (MethodParameter p : e.getValue().getMethodParameters()) {
				if (p.hasParameterAnnotation(RequestBody.class)) {
					body = p.getParameterType();
				}
			}
			if (body == null) {
				continue;
			}
			for (String pattern : e.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]*}", "1");
				for (RequestMethod m : e.getKey().getMethodsCondition().getMethods()) {
					endpoints.add(new Endpoint(HttpMethod.valueOf(m.name()), path, body));
				}
			}
		}
		return endpoints;
	}

	/** Field name → whether it is text (else: number, boolean, list or object). */
	static Map<String, Class<?>> fields(Class<?> type) {
		Map<String, Class<?>> fields = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent c : type.getRecordComponents()) {
				fields.put(c.getName(), c.getType());
			}
		}
		else {
			for (Field f : type.getDeclaredFields()) {
				if (!Modifier.isStatic(f.getModifiers())) {
					fields.put(f.getName(), f.getType());
				}
			}
		}
		return fields;
	}

	@Test
	void noServerErrorsAndEvery400NamesTheField() throws Exception {
		// one signed-in session (checking a password on every request would dominate the run time)
		String username = TestAccounts.create(accounts, Role.ADMIN, "00");
		MockHttpSession admin = new MockHttpSession();
		mvc.perform(post("/login").session(admin).with(csrf()).param("username", username)
			.param("password", TestAccounts.PASSWORD)).andExpect(redirectedUrl("/"));
		List<Endpoint> endpoints = writeEndpoints();
		assertThat(endpoints).hasSizeGreaterThan(20);
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Endpoint endpoint : endpoints) {
			// a query string that does not decode
			check(failures, endpoint, "query %ZZ", send(endpoint, "{}", admin, r -> {
				r.setQueryString("x=%ZZ&y=%E4%B8");
				return r;
			}), "x");
			check(failures, endpoint, "broken JSON", send(endpoint, "{\"a\":", admin, r -> r), "$");
			// where the body is a list, the array is read and its first element is named instead of the whole body
			check(failures, endpoint, "JSON array", send(endpoint, "[1,2]", admin, r -> r),
					Collection.class.isAssignableFrom(endpoint.body()) ? "[0]" : "$");
			sent += 3;
			for (Map.Entry<String, Class<?>> field : fields(endpoint.body()).entrySet()) {
				String name = field.getKey();
				boolean text = field.getValue() == String.class;
				boolean list = Collection.class.isAssignableFrom(field.getValue());
				String wrong = text ? "{\"x\":1}" : list ? "\"x\"" : "\"不是数字\"";
				check(failures, endpoint, name + " wrong type", send(endpoint, body(name, wrong), admin, r -> r),
						name);
				check(failures, endpoint, name + " nested wrong type",
						send(endpoint, body(name, "[[{\"x\":[1]}]]"), admin, r -> r), ANY_FIELD);
				sent += 2;
				if (text) {
					for (String bad : new String[] { "\\u0000", "\\u001b[2J", "\\u202e", "\\u0085" }) {
						check(failures, endpoint, name + " control " + bad,
								send(endpoint, body(name, "\"a" + bad + "b\""), admin, r -> r), name);
						sent++;
					}
					MockHttpServletResponse huge = send(endpoint, body(name, "\"" + HUGE + "\""), admin, r -> r);
					check(failures, endpoint, name + " oversized", huge, ANY_FIELD);
					if (huge.getContentAsString().length() > 5_000) {
						failures.add(endpoint + " " + name + " oversized: answer repeats the input");
					}
					sent++;
				}
			}
		}
		assertThat(failures).as("of %d requests to %d endpoints", sent, endpoints.size()).isEmpty();
	}

	/**
	 * Duplicate races: every write endpoint gets the same request four times at once (broken JSON, and each field
	 * with a value of the wrong type), as a double-clicked button or a retrying client sends it. No answer is a server
	 * error, every 400 names a field, and the four answers agree. (Races between valid requests on a unique key are {@link DuplicateRaceTests}.)
	 */
	@Test
	void identicalRequestsAtOnceNeverGiveAServerError() throws Exception {
		String username = TestAccounts.create(accounts, Role.ADMIN, "00");
		MockHttpSession admin = new MockHttpSession();
		mvc.perform(post("/login").session(admin).with(csrf()).param("username", username)
			.param("password", TestAccounts.PASSWORD)).andExpect(redirectedUrl("/"));
		List<Endpoint> endpoints = writeEndpoints();
		List<String> failures = new ArrayList<>();
		ExecutorService racers = Executors.newFixedThreadPool(4);
		int sent = 0;
		try {
			for (Endpoint endpoint : endpoints) {
				// bad bodies only: a valid one would really act on whatever record the path's id names
				List<String> bodies = new ArrayList<>(List.of("{\"a\":"));
				fields(endpoint.body()).forEach((name, type) -> bodies.add(body(name,
						type == String.class ? "{\"x\":1}" : Collection.class.isAssignableFrom(type) ? "\"x\"" : "\"不是数字\"")));
				for (String body : bodies) {
					List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
					for (int i = 0; i < 4; i++) {
						answers.add(racers.submit(() -> send(endpoint, body, admin, r -> r)));
					}
					List<Integer> statuses = new ArrayList<>();
					for (Future<MockHttpServletResponse> answer : answers) {
						MockHttpServletResponse response = answer.get(60, TimeUnit.SECONDS);
						statuses.add(response.getStatus());
						check(failures, endpoint, "race " + body, response, ANY_FIELD);
					}
					if (statuses.stream().distinct().count() > 1) {
						failures.add(endpoint.method() + " " + endpoint.path() + " [race " + body + "] answers differ: "
								+ statuses);
					}
					sent += 4;
				}
			}
		}
		finally {
			racers.shutdownNow();
		}
		assertThat(failures).as("of %d requests to %d endpoints", sent, endpoints.size()).isEmpty();
	}

	private static String body(String field, String json) {
		return "{\"" + field + "\":" + json + "}";
	}

	private MockHttpServletResponse send(Endpoint endpoint, String body, MockHttpSession session,
			RequestPostProcessor extra) throws Exception {
		return mvc.perform(request(endpoint.method(), endpoint.path()).session(session)
			.with(csrf())
			.with(extra)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn().getResponse();
	}

	/**
	 * No 5xx; a 400 is a ProblemDetail with a detail that names a field; where the mutation is the request's only
	 * fault (a type, a character, the JSON, the query string), it names that field ({@code expectedField}; any field
	 * with {@link #ANY_FIELD}, where another fault of the request may be met first).
	 */
	private static void check(List<String> failures, Endpoint endpoint, String what, MockHttpServletResponse response,
			String expectedField) throws Exception {
		String where = endpoint.method() + " " + endpoint.path() + " [" + what + "] ";
		if (response.getStatus() >= 500) {
			failures.add(where + response.getStatus() + " " + abbreviate(response.getContentAsString()));
			return;
		}
		if (response.getStatus() != 400) {
			return;
		}
		String json = response.getContentAsString();
		if (!json.contains("\"detail\"")) {
			failures.add(where + "400 without a detail: " + abbreviate(json));
		}
		List<String> named;
		try {
			named = JsonPath.read(json, "$.errors[*].field");
		}
		catch (RuntimeException ex) {
			named = List.of();
		}
		if (named.isEmpty()) {
			failures.add(where + "400 names no field: " + abbreviate(json));
		}
		else if (named.stream().noneMatch(f -> f.startsWith(expectedField))) {
			failures.add(where + "400 names " + named + ", not " + expectedField);
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…" : s;
	}

}
