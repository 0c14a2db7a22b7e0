package org.wushe.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.access.Permissions;
import org.wushe.actor.registry.RegistryPermissions;
import org.wushe.support.IntegrationTest;

/**
 * The registry pages and API take their permissions as a parameter ({@code hasAuthority(this.permissions().view())});
 * the actor registries still ask exactly actor:view to read, actor:manage to write and personal-data:view besides
 * to read full personal data, on every endpoint the shared bases serve.
 */
@IntegrationTest
class RegistryPermissionTests {

	private static final List<String> REGISTRIES = List.of("organizations", "workers", "volunteers");

	@Autowired
	MockMvc mvc;

	static RequestPostProcessor holding(String... permissions) {
		return user("permission-probe").authorities(java.util.Arrays.stream(permissions)
			.map(org.springframework.security.core.authority.SimpleGrantedAuthority::new)
			.toList());
	}

	static List<MockHttpServletRequestBuilder> reads(String registry) {
		return List.of(get("/" + registry), get("/" + registry + "/1"), get("/" + registry + "/counts"),
				get("/api/" + registry), get("/api/" + registry + "/1"), get("/api/" + registry + "/counts"));
	}

	static List<MockHttpServletRequestBuilder> writes(String registry) {
		return List.of(get("/" + registry + "/new"), post("/" + registry).with(csrf()),
				get("/" + registry + "/1/edit"), post("/" + registry + "/1").with(csrf()),
				post("/api/" + registry).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"),
				put("/api/" + registry + "/1").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"));
	}

	static List<MockHttpServletRequestBuilder> personalData(String registry) {
		return List.of(get("/" + registry + "/1/personal-data"), get("/api/" + registry + "/1/personal-data"));
	}

	@Test
	void aRegistryCannotBeServedWithoutBothPermissions() {
		assertThat(RegistryPermissions.ACTOR)
			.isEqualTo(new RegistryPermissions(Permissions.ACTOR_VIEW, Permissions.ACTOR_MANAGE));
		assertThatIllegalArgumentException().isThrownBy(() -> new RegistryPermissions(null, Permissions.ACTOR_MANAGE));
		assertThatIllegalArgumentException().isThrownBy(() -> new RegistryPermissions(Permissions.ACTOR_VIEW, " "));
	}

	@Test
	void withoutActorViewNothingIsServed() throws Exception {
		RequestPostProcessor other = holding(Permissions.SITE_VIEW, Permissions.PERSONAL_DATA_VIEW);
		for (String registry : REGISTRIES) {
			for (List<MockHttpServletRequestBuilder> requests : List.of(reads(registry), writes(registry),
					personalData(registry))) {
				for (MockHttpServletRequestBuilder request : requests) {
					mvc.perform(request.with(other)).andExpect(status().isForbidden());
				}
			}
		}
	}

	@Test
	void readingAloneNeitherWritesNorRevealsPersonalData() throws Exception {
		RequestPostProcessor reader = holding(Permissions.ACTOR_VIEW);
		for (String registry : REGISTRIES) {
			// the probe itself is let through where actor:view is enough (the check fails only for want of it)
			mvc.perform(get("/api/" + registry + "/counts").with(reader))
				.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(403));
			for (List<MockHttpServletRequestBuilder> requests : List.of(writes(registry), personalData(registry))) {
				for (MockHttpServletRequestBuilder request : requests) {
					mvc.perform(request.with(reader)).andExpect(status().isForbidden());
				}
			}
		}
	}

	@Test
	void managingWithoutViewingIsNotEnoughToRevealPersonalData() throws Exception {
		RequestPostProcessor manager = holding(Permissions.ACTOR_MANAGE, Permissions.PERSONAL_DATA_VIEW);
		for (String registry : REGISTRIES) {
			for (MockHttpServletRequestBuilder request : personalData(registry)) {
				mvc.perform(request.with(manager)).andExpect(status().isForbidden());
			}
		}
	}

}
