package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * The volunteering pages: the attendance sheet records all rows or none (422 with the errors in place), records are
 * confirmed and disputed in place, and every page of another county answers 404.
 */
@IntegrationTest
class VolunteeringPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	String user;

	String sibling;

	long volunteer;

	long project;

	long hours;

	long account;

	@BeforeEach
	void setUp() throws Exception {
		user = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		sibling = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150105");
		VolunteeringFixtures f = new VolunteeringFixtures(mvc, user);
		volunteer = f.volunteer("150102001");
		project = f.project("150102001", f.team("150102001"), true);
		hours = f.hours(project, volunteer, 2, 9, 60);
		f.confirm(f.hours(project, volunteer, 3, 9, 60));
		account = jdbc.sql("SELECT id FROM timebank_account WHERE volunteer_id = :v").param("v", volunteer)
			.query(Long.class).single();
	}

	List<String> pages() {
		return List.of("/volunteering/projects/" + project, "/volunteering/volunteers/" + volunteer + "/hours",
				"/volunteering/timebank/" + account);
	}

	@Test
	void pagesRenderForTheOwnerAndAreNotFoundForASibling() throws Exception {
		for (String page : pages()) {
			mvc.perform(get(page).with(TestAccounts.as(user))).andExpect(status().isOk());
			mvc.perform(get(page).with(TestAccounts.as(sibling))).andExpect(status().isNotFound());
		}
		for (String page : List.of("/volunteering", "/volunteering/certificates", "/volunteering/timebank")) {
			mvc.perform(get(page).with(TestAccounts.as(user))).andExpect(status().isOk());
			mvc.perform(get(page).with(TestAccounts.as(sibling)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("/volunteering/projects/" + project + "\""))));
		}
		mvc.perform(post("/volunteering/hours/{id}/confirm", hours).with(csrf()).with(TestAccounts.as(sibling)))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT status FROM service_hours WHERE id = :id").param("id", hours).query(String.class)
			.single()).isEqualTo("RECORDED");
	}

	@Test
	void theSheetIsStoredWholeOrNotAtAll() throws Exception {
		String day = LocalDate.now().minusDays(5).toString();
		long before = count();
		mvc.perform(post("/volunteering/projects/{id}/hours", project).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true")
			.param("volunteerId", Long.toString(volunteer), Long.toString(volunteer), "")
			.param("start", day + "T09:00", day + "T10:00", "")
			.param("end", day + "T09:45", day + "T10:00", "")
			.param("content", "打扫", "打扫", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("结束时间")))
			.andExpect(content().string(containsString("没有保存")));
		assertThat(count()).isEqualTo(before);
		mvc.perform(post("/volunteering/projects/{id}/hours", project).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true")
			.param("volunteerId", Long.toString(volunteer))
			.param("start", day + "T09:00")
			.param("end", day + "T09:45")
			.param("content", "打扫"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已记录 1 条")));
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void recordsAreConfirmedAndDisputedInPlace() throws Exception {
		mvc.perform(post("/volunteering/hours/{id}/dispute", hours).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true")
			.header("HX-Prompt", "%E5%8F%AA%E6%9C%8D%E5%8A%A1%E4%BA%8630%E5%88%86%E9%92%9F")
			.param("view", "card"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("有异议")))
			.andExpect(content().string(containsString("只服务了30分钟")));
		mvc.perform(post("/volunteering/hours/{id}/confirm", hours).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已确认")));
		mvc.perform(post("/volunteering/hours/{id}/confirm", hours).with(csrf()).with(TestAccounts.as(user))
			.header("HX-Request", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("已确认")));
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM service_hours WHERE volunteer_id = :v").param("v", volunteer)
			.query(Long.class).single();
	}

}
