package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.wushe.actor.ActorTestData;
import org.wushe.actor.ActorWorkbooks;
import org.wushe.personal.IdNumber;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;

/**
 * Imports and exports of the people served of 新城区 (150102): errors by row and column (scope, categories, the
 * one-file rule within the file and across the country, a child's guardian consent), all-or-nothing or valid rows,
 * sealed personal fields, masked exports unless allowed, and nothing of the sibling county 赛罕区 (150105).
 */
@IntegrationTest
class PersonWorkbookTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String county;

	String sibling;

	String station;

	String leader;

	String tag;

	List<String> header;

	@BeforeEach
	void setUp() throws Exception {
		county = logins.county();
		sibling = logins.sibling();
		station = logins.station();
		leader = logins.leader();
		tag = "导" + System.nanoTime() % 1_000_000;
		byte[] template = mvc.perform(get("/care/persons/import/template").with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(ActorWorkbooks.sheetNames(template)).contains("填写说明");
		header = ActorWorkbooks.read(template).get(0);
		assertThat(header.stream().map(h -> h.replace("*", "")).toList()).contains("姓名", "身份证号", "服务对象类别",
				"监护人姓名");
	}

	/** A row in the template's order: name, gender, birth, id, phone, address, region, categories, risk, ... */
	List<String> row(String name, String birth, String id, String region, String categories, String... consent) {
		List<String> r = new ArrayList<>(List.of(tag + name, "女", birth, id, "", "某街道 1 号", region, categories, "高",
				"独居", ""));
		for (int i = 0; i < 4; i++) {
			r.add(i < consent.length ? consent[i] : "");
		}
		return r;
	}

	static String birthOf(String id) {
		return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
	}

	/** A valid ID number of a child of {@code region6} born on {@code birth}. */
	static String childId(String region6, LocalDate birth) {
		String first17 = region6 + birth.toString().replace("-", "") + String.format("%03d", System.nanoTime() % 1000);
		return first17 + IdNumber.checkChar(first17);
	}

	ResultActions upload(String user, byte[] bytes, String mode) throws Exception {
		return ActorWorkbooks.upload(mvc, "/api/persons/import", user, bytes, mode);
	}

	/** Persons of this test, the one the sibling registered included. */
	long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM care_person WHERE name LIKE :tag").param("tag", tag + "%")
			.query(Long.class).single();
	}

	@Test
	void rowsAreCheckedLikeTheFormAndNamedByRowAndColumn() throws Exception {
		String adult = ActorTestData.idNumber("150102");
		String elsewhere = ActorTestData.idNumber("150105");
		CareFixtures.create(mvc, sibling, "/api/persons", """
				{"regionCode":"150105001","name":"%s已登记","gender":"MALE","birthDate":"%s","idNumber":"%s",
				 "categories":["ELDER_ALONE"],"riskLevel":"LOW"}""".formatted(tag, birthOf(elsewhere), elsewhere));
		LocalDate childBirth = LocalDate.now().minusYears(8);
		String child = childId("150102", childBirth);
		String consented = childId("150102", childBirth.minusDays(3));
		byte[] file = ActorWorkbooks.sheet("服务对象", List.of(header,
				row("甲", birthOf(adult), adult, "150102001001", "高龄、独居"),
				row("乙", childBirth.toString(), child, "150102001", "留守儿童"),
				row("丙", "1950-01-01", "", "150105001", "ELDER_ALONE"),
				row("丁", "1950-01-01", "", "150102001", "高龄、会飞"),
				row("戊", birthOf(adult), adult, "150102001", "独居"),
				row("己", birthOf(elsewhere), elsewhere, "150102001", "独居"),
				row("庚", childBirth.minusDays(3).toString(), consented, "150102001", "CHILD_LEFT_BEHIND", "王父", "父亲",
						LocalDate.now().minusDays(1).toString(), "书面签字"),
				row("辛", "2999-01-01", "", "150102001", "独居")));
		upload(county, file, "ALL").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REJECTED"))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'L')].message")
				.value(hasItem(containsString("监护人同意"))))
			.andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'G')].message").value(hasItem(containsString("150105001"))))
			.andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'H')].message").value(hasItem(containsString("会飞"))))
			.andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'D')].message").value(hasItem(containsString("第 2 行"))))
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'D')].message").value(hasItem(containsString("内蒙古"))))
			.andExpect(jsonPath("$.errors[?(@.row == 7 && @.column == 'D')].message")
				.value(hasItem(org.hamcrest.Matchers.not(containsString("赛罕区")))))
			.andExpect(jsonPath("$.errors[?(@.row == 9 && @.column == 'C')]").isNotEmpty());
		assertThat(stored()).isEqualTo(1);
		upload(county, file, "VALID").andExpect(status().isOk()).andExpect(jsonPath("$.stored").value(2));
		assertThat(stored()).isEqualTo(3);
		Long id = jdbc.sql("SELECT id FROM care_person WHERE name = :n").param("n", tag + "甲").query(Long.class).single();
		String cipher = jdbc.sql("SELECT id_number_cipher FROM care_person WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(cipher).isNotBlank().doesNotContain(adult);
		mvc.perform(get("/api/persons/" + id).with(TestAccounts.as(county)))
			.andExpect(jsonPath("$.idNumber").value(org.hamcrest.Matchers.not(adult)))
			.andExpect(jsonPath("$.categories").value(org.hamcrest.Matchers.contains("ELDER_ADVANCED_AGE", "ELDER_ALONE")))
			.andExpect(jsonPath("$.nextDue").value(LocalDate.now().plusDays(7).toString()));
		mvc.perform(get("/api/persons/" + id).with(TestAccounts.as(sibling))).andExpect(status().isNotFound());
	}

	@Test
	void aSiblingCountyOrTheReadOnlyRoleCannotImportHere() throws Exception {
		byte[] file = ActorWorkbooks.sheet("服务对象", List.of(header, row("甲", "1950-01-01", "", "150102001", "独居")));
		upload(sibling, file, "VALID").andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.errors[0].column").value("G"));
		upload(leader, file, "VALID").andExpect(status().isForbidden());
		byte[] lowerFile = ActorWorkbooks.sheet("服务对象",
				List.of(header, row("乙", "1950-01-01", "", "150102002", "独居")));
		upload(station, lowerFile, "ALL").andExpect(jsonPath("$.state").value("REJECTED"));
		assertThat(stored()).isZero();
	}

	@Test
	void exportsAreMaskedUnlessAllowedAndStayInScope() throws Exception {
		String id = ActorTestData.idNumber("150102");
		String phone = ActorTestData.mobile();
		CareFixtures.create(mvc, county, "/api/persons", """
				{"regionCode":"150102001","name":"%s出","gender":"MALE","birthDate":"%s","idNumber":"%s",
				 "phone":"%s","address":"新城区某街道某小区 3 号楼","categories":["ELDER_ALONE"],"riskLevel":"LOW"}"""
			.formatted(tag, birthOf(id), id, phone));
		List<List<String>> masked = ActorWorkbooks.read(export(county, false));
		String all = masked.toString();
		assertThat(all).contains(tag + "出").doesNotContain(id).doesNotContain(phone).doesNotContain("3 号楼");
		String full = ActorWorkbooks.read(export(county, true)).toString();
		assertThat(full).contains(id, phone, "3 号楼");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = :a AND action = 'personal-data.export'")
			.param("a", county)
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/care/persons/export").param("full", "true").with(TestAccounts.as(station)))
			.andExpect(status().isForbidden());
		assertThat(ActorWorkbooks.read(export(sibling, false)).toString()).doesNotContain(tag + "出");
		mvc.perform(get("/care/persons/export").param("region", "150102").with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(tag))));
	}

	byte[] export(String user, boolean full) throws Exception {
		return mvc.perform(get("/care/persons/export").param("q", tag)
			.param("full", String.valueOf(full))
			.with(TestAccounts.as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
	}

	@Test
	void theImportPageOffersTheTemplateAndBothModes() throws Exception {
		mvc.perform(get("/care/persons/import").with(TestAccounts.as(station)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/care/persons/import/template")))
			.andExpect(content().string(containsString("mode-valid")));
		mvc.perform(get("/care/persons/import").with(TestAccounts.as(leader))).andExpect(status().isForbidden());
	}

}
