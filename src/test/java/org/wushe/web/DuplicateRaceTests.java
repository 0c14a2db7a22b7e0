package org.wushe.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

import com.jayway.jsonpath.JsonPath;

/**
 * The same create sent several times at once, against every create endpoint with a unique key: one is stored, the
 * others are refused with a Chinese message (409, or 400 where the service names the field), never a server error.
 */
@IntegrationTest
class DuplicateRaceTests {

	static final int PARALLEL = 6;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	String admin;

	String county;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		admin = TestAccounts.create(accounts, Role.ADMIN, "15");
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		pool = Executors.newFixedThreadPool(PARALLEL);
	}

	@AfterEach
	void tearDown() {
		pool.shutdownNow();
	}

	@Test
	void parallelAccountsWithTheSameUsernameGiveOneAccountAndConflicts() throws Exception {
		String name = "race-" + System.nanoTime() % 1_000_000;
		List<MockHttpServletResponse> answers = race(admin, "/api/accounts", () -> """
				{"username":"%s","displayName":"并发","regionCode":"150102","role":"COUNTY_STAFF",
				 "password":"Fa9#kq-long-pass"}""".formatted(name));
		assertOneCreatedOthersRefused(answers);
		assertThat(answers).filteredOn(a -> a.getStatus() == 409).allSatisfy(a -> {
			assertThat(text(a, "$.detail")).contains("用户名");
			assertThat(text(a, "$.errors[0].field")).isEqualTo("username");
		});
	}

	@Test
	void parallelBannedAndWrongWordsGiveOneWordAndConflicts() throws Exception {
		String word = "并发词" + System.nanoTime() % 1_000_000;
		assertOneCreatedOthersRefused(race(admin, "/api/article-words/banned", () -> """
				{"word":"%s","note":"n"}""".formatted(word)));
		assertOneCreatedOthersRefused(race(admin, "/api/article-words/wrong", () -> """
				{"wrong":"%s","suggestion":"正确"}""".formatted(word)));
	}

	@Test
	void parallelRegistryEntriesWithTheSameKeyGiveOneEntryAndRefusals() throws Exception {
		String code = ActorTestData.creditCode("150102");
		assertOneCreatedOthersRefused(race(county, "/api/organizations", () -> """
				{"name":"并发协会","creditCode":"%s","kind":"OTHER","regionCode":"150102"}""".formatted(code)));
		String id = ActorTestData.idNumber("150102");
		assertOneCreatedOthersRefused(race(county, "/api/volunteers", () -> """
				{"name":"并发","idNumber":"%s","regionCode":"150102"}""".formatted(id)));
		String worker = ActorTestData.idNumber("150102");
		assertOneCreatedOthersRefused(race(county, "/api/workers", () -> """
				{"name":"并发","gender":"MALE","idNumber":"%s","phone":"%s","qualification":"SOCIAL_WORKER",
				 "certificateNumber":"Z2023150100999","regionCode":"150102"}""".formatted(worker, ActorTestData.mobile())));
	}

	@Test
	void aDuplicateKeyMessageIsReadAsAFieldOnBothDatabases() {
		assertThat(IntegrityViolation.camel("ID_NUMBER_HASH")).isEqualTo("idNumber");
		assertThat(IntegrityViolation.camel("username")).isEqualTo("username");
		assertThat(IntegrityViolation.camel("site_id")).isEqualTo("siteId");
	}

	private List<MockHttpServletResponse> race(String user, String path, Supplier<String> body) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
		for (int i = 0; i < PARALLEL; i++) {
			Callable<MockHttpServletResponse> call = () -> {
				start.await();
				return mvc.perform(post(path).with(TestAccounts.as(user))
					.contentType(MediaType.APPLICATION_JSON)
					.content(body.get())).andReturn().getResponse();
			};
			futures.add(pool.submit(call));
		}
		start.countDown();
		List<MockHttpServletResponse> answers = new ArrayList<>();
		for (Future<MockHttpServletResponse> f : futures) {
			answers.add(f.get());
		}
		return answers;
	}

	private static void assertOneCreatedOthersRefused(List<MockHttpServletResponse> answers) throws Exception {
		List<Integer> statuses = answers.stream().map(MockHttpServletResponse::getStatus).toList();
		String bodies = answers.stream().map(DuplicateRaceTests::body).toList().toString();
		assertThat(statuses).as(bodies).filteredOn(s -> s == 201).hasSize(1);
		assertThat(statuses).as(bodies).allMatch(s -> s == 201 || s == 409 || s == 400);
		for (MockHttpServletResponse a : answers) {
			if (a.getStatus() != 201) {
				assertThat(text(a, "$.detail")).as("detail").containsPattern("\\p{IsHan}");
			}
		}
	}

	private static String body(MockHttpServletResponse a) {
		try {
			return a.getStatus() + " " + a.getContentAsString();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static String text(MockHttpServletResponse a, String path) {
		try {
			Object v = JsonPath.read(a.getContentAsString(), path);
			return String.valueOf(v);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
