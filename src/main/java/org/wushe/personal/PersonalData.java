package org.wushe.personal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

	/** Audit action of an exact search by a full ID number or phone number. */
	public static final String SEARCH_ACTION = "personal-data.search";

	/** Request attribute set when a search by a full number was not matched for want of the permission. */
	public static final String SEARCH_REFUSED = "personalSearchRefused";

	/** Response header naming the permission a search by a full number needs, when it was not matched. */
	public static final String SEARCH_REFUSED_HEADER = "X-Search-Needs-Permission";

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

	/**
	 * The search hashes of a search text that is a full ID number or phone number; blank when it is not one.
	 *
	 * @param idHash the ID number's search hash, or {@code ""}
	 * @param phoneHash the phone number's search hash, or {@code ""}
	 */
	public record ExactSearch(String idHash, String phoneHash) {

		static final ExactSearch NONE = new ExactSearch("", "");

	}

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final SearchAllowance allowance;

	PersonalData(FieldCipher cipher, AuditTrail audit, Clock clock,
			@Value("${wushe.personal-data.exact-searches-per-minute:20}") int perMinute) {
		this.cipher = cipher;
		this.audit = audit;
		this.allowance = new SearchAllowance(clock, perMinute, Duration.ofMinutes(1));
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

	/**
	 * The hashes to match a registry search against, for the signed-in user. A full ID number or phone number in the
	 * search text would reveal a masked value by guessing, so such a search needs {@code personal-data:view}: without
	 * it the number matches nothing, and the request says so (request attribute {@value #SEARCH_REFUSED} for pages,
	 * header {@value #SEARCH_REFUSED_HEADER} for the API). A permitted search is limited per user (429 when too
	 * many) and audited as {@value #SEARCH_ACTION} with the masked value. Any other text gives blank hashes.
	 *
	 * @param registry the entity type searched ({@code volunteer}, {@code social-worker}, …), for the audit
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public ExactSearch exactSearch(String registry, String text) {
		String id = IdNumber.isValid(text) ? IdNumber.normalise(text) : null;
		String phone = PhoneNumber.normalised(text).orElse(null);
		if (id == null && phone == null) {
			return ExactSearch.NONE;
		}
		CurrentUser viewer = SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser u ? u
						: null;
		if (!mayView(viewer)) {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
				attrs.getRequest().setAttribute(SEARCH_REFUSED, Boolean.TRUE);
				if (attrs.getResponse() != null) {
					attrs.getResponse().setHeader(SEARCH_REFUSED_HEADER, Permissions.PERSONAL_DATA_VIEW);
				}
			}
			return ExactSearch.NONE;
		}
		if (!allowance.take(viewer.getUsername())) {
			throw new BusinessException(HttpStatus.TOO_MANY_REQUESTS, "actor.personal-search.too-many",
					allowance.perWindow());
		}
		String masked = id != null ? IdNumber.mask(id) : PhoneNumber.mask(phone);
		audit.record(viewer.getUsername(), SEARCH_ACTION, registry, null, viewer.region(), currentAddress(),
				(id != null ? Kind.ID_NUMBER : Kind.PHONE).purpose() + " " + masked);
		return new ExactSearch(id == null ? "" : searchHash(Kind.ID_NUMBER, id),
				phone == null ? "" : searchHash(Kind.PHONE, phone));
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
