package org.wushe.actor.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.personal.IdNumber;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

@IntegrationTest
class VolunteerApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	VolunteerService volunteers;

	String county;

	@BeforeEach
	void setUp() {
		county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
	}

	@Test
	void registersWithAVolunteerNumberAndMaskedPersonalData() throws Exception {
		String idNumber = ActorTestData.idNumber("150102");
		String phone = ActorTestData.mobile();
		mvc.perform(post("/api/volunteers").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"乌日娜","idNumber":"%s","phone":"%s","regionCode":"150102001001",
					 "teams":["新城区青年志愿服务队"],"skills":["急救、手语"]}""".formatted(idNumber, phone)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.volunteerNumber", matchesPattern("150102\\d{8}")))
			.andExpect(jsonPath("$.idNumber").value(IdNumber.mask(idNumber)))
			.andExpect(jsonPath("$.phone").value(phone.substring(0, 3) + "****" + phone.substring(7)))
			.andExpect(jsonPath("$.skills[1]").value("手语"))
			.andExpect(content().string(not(containsString(idNumber))))
			.andExpect(content().string(not(containsString(phone))));
		mvc.perform(get("/api/volunteers").param("q", "手语").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[*].name", hasItem("乌日娜")))
			.andExpect(content().string(not(containsString(idNumber))));
	}

	@Test
	void refusesADuplicateIdNumber() throws Exception {
		String idNumber = ActorTestData.idNumber("150102");
		String body = """
				{"name":"张三","idNumber":"%s","regionCode":"150102"}""".formatted(idNumber);
		mvc.perform(post("/api/volunteers").with(TestAccounts.as(county)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
		mvc.perform(post("/api/volunteers").with(TestAccounts.as(county)).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"));
	}

	@Test
	void concurrentRegistrationsGetDistinctConsecutiveNumbers() throws Exception {
		RegionScope scope = new RegionScope(RegionCode.parse("150105"));
		int n = 24;
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Volunteer>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				String idNumber = ActorTestData.idNumber("150105");
				Callable<Volunteer> task = () -> volunteers.register(new VolunteerInput("并发" + idNumber.substring(14),
						idNumber, null, "150105001", List.of(), List.of(), null), scope);
				futures.add(pool.submit(task));
			}
			Set<String> numbers = new HashSet<>();
			for (Future<Volunteer> f : futures) {
				numbers.add(f.get().volunteerNumber());
			}
			assertThat(numbers).hasSize(n).allMatch(s -> s.startsWith("150105") && s.length() == 14);
			List<Long> sequence = numbers.stream().map(s -> Long.parseLong(s.substring(6))).sorted().toList();
			assertThat(sequence.get(n - 1) - sequence.get(0)).isEqualTo(n - 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void countsPerRegion() throws Exception {
		String city = TestAccounts.create(accounts, Role.CITY_STAFF, "1501");
		String before = mvc.perform(get("/api/volunteers/counts").param("within", "1501").with(TestAccounts.as(city)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Object> totals = com.jayway.jsonpath.JsonPath.read(before, "$.rows[?(@.regionCode == '150102')].total");
		long was = ((Number) totals.get(0)).longValue();
		mvc.perform(post("/api/volunteers").with(TestAccounts.as(county)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"计数","idNumber":"%s","regionCode":"150102"}""".formatted(ActorTestData.idNumber("150102"))))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/volunteers/counts").param("within", "1501").with(TestAccounts.as(city)))
			.andExpect(jsonPath("$.rows[?(@.regionCode == '150102')].total").value(hasItem((int) was + 1)));
	}

}
