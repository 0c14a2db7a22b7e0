package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A typed text is stripped; blank is none; a missing required or too long text adds an error naming the field. */
class TextInputTests {

	private static final TextInput TEXT = new TextInput("x.required", "x.too-long");

	@Test
	void aTextIsStrippedAndBlankIsNone() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(TEXT.read("  abc ", "name", 5, true, errors)).isEqualTo("abc");
		assertThat(TEXT.read(" \t", "name", 5, false, errors)).isNull();
		assertThat(TEXT.read(null, "name", 5, false, errors)).isNull();
		assertThat(errors).isEmpty();
	}

	@Test
	void errorsNameTheFieldAndAreCollected() {
		List<FieldError> errors = new ArrayList<>();
		assertThat(TEXT.read("", "name", 5, true, errors)).isNull();
		assertThat(TEXT.read("abcdef", "place", 5, false, errors)).isEqualTo("abcdef");
		assertThat(errors).extracting(FieldError::field, FieldError::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("name", "x.required"),
					org.assertj.core.groups.Tuple.tuple("place", "x.too-long"));
		assertThat(errors.get(1).args()).containsExactly(5);
	}

}
