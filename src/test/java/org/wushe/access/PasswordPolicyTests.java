package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.shared.InvalidInputException;

class PasswordPolicyTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "aaaaaaaaaa|access.password.low-variety",
			"'          '|access.password.blank", "abababababab|access.password.low-variety",
			"password12|access.password.common", "Password123|access.password.common",
			"1qaz2wsx3edc|access.password.common", "2024iloveyou!!|access.password.common",
			"Qwertyuiop|access.password.common", "zhangwei-zhangwei|access.password.like-username",
			"ZhangWei2024!|access.password.like-username", "iewgnahz#2024|access.password.like-username",
			"abcdefghijk|access.password.one-kind", "ABCDEFGHIJKL|access.password.one-kind",
			"1234567890123|access.password.all-digits" })
	void refusesWeakPasswordsSayingWhy(String password, String reason) {
		InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
				() -> PasswordPolicy.check("newPassword", password, "zhangwei"));
		assertThat(ex).as(password).isNotNull();
		assertThat(ex.errors()).singleElement().satisfies(e -> {
			assertThat(e.field()).isEqualTo("newPassword");
			assertThat(e.messageKey()).as(password).isEqualTo(reason);
		});
	}

	@ParameterizedTest
	@CsvSource({ "test-password-1", "Sun-river-47", "correct horse battery staple", "社区服务站的钥匙在门卫处2号",
			"kR7mPq2xWz9t" })
	void acceptsReasonablePasswords(String password) {
		assertThatCode(() -> PasswordPolicy.check("password", password, "zhangwei")).doesNotThrowAnyException();
	}

	@Test
	void generatedPasswordsPassTheirOwnPolicy() {
		for (int i = 0; i < 200; i++) {
			String generated = PasswordPolicy.generate();
			assertThatCode(() -> PasswordPolicy.check("password", generated, "zhangwei")).doesNotThrowAnyException();
		}
	}

	@Test
	void theListIsTheShippedOne() {
		assertThat(PasswordPolicy.isCommon("123456")).isTrue();
		assertThat(PasswordPolicy.isCommon("dragon")).isTrue();
		assertThat(PasswordPolicy.isCommon("kR7mPq2xWz9t")).isFalse();
	}

}
