package org.wushe.campaign;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionCode;
import org.wushe.shared.FieldError;

/**
 * The reporter phones of progress reports: a typed phone is checked and sealed (encrypted, hashed, masked); the masked
 * phone of the last version sent back unchanged keeps that version's phone; the full phone is read only through an
 * audited reveal.
 */
@Component
@RequiredArgsConstructor
class ReporterPhones {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	/**
	 * The sealed form of {@code typed} (already stripped; {@code null} when nothing was typed), or the last version's
	 * phone when {@code typed} is its masked form; anything else adds an error naming {@code reporterPhone}.
	 */
	SealedValue seal(String typed, Campaign campaign, Deadline due, RegionCode unit, List<FieldError> errors) {
		if (typed == null) {
			return null;
		}
		Optional<String> valid = PhoneNumber.normalised(typed);
		if (valid.isPresent()) {
			return personalData.seal(PhoneNumber.parse(valid.get()));
		}
		// the form shows the last version's phone masked: sent back unchanged, it keeps that phone
		SealedValue phone = typed.contains("*") ? lastPhone(campaign, due, unit, typed) : null;
		if (phone == null) {
			errors.add(PhoneNumber.problem(typed).filter("actor.phone.length"::equals).isPresent()
					? new FieldError("reporterPhone", "campaign.error.reporter-phone-length", PhoneNumber.digits(typed))
					: new FieldError("reporterPhone", "campaign.error.reporter-phone"));
		}
		return phone;
	}

	/**
	 * The sealed phone of the unit's latest version when its masked form is {@code masked}; {@code null} otherwise.
	 */
	private SealedValue lastPhone(Campaign campaign, Deadline due, RegionCode unit, String masked) {
		return jdbc.sql("""
				SELECT v.reporter_phone_cipher AS cipher_text, v.reporter_phone_hash AS search_hash,
				    v.reporter_phone_masked AS masked
				FROM progress_report r JOIN progress_report_version v ON v.report_id = r.id
				    AND v.version = r.current_version
				WHERE r.campaign_id = :c AND r.deadline_no = :n AND r.unit_code = :u
				""")
			.param("c", campaign.id())
			.param("n", due.number())
			.param("u", unit.value())
			.query(SealedValue.class)
			.optional()
			.filter(v -> v.cipherText() != null && masked.equals(v.masked()))
			.orElse(null);
	}

	/** The full phone of the version {@code versionId} of {@code unit}'s report, read with an audit entry. */
	String reveal(CurrentUser viewer, long versionId, RegionCode unit) {
		String cipherText = jdbc.sql("SELECT reporter_phone_cipher FROM progress_report_version WHERE id = :id")
			.param("id", versionId)
			.query(String.class)
			.optional()
			.orElse(null);
		Map<PersonalData.Kind, String> sealed = new EnumMap<>(PersonalData.Kind.class);
		sealed.put(PersonalData.Kind.PHONE, cipherText);
		return personalData.reveal(viewer, ProgressReports.ENTITY, versionId, unit, sealed)
			.get(PersonalData.Kind.PHONE);
	}

}
