package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A reason is stripped; blank is none; missing (when required) or too long is a 400 naming the field. */
class ReasonInputTests {

	private static final ReasonInput REASON = new ReasonInput("reason", 5, "x.required", "x.too-long");

	@Test
	void aReasonIsStrippedAndBlankIsNone() {
		assertThat(REASON.optional("  abc ")).isEqualTo("abc");
		assertThat(REASON.optional(" \t")).isNull();
		assertThat(REASON.optional(null)).isNull();
		assertThat(REASON.required(" abcde ")).isEqualTo("abcde");
	}

	@Test
	void aMissingRequiredReasonNamesTheField() {
		assertThatThrownBy(() -> REASON.required("  ")).isInstanceOfSatisfying(InvalidInputException.class, ex -> {
			assertThat(ex.errors().get(0).field()).isEqualTo("reason");
			assertThat(ex.errors().get(0).messageKey()).isEqualTo("x.required");
		});
	}

	@Test
	void aReasonTooLongNamesTheFieldAndTheLimit() {
		assertThatThrownBy(() -> REASON.read("abcdef", false)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> {
					assertThat(ex.errors().get(0).messageKey()).isEqualTo("x.too-long");
					assertThat(ex.errors().get(0).args()).containsExactly(5);
				});
	}

}
