package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceDomainTests {

	@Test
	void readsListsSeparatedTheWayPeopleSeparateThem() {
		assertThat(ServiceDomain.parseList("老年人、残疾人")).containsExactly(ServiceDomain.ELDERLY,
				ServiceDomain.DISABLED);
		assertThat(ServiceDomain.parseList("妇女，儿童青少年")).containsExactly(ServiceDomain.WOMEN,
				ServiceDomain.CHILDREN);
		assertThat(ServiceDomain.parseList("妇女,困难群体 其他")).containsExactly(ServiceDomain.WOMEN, ServiceDomain.NEEDY,
				ServiceDomain.OTHER);
		assertThat(ServiceDomain.parseList("老人　儿童；困难群众等")).containsExactly(ServiceDomain.ELDERLY,
				ServiceDomain.CHILDREN, ServiceDomain.NEEDY);
		assertThat(ServiceDomain.parseAll(List.of("ELDERLY", "women"))).containsExactly(ServiceDomain.ELDERLY,
				ServiceDomain.WOMEN);
	}

	@Test
	void refusesUnknownNamesAndEmptyLists() {
		assertThatThrownBy(() -> ServiceDomain.parseList("老年人、宇航员")).isInstanceOf(Unreadable.class)
			.extracting(e -> ((Unreadable) e).args()[0])
			.isEqualTo("宇航员");
		assertThatThrownBy(() -> ServiceDomain.parseList(" 、 ")).isInstanceOf(Unreadable.class);
		assertThatThrownBy(() -> ServiceDomain.parseAll(List.of())).isInstanceOf(Unreadable.class);
	}

	@Test
	void masksRoundTrip() {
		EnumSet<ServiceDomain> set = EnumSet.of(ServiceDomain.DISABLED, ServiceDomain.OTHER);
		assertThat(ServiceDomain.ofMask(ServiceDomain.mask(set))).isEqualTo(set);
		assertThat(ServiceDomain.ELDERLY.officialName()).isEqualTo("老年人");
		assertThat(ServiceDomain.CHILDREN.officialName()).isEqualTo("儿童青少年");
	}

}
