package org.wushe.actor.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.audit.AuditTrail;
import org.wushe.personal.IdNumber;
import org.wushe.personal.PersonalData;
import org.wushe.personal.PhoneNumber;
import org.wushe.personal.SealedValue;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.RegionInput;

/**
 * What every registry service works with: the region checks ({@code regions}), the counts per child region
 * ({@code breakdown}), the sealing and audited reading of personal data ({@code personalData}), the audit trail and
 * who writes when ({@code writer}). One bean, so that a registry's service names only what is its own.
 */
@Component
public record RegistrySupport(RegionInput regions, RegionBreakdown breakdown, PersonalData personalData,
		AuditTrail audit, Writer writer) {

	/**
	 * The counts per child region of the scope's root, from the rows {@code parts} groups by the code prefix of the
	 * length it is given.
	 */
	public RegionBreakdown.Result counts(RegionScope scope,
			BiFunction<RegionScope, Integer, List<RegionBreakdown.Part>> parts) {
		return breakdown.of(scope.root(), parts.apply(scope, scope.root().childCodeLength()));
	}

	/** Records {@code action} on {@code entity} {@code id}, a record of region {@code regionCode}. */
	public void audited(String action, String entity, Object id, String regionCode) {
		audit.record(action, entity, id, RegionCode.parse(regionCode));
	}

	/** Records that an import stored a batch of {@code rows} records ({@code ids} names them, or null) in the scope. */
	public void importedBatch(String action, String entity, Object ids, RegionScope scope, int rows) {
		audit.record(writer.name(), action, entity, ids, scope.root(), null, "rows=" + rows);
	}

	/** An ID number as stored, or null when none was given. */
	public SealedValue seal(IdNumber idNumber) {
		return idNumber == null ? null : personalData.seal(idNumber);
	}

	/** A phone number as stored, or null when none was given. */
	public SealedValue seal(PhoneNumber phone) {
		return phone == null ? null : personalData.seal(phone);
	}

	/** A person's full ID number and phone from their ciphertexts, for a permitted viewer; audited. */
	public Map<PersonalData.Kind, String> revealPerson(CurrentUser viewer, String entity, long id, String regionCode,
			String idNumberCipher, String phoneCipher) {
		Map<PersonalData.Kind, String> ciphers = new LinkedHashMap<>();
		ciphers.put(PersonalData.Kind.ID_NUMBER, idNumberCipher);
		ciphers.put(PersonalData.Kind.PHONE, phoneCipher);
		return personalData.reveal(viewer, entity, id, RegionCode.parse(regionCode), ciphers);
	}

	/** A full phone from its ciphertext (none stored: empty), for a permitted viewer; audited when there is one. */
	public Optional<String> revealPhone(CurrentUser viewer, String entity, Object id, String regionCode,
			Optional<String> cipher) {
		if (cipher.isEmpty()) {
			return Optional.empty();
		}
		Map<PersonalData.Kind, String> plain = personalData.reveal(viewer, entity, id, RegionCode.parse(regionCode),
				Map.of(PersonalData.Kind.PHONE, cipher.get()));
		return Optional.ofNullable(plain.get(PersonalData.Kind.PHONE));
	}

}
