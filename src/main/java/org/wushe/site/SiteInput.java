package org.wushe.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a user writes when creating or editing a site (API body, form, import row). Type, region and status are text
 * so that a wrong value gets a field error naming it. On edit, type and region must stay as they are, and
 * {@code version} must be the version that was read.
 */
public record SiteInput(String type, String regionCode, String name, String address, String phone,
		String openingHours, String serviceContent, List<ServiceItem> serviceItems, List<StaffMember> staff,
		String serviceProcess, String status, LocalDate plannedOn, LocalDate openedOn, LocalDate suspendedOn,
		LocalDate closedOn, BigDecimal latitude, BigDecimal longitude, Integer version) {

	public SiteInput {
		serviceItems = serviceItems == null ? List.of() : serviceItems;
		staff = staff == null ? List.of() : staff;
	}

	/** The input that leaves {@code site} as it is. */
	public static SiteInput of(Site site) {
		return new SiteInput(site.type().name(), site.regionCode().value(), site.name(), site.address(), site.phone(),
				site.openingHours(), site.serviceContent(), site.serviceItems(), site.staff(), site.serviceProcess(),
				site.status().name(), site.plannedOn(), site.openedOn(), site.suspendedOn(), site.closedOn(),
				site.latitude(), site.longitude(), site.version());
	}

}
