package org.wushe.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTests {

	@Test
	void acceptsMainlandMobiles() {
		assertThat(PhoneNumber.normalised("13812345678")).contains("13812345678");
		assertThat(PhoneNumber.normalised(" 138 1234 5678 ")).contains("13812345678");
		assertThat(PhoneNumber.normalised("+8619912345678")).contains("19912345678");
		assertThat(PhoneNumber.parse("15012345678").mobile()).isTrue();
	}

	@Test
	void rejectsWrongMobiles() {
		assertThat(PhoneNumber.isValid("12812345678")).isFalse();
		assertThat(PhoneNumber.isValid("1381234567")).isFalse();
		assertThat(PhoneNumber.isValid("138123456789")).isFalse();
		assertThat(PhoneNumber.isValid("1381234567a")).isFalse();
		assertThat(PhoneNumber.isValid("")).isFalse();
		assertThat(PhoneNumber.isValid(null)).isFalse();
	}

	@Test
	void aNumberOfTheWrongLengthIsToldSoAndNotThatItHasBadCharacters() {
		assertThat(PhoneNumber.problem("1234")).contains("actor.phone.length");
		assertThat(PhoneNumber.digits("1234")).isEqualTo(4);
		assertThat(PhoneNumber.problem("138 1234")).contains("actor.phone.length");
		assertThat(PhoneNumber.problem("0471-123")).contains("actor.phone.length");
		assertThat(PhoneNumber.problem("13812345678901234")).contains("actor.phone.length");
		assertThat(PhoneNumber.problem("12812345678")).contains("actor.phone.invalid");
		assertThat(PhoneNumber.problem("1381234567a")).contains("actor.phone.invalid");
		assertThat(PhoneNumber.problem("电话1234")).contains("actor.phone.invalid");
		assertThat(PhoneNumber.problem("13812345678")).isEmpty();
	}

	@Test
	void acceptsLandlinesWithAreaCode() {
		assertThat(PhoneNumber.normalised("0471-6661234")).contains("0471-6661234");
		assertThat(PhoneNumber.normalised("(0471)6661234")).contains("0471-6661234");
		assertThat(PhoneNumber.normalised("010-88881234")).contains("010-88881234");
		assertThat(PhoneNumber.normalised("0471-6661234-801")).contains("0471-6661234-801");
		assertThat(PhoneNumber.isValid("6661234")).isFalse();
		assertThat(PhoneNumber.isValid("0471-123")).isFalse();
		assertThat(PhoneNumber.isValid("0471-0661234")).isFalse();
	}

	@Test
	void masksTheMiddle() {
		assertThat(PhoneNumber.parse("13812345678").masked()).isEqualTo("138****5678");
		assertThat(PhoneNumber.parse("0471-6661234").masked()).isEqualTo("0471-***1234");
		assertThat(PhoneNumber.parse("13812345678").toString()).doesNotContain("1234");
	}

}
