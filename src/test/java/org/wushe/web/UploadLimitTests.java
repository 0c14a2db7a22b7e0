package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestDatabase;

/**
 * A 30 MB upload against the real server, where the multipart limit (20 MB) is enforced: the API answers a 413
 * ProblemDetail and an import page (htmx) an in-place message, both naming the limit. MockMvc cannot show this: it
 * never applies the servlet container's limit.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@Tag("integration")
class UploadLimitTests {

	static final String LIMIT_TEXT = "20 MB";

	static final String BOUNDARY = "----wushe-upload-limit";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	String user;

	HttpClient http;

	@BeforeEach
	void setUp() {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	}

	@Test
	void apiImportsAnswerA413ProblemNamingTheLimit() throws Exception {
		for (String path : List.of("/api/sites/import", "/api/volunteers/import")) {
			HttpResponse<String> answer = http.send(upload(path).header("Authorization", basic())
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(path).isEqualTo(413);
			assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.body()).as(path).contains("上传的文件超过 " + LIMIT_TEXT).contains("\"status\":413");
		}
	}

	@Test
	void importPagesShowTheLimitInPlace() throws Exception {
		for (String page : List.of("/sites/import", "/volunteers/import", "/workers/import")) {
			HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri(page)).header("Authorization", basic())
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(form.statusCode()).as(page).isEqualTo(200);
			HttpResponse<String> answer = http.send(upload(page).header("Authorization", basic())
				.header("HX-Request", "true")
				.header(meta(form.body(), "_csrf_header"), meta(form.body(), "_csrf"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(answer.statusCode()).as(page).isEqualTo(422);
			assertThat(answer.body()).as(page)
				.contains("alert-danger")
				.contains("上传的文件超过 " + LIMIT_TEXT)
				.doesNotContain("<html");
		}
	}

	@Test
	void aPlainFormPostWithoutScriptsGetsTheErrorPageNamingTheLimit() throws Exception {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/organizations/import"))
			.header("Authorization", basic())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> answer = http.send(upload("/organizations/import", meta(form.body(), "_csrf"))
			.header("Authorization", basic())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("<html").contains("上传的文件超过 " + LIMIT_TEXT);
	}

	private HttpRequest.Builder upload(String path) {
		return upload(path, null);
	}

	/** A multipart POST of a 30 MB "workbook" to {@code path}, with the CSRF token as a form field if given. */
	private HttpRequest.Builder upload(String path, String csrfField) {
		String token = csrfField == null ? ""
				: "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfField + "\r\n";
		byte[] head = (token + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nALL\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
		List<byte[]> parts = new ArrayList<>();
		parts.add(head);
		for (int i = 0; i < 30; i++) {
			parts.add(new byte[1024 * 1024]);
		}
		parts.add(tail);
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String meta(String html, String name) {
		Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as(name).isTrue();
		return m.group(1);
	}

}
