package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.AccountService;
import org.wushe.access.Role;
import org.wushe.actor.organization.OrganizationInput;
import org.wushe.actor.organization.OrganizationService;
import org.wushe.actor.volunteer.VolunteerInput;
import org.wushe.actor.volunteer.VolunteerService;
import org.wushe.actor.worker.SocialWorkerService;
import org.wushe.actor.worker.WorkerInput;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;

/**
 * The registry figures ({@link ActorFigures#counts}) come from counters kept at write time; after registrations,
 * edits that move an entry, change its kind, qualification or status, and imports (stored, and refused as a whole),
 * they must equal the count over the registry rows at every level from the country down.
 */
@IntegrationTest
class RegistryFiguresTests {

	static final RegionScope ALL = new RegionScope(RegionCode.COUNTRY);

	static final List<String> REGIONS = List.of("00", "15", "1501", "150102", "150102001", "150102001001", "150105",
			"1502", "150203");

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	ActorFigures figures;

	@Autowired
	OrganizationService organizations;

	@Autowired
	SocialWorkerService workers;

	@Autowired
	VolunteerService volunteers;

	@Autowired
	AccountService accounts;

	@Autowired
	MockMvc mvc;

	void assertCountersMatchTheRows() {
		for (String region : REGIONS) {
			RegionCode code = RegionCode.parse(region);
			assertThat(figures.counts(code)).as(region).isEqualTo(figures.recount(code));
		}
	}

	@Test
	void registrationsAndEditsKeepTheCountersExact() {
		assertCountersMatchTheRows();
		ActorFigures.Counts before = figures.counts(RegionCode.parse("150102"));

		long org = organizations.register(new OrganizationInput("计数机构", ActorTestData.creditCode("150102"),
				"SOCIAL_WORK_AGENCY", "150102001", null, null, null, null, List.of(), "ACTIVE", null), ALL).id();
		long worker = workers.register(new WorkerInput("计数社工", "FEMALE", ActorTestData.idNumber("150102"), null,
				"SOCIAL_WORKER", "C123456", null, "150102001001", null, "ACTIVE", List.of()), ALL).id();
		long volunteer = volunteers.register(new VolunteerInput("计数志愿者", ActorTestData.idNumber("150102"), null,
				"150102", List.of(), List.of(), "ACTIVE"), ALL).id();
		assertCountersMatchTheRows();
		ActorFigures.Counts registered = figures.counts(RegionCode.parse("150102"));
		assertThat(registered).isEqualTo(new ActorFigures.Counts(before.organizations() + 1, before.agencies() + 1,
				before.workers() + 1, before.certifiedWorkers() + 1, before.volunteers() + 1));

		// the agency becomes a foundation in another league; the worker loses the qualification; the volunteer moves
		organizations.update(org, new OrganizationInput("计数机构", organizations.get(ALL, org).creditCode(), "FOUNDATION",
				"150203", null, null, null, null, List.of(), "ACTIVE", null), ALL);
		workers.update(worker, new WorkerInput("计数社工", "FEMALE", "", "", "NONE", "", null, "150102001001", null,
				"ACTIVE", List.of()), ALL);
		volunteers.update(volunteer, new VolunteerInput("计数志愿者", "", "", "150203", List.of(), List.of(), "ACTIVE"),
				ALL);
		assertCountersMatchTheRows();
		assertThat(figures.counts(RegionCode.parse("150102"))).isEqualTo(new ActorFigures.Counts(
				before.organizations(), before.agencies(), before.workers() + 1, before.certifiedWorkers(),
				before.volunteers()));

		// deregistered, left and withdrawn entries are not counted; an edit that changes nothing counted is a no-op
		organizations.update(org, new OrganizationInput("计数机构", organizations.get(ALL, org).creditCode(), "FOUNDATION",
				"150203", null, null, null, null, List.of(), "DEREGISTERED", null), ALL);
		workers.update(worker, new WorkerInput("计数社工", "FEMALE", "", "", "NONE", "", null, "150102001001", null,
				"LEFT", List.of()), ALL);
		volunteers.update(volunteer, new VolunteerInput("计数志愿者", "", "", "150203", List.of(), List.of(), "WITHDRAWN"),
				ALL);
		volunteers.update(volunteer, new VolunteerInput("改名志愿者", "", "", "150203", List.of(), List.of(), "WITHDRAWN"),
				ALL);
		assertCountersMatchTheRows();
		assertThat(figures.counts(RegionCode.parse("150102"))).isEqualTo(before);
	}

	@Test
	void importsCountOnceStoredAndNotAtAllWhenRefused() throws Exception {
		String county = TestAccounts.create(accounts, Role.COUNTY_STAFF, "150102");
		List<String> header = List.of("姓名", "身份证号", "手机号码", "所属区划代码", "所属队伍", "技能特长", "状态");
		List<List<String>> rows = new ArrayList<>(List.of(header));
		for (int i = 0; i < 5; i++) {
			rows.add(List.of("导入计数" + i, ActorTestData.idNumber("150102"), ActorTestData.mobile(),
					i % 2 == 0 ? "150102001" : "150102", "", "", i == 4 ? "已退出" : "正常"));
		}
		ActorFigures.Counts before = figures.counts(RegionCode.parse("150102"));
		mvc.perform(multipart("/api/volunteers/import")
			.file(new MockMultipartFile("file", "名册.xlsx", XLSX, ActorWorkbooks.sheet("志愿者", rows)))
			.param("mode", "ALL")
			.with(TestAccounts.as(county))).andExpect(jsonPath("$.state").value("SUCCEEDED"));
		assertThat(figures.counts(RegionCode.parse("150102")).volunteers()).isEqualTo(before.volunteers() + 4);
		assertCountersMatchTheRows();

		// a wrong row refuses the whole file: nothing stored, nothing counted
		rows.set(1, List.of("导入计数x", "150102199902301234", ActorTestData.mobile(), "150102", "", "", "正常"));
		for (int i = 2; i < rows.size(); i++) {
			List<String> r = new ArrayList<>(rows.get(i));
			r.set(1, ActorTestData.idNumber("150102"));
			rows.set(i, r);
		}
		mvc.perform(multipart("/api/volunteers/import")
			.file(new MockMultipartFile("file", "名册.xlsx", XLSX, ActorWorkbooks.sheet("志愿者", rows)))
			.param("mode", "ALL")
			.with(TestAccounts.as(county))).andExpect(jsonPath("$.state").value("REJECTED"));
		assertThat(figures.counts(RegionCode.parse("150102")).volunteers()).isEqualTo(before.volunteers() + 4);
		assertCountersMatchTheRows();
	}

}
