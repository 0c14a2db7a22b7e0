package org.wushe.site;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.wushe.region.RegionCode;

/**
 * A site of the network as stored, with its service list and staff. {@code regionName} is read along for display;
 * {@code publicId} is the opaque id of its public page ({@code null} until stored).
 */
public record Site(Long id, SiteType type, RegionCode regionCode, String regionName, String name, String address,
		String phone, String openingHours, String serviceContent, List<ServiceItem> serviceItems,
		List<StaffMember> staff, String serviceProcess, SiteStatus status, LocalDate plannedOn, LocalDate openedOn,
		LocalDate suspendedOn, LocalDate closedOn, BigDecimal latitude, BigDecimal longitude, Instant createdAt,
		String createdBy, Instant updatedAt, String updatedBy, int version, String publicId) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public Site {
		serviceItems = serviceItems == null ? List.of() : List.copyOf(serviceItems);
		staff = staff == null ? List.of() : List.copyOf(staff);
	}

	/** Whether the site still holds its region (not closed). */
	public boolean isActive() {
		return status.isActive();
	}

	/** When it was created, in Asia/Shanghai. */
	public LocalDateTime createdAtLocal() {
		return LocalDateTime.ofInstant(createdAt, ZONE);
	}

	/** When it was last changed, in Asia/Shanghai. */
	public LocalDateTime updatedAtLocal() {
		return LocalDateTime.ofInstant(updatedAt, ZONE);
	}

	/** Whether any staff phone is personal (not public). */
	public boolean hasPrivatePhones() {
		return staff.stream().anyMatch(s -> !s.phonePublic() && s.phone() != null && !s.phone().isBlank());
	}

}
