package org.wushe.site;

/**
 * One person on a site's staff list (驻站人员). The phone is personal: it is shown in public only when
 * {@code phonePublic}, and masked elsewhere. {@code workerId} links the social-worker registry once the person is
 * registered there.
 */
public record StaffMember(String name, String post, String phone, boolean phonePublic, Long workerId) {

	/** The phone as others may see it: in full if public, else masked ({@code 138****5678}); {@code null} if none. */
	public String shownPhone() {
		return phonePublic ? phone : masked(phone);
	}

	static String masked(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String digits = phone.strip();
		if (digits.length() <= 4) {
			return "*".repeat(digits.length());
		}
		int keepStart = digits.length() >= 11 ? 3 : 0;
		int keepEnd = 4;
		if (keepStart + keepEnd >= digits.length()) {
			keepStart = 0;
		}
		return digits.substring(0, keepStart) + "*".repeat(digits.length() - keepStart - keepEnd)
				+ digits.substring(digits.length() - keepEnd);
	}

}
