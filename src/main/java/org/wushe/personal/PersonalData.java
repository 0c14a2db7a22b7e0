package org.wushe.personal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.wushe.access.CurrentUser;
import org.wushe.access.Permissions;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.shared.BusinessException;
import org.wushe.shared.crypto.FieldCipher;

/**
 * The public API for personal data (个人信息): ID numbers and phone numbers are stored encrypted with a search hash
 * and a masked form ({@link #seal}); reading the full value needs {@code personal-data:view} and every such read is
 * audited ({@link #reveal}, {@link #exporter}).
 */
@Service
public class PersonalData {

	/** Audit action of one full read. */
	public static final String VIEW_ACTION = "personal-data.view";

	/** Audit action of an export with full values. */
	public static final String EXPORT_ACTION = "personal-data.export";

	/** The kinds of protected values; the name is bound to the ciphertext and the hash. */
	public enum Kind {

		ID_NUMBER(FieldCipher.ID_NUMBER), PHONE(FieldCipher.PHONE);

		private final String purpose;

		Kind(String purpose) {
			this.purpose = purpose;
		}

		String purpose() {
			return purpose;
		}

	}

	/** Opens sealed values of an export that was allowed and audited once. */
	@FunctionalInterface
	public interface Opener {

		String open(Kind kind, String cipherText);

	}

	private final FieldCipher cipher;

	private final AuditTrail audit;

	PersonalData(FieldCipher cipher, AuditTrail audit) {
		this.cipher = cipher;
		this.audit = audit;
	}

	public SealedValue seal(IdNumber idNumber) {
		return seal(Kind.ID_NUMBER, idNumber.value(), idNumber.masked());
	}

	public SealedValue seal(PhoneNumber phone) {
		return seal(Kind.PHONE, phone.value(), phone.masked());
	}

	private SealedValue seal(Kind kind, String value, String masked) {
		return new SealedValue(cipher.encrypt(kind.purpose(), value), cipher.hash(kind.purpose(), value), masked);
	}

	/** The search hash of a normalised value, for exact-match look-ups. */
	public String searchHash(Kind kind, String normalisedValue) {
		return cipher.hash(kind.purpose(), normalisedValue);
	}

	public String searchHash(IdNumber idNumber) {
		return searchHash(Kind.ID_NUMBER, idNumber.value());
	}

	public String searchHash(PhoneNumber phone) {
		return searchHash(Kind.PHONE, phone.value());
	}

	public boolean mayView(CurrentUser viewer) {
		return viewer != null && viewer.can(Permissions.PERSONAL_DATA_VIEW);
	}

	/**
	 * The full values of one record's protected fields, for a viewer with {@code personal-data:view}; records one
	 * {@value #VIEW_ACTION} audit event naming the record and the fields. Fields whose ciphertext is {@code null} are
	 * left out.
	 */
	@Transactional
	public Map<Kind, String> reveal(CurrentUser viewer, String entityType, Object entityId, RegionCode region,
			Map<Kind, String> sealed) {
		requireView(viewer);
		Map<Kind, String> plain = new LinkedHashMap<>();
		List<String> fields = new ArrayList<>();
		sealed.forEach((kind, text) -> {
			if (text != null) {
				plain.put(kind, open(kind, text));
				fields.add(kind.purpose());
			}
		});
		audit.record(viewer.getUsername(), VIEW_ACTION, entityType, entityId, region, currentAddress(),
				String.join(",", fields));
		return plain;
	}

	/**
	 * Allows one export with full values: checks {@code personal-data:view} and records one {@value #EXPORT_ACTION}
	 * audit event for the exported list ({@code detail} names it, e.g. the filters).
	 */
	@Transactional
	public Opener exporter(CurrentUser viewer, String entityType, RegionCode region, String detail) {
		requireView(viewer);
		audit.record(viewer.getUsername(), EXPORT_ACTION, entityType, null, region, currentAddress(), detail);
		return this::open;
	}

	private void requireView(CurrentUser viewer) {
		if (!mayView(viewer)) {
			throw BusinessException.forbidden("actor.personal-data.forbidden");
		}
	}

	private String open(Kind kind, String cipherText) {
		try {
			return cipher.decrypt(kind.purpose(), cipherText);
		}
		catch (FieldCipher.TamperedException ex) {
			throw new BusinessException(HttpStatus.CONFLICT, "actor.personal-data.unreadable");
		}
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return null;
	}

}
