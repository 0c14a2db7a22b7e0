package org.wushe.personal;

import java.util.function.Function;

import org.wushe.shared.excel.ExportColumn;

/**
 * An export column of personal data: the masked value, or, for a permitted full export (an {@code opener}, audited),
 * the full value opened from the stored ciphertext.
 */
public final class PersonalColumn {

	private PersonalColumn() {
	}

	/** An ID-number column headed {@code header}. */
	public static <T> ExportColumn<T> idNumber(String header, PersonalData.Opener opener, Function<T, String> masked,
			Function<T, String> cipher) {
		return of(header, PersonalData.Kind.ID_NUMBER, opener, masked, cipher).width(22);
	}

	/** A phone column headed {@code header}. */
	public static <T> ExportColumn<T> phone(String header, PersonalData.Opener opener, Function<T, String> masked,
			Function<T, String> cipher) {
		return of(header, PersonalData.Kind.PHONE, opener, masked, cipher).width(16);
	}

	private static <T> ExportColumn<T> of(String header, PersonalData.Kind kind, PersonalData.Opener opener,
			Function<T, String> masked, Function<T, String> cipher) {
		return ExportColumn.text(header, e -> {
			String sealed = cipher.apply(e);
			return opener == null || sealed == null ? masked.apply(e) : opener.open(kind, sealed);
		});
	}

}
