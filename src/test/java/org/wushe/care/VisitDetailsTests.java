package org.wushe.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.access.Role;
import org.wushe.actor.ActorTestData;
import org.wushe.support.IntegrationTest;
import org.wushe.support.TestAccounts;
import org.wushe.support.TestLogins;
import org.wushe.support.TestFiles;

import com.jayway.jsonpath.JsonPath;

/**
 * Who went on a visit and its photos: visitors are registered workers and volunteers of the caller's scope (a worker
 * of the sibling county 赛罕区 is refused, naming the field), photos lose their metadata and are served only to the
 * scope of the visited person.
 */
@IntegrationTest
class VisitDetailsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestLogins logins;

	@Autowired
	JdbcClient jdbc;

	String county;

	String sibling;

	String lower;

	long person;

	long worker;

	long volunteer;

	long siblingWorker;

	@BeforeEach
	void setUp() throws Exception {
		county = logins.county();
		sibling = logins.sibling();
		lower = logins.create(Role.STATION_WORKER, "150102002");
		person = CareFixtures.person(mvc, county, "150102001001");
		worker = CareFixtures.create(mvc, county, "/api/workers", """
				{"name":"探访社工","gender":"FEMALE","idNumber":"%s","qualification":"NONE","regionCode":"150102001"}"""
			.formatted(ActorTestData.idNumber("150102")));
		volunteer = CareFixtures.create(mvc, county, "/api/volunteers", """
				{"name":"探访志愿者","idNumber":"%s","regionCode":"150102"}""".formatted(ActorTestData.idNumber("150102")));
		siblingWorker = CareFixtures.create(mvc, sibling, "/api/workers", """
				{"name":"邻区社工","gender":"MALE","idNumber":"%s","qualification":"NONE","regionCode":"150105"}"""
			.formatted(ActorTestData.idNumber("150105")));
	}

	long visits() {
		return jdbc.sql("SELECT COUNT(*) FROM care_visit WHERE person_id = :p").param("p", person)
			.query(Long.class).single();
	}

	String body(String visitors, String volunteers) {
		return """
				{"date":"%s","way":"HOME","visitorIds":[%s],"volunteerIds":[%s],"followUp":"NONE"}"""
			.formatted(LocalDate.now(), visitors, volunteers);
	}

	@Test
	void visitorsAreRegisteredWorkersAndVolunteersOfTheScope() throws Exception {
		mvc.perform(post("/api/persons/" + person + "/visits").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(String.valueOf(worker), String.valueOf(volunteer))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.visitorIds[0]").value(worker))
			.andExpect(jsonPath("$.volunteerIds[0]").value(volunteer))
			.andExpect(jsonPath("$.visitors[0].name").value("探访社工"))
			.andExpect(jsonPath("$.visitors[1].name").value("探访志愿者"));
		mvc.perform(get("/api/persons/" + person + "/visits").with(TestAccounts.as(county)))
			.andExpect(jsonPath("$[0].visitors[1].kind").value("VOLUNTEER"));
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString("探访志愿者")));
		assertThat(visits()).isEqualTo(1);
		mvc.perform(post("/api/persons/" + person + "/visits").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(String.valueOf(siblingWorker), "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visitorIds"))
			.andExpect(jsonPath("$.detail").value(containsString(String.valueOf(siblingWorker))));
		mvc.perform(post("/api/persons/" + person + "/visits").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("", String.valueOf(worker + volunteer + 999_999))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("volunteerIds"))
			.andExpect(jsonPath("$.detail").value(containsString("志愿者")));
		assertThat(visits()).isEqualTo(1);
	}

	@Test
	void tooManyVisitorsAnUnreadableIdOrABrokenPhotoIsA400() throws Exception {
		String many = java.util.stream.LongStream.rangeClosed(1, VisitDetails.MAX_VISITORS + 1)
			.mapToObj(i -> String.valueOf(worker + i * 1_000_000))
			.collect(java.util.stream.Collectors.joining(","));
		mvc.perform(post("/api/persons/" + person + "/visits").with(TestAccounts.as(county))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(many, "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visitorIds"))
			.andExpect(jsonPath("$.detail").value(containsString(String.valueOf(VisitDetails.MAX_VISITORS + 1))));
		mvc.perform(multipart("/api/persons/" + person + "/visits").with(TestAccounts.as(county))
			.param("date", LocalDate.now().toString())
			.param("way", "HOME")
			.param("followUp", "NONE")
			.param("visitorIds", "abc"))
			.andExpect(status().isBadRequest());
		// a file that starts like a JPEG but is not one
		byte[] broken = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 2, 3 };
		mvc.perform(multipart("/api/persons/" + person + "/visits")
			.file(new MockMultipartFile("visitPhotos", "坏图.jpg", "image/jpeg", broken))
			.with(TestAccounts.as(county))
			.param("date", LocalDate.now().toString())
			.param("way", "HOME")
			.param("followUp", "NONE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visitPhotos"));
		assertThat(visits()).isZero();
	}

	@Test
	void photosLoseTheirMetadataAndStayInScope() throws Exception {
		byte[] gps = TestFiles.jpegWithGps();
		assertThat(TestFiles.contains(gps, TestFiles.GPS_MARK)).isTrue();
		String json = mvc.perform(multipart("/api/persons/" + person + "/visits")
			.file(new MockMultipartFile("visitPhotos", "现场.jpg", "image/jpeg", gps))
			.param("date", LocalDate.now().toString())
			.param("way", "HOME")
			.param("visitorIds", String.valueOf(worker))
			.param("followUp", "NEED")
			.with(TestAccounts.as(county))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		long visit = ((Number) JsonPath.read(json, "$.id")).longValue();
		long photo = ((Number) JsonPath.read(json, "$.photos[0].id")).longValue();
		String path = "/care/visits/" + visit + "/photos/" + photo;
		byte[] served = mvc.perform(get(path).with(TestAccounts.as(county)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(served).isNotEmpty();
		assertThat(TestFiles.contains(served, TestFiles.GPS_MARK)).isFalse();
		mvc.perform(get(path).param("thumb", "true").with(TestAccounts.as(county))).andExpect(status().isOk());
		for (String outsider : new String[] { sibling, lower }) {
			mvc.perform(get(path).with(TestAccounts.as(outsider))).andExpect(status().isNotFound());
		}
		mvc.perform(get("/care/persons/" + person).with(TestAccounts.as(county)))
			.andExpect(content().string(containsString(path)));
		long before = visits();
		mvc.perform(multipart("/api/persons/" + person + "/visits")
			.file(new MockMultipartFile("visitPhotos", "假照片.jpg", "image/jpeg",
					"这不是图片".getBytes(StandardCharsets.UTF_8)))
			.param("date", LocalDate.now().toString())
			.param("way", "HOME")
			.param("followUp", "NONE")
			.with(TestAccounts.as(county)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("visitPhotos"))
			.andExpect(jsonPath("$.detail").value(containsString("假照片.jpg")));
		assertThat(visits()).isEqualTo(before);
	}

	@Test
	void theVisitFormTakesVisitorsAndPhotos() throws Exception {
		mvc.perform(multipart("/care/persons/" + person + "/visits")
			.file(new MockMultipartFile("visitPhotos", "a.png", "image/png", TestFiles.image("png", 40, 30)))
			.param("date", LocalDate.now().toString())
			.param("way", "PHONE")
			.param("volunteerIds", String.valueOf(volunteer))
			.param("followUp", "NONE")
			.with(TestAccounts.as(county))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(multipart("/care/persons/" + person + "/visits")
			.param("date", LocalDate.now().toString())
			.param("way", "PHONE")
			.param("visitorIds", String.valueOf(siblingWorker))
			.param("followUp", "NONE")
			.with(TestAccounts.as(county))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("探访人员")));
		assertThat(visits()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM care_visit_photo WHERE person_id = :p").param("p", person)
			.query(Long.class).single()).isEqualTo(1);
	}

}
