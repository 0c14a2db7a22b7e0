package org.wushe.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTests {

	/** Builds a fully valid code from authority, category, region and an 8-character organization code body. */
	static String valid(String authorityCategoryRegion, String orgBody) {
		String first17 = authorityCategoryRegion + orgBody + CreditCode.organizationCheckChar(orgBody);
		return first17 + CreditCode.checkChar(first17);
	}

	@Test
	void acceptsAPublishedExample() {
		// the example printed in GB 32100-2015 explanations
		CreditCode.Verdict verdict = CreditCode.check("91350100M000100Y43");
		assertThat(verdict.acceptable()).isTrue();
		assertThat(verdict.warning()).isFalse();
	}

	@Test
	void acceptsBuiltCodesAndNormalises() {
		String code = valid("52150105", "MJ123456");
		CreditCode.Verdict verdict = CreditCode.check(" " + code.toLowerCase() + " ");
		assertThat(verdict.acceptable()).isTrue();
		assertThat(verdict.warning()).isFalse();
		assertThat(verdict.value()).isEqualTo(code);
	}

	@Test
	void aWrongFinalCheckCharacterIsOnlyAWarning() {
		String code = valid("51150102", "50012345");
		char wrong = code.charAt(17) == '0' ? '1' : '0';
		CreditCode.Verdict verdict = CreditCode.check(code.substring(0, 17) + wrong);
		assertThat(verdict.acceptable()).isTrue();
		assertThat(verdict.warning()).isTrue();
	}

	@Test
	void rejectsAWrongOrganizationCodeCheck() {
		String code = valid("53150102", "12345678");
		String broken = code.substring(0, 16) + (code.charAt(16) == '0' ? '1' : '0');
		String rechecked = broken.substring(0, 17) + CreditCode.checkChar(broken.substring(0, 17));
		assertThat(CreditCode.check(rechecked).errorKey()).isEqualTo("actor.credit-code.organization-code");
	}

	@Test
	void rejectsAWrongLength() {
		assertThat(CreditCode.check("91350100M000100Y4").errorKey()).isEqualTo("actor.credit-code.length");
		assertThat(CreditCode.check("91350100M000100Y433").errorKey()).isEqualTo("actor.credit-code.length");
		assertThat(CreditCode.check("").errorKey()).isEqualTo("actor.credit-code.blank");
	}

	@Test
	void rejectsCharactersOutsideTheCharset() {
		// I, O, S, V and Z are not used
		assertThat(CreditCode.check("91350100M000100I43").errorKey()).isEqualTo("actor.credit-code.characters");
		assertThat(CreditCode.check("91350100M0001O0Y43").errorKey()).isEqualTo("actor.credit-code.characters");
		assertThat(CreditCode.check("91350100M000100Y4-").errorKey()).isEqualTo("actor.credit-code.characters");
	}

	@Test
	void rejectsAnUnknownAuthorityCategoryOrRegion() {
		String badAuthority = "B" + valid("51150102", "50012345").substring(1);
		assertThat(CreditCode.check(badAuthority).errorKey()).isEqualTo("actor.credit-code.authority");
		String badCategory = valid("50150102", "50012345");
		assertThat(CreditCode.check(badCategory).errorKey()).isEqualTo("actor.credit-code.category");
		String badRegion = valid("5115A102", "50012345");
		assertThat(CreditCode.check(badRegion).errorKey()).isEqualTo("actor.credit-code.region");
	}

	@Test
	void organizationCheckCharacterFollowsGb11714() {
		// D2143569 → X (a textbook example of GB 11714)
		assertThat(CreditCode.organizationCheckChar("D2143569")).isEqualTo('X');
	}

}
