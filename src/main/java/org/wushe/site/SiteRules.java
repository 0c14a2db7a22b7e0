package org.wushe.site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.wushe.region.RegionCode;
import org.wushe.shared.FieldError;
import org.wushe.shared.HalfWidth;
import org.wushe.shared.TextInput;
import org.wushe.shared.excel.CellParsers;

/**
 * The checks of a site's own fields that need no database: lengths, phones, type and status, dates in order,
 * coordinates inside China. Region existence, scope and the one-active-site rule are checked by {@link SiteService}.
 * Text is stripped and empty text becomes {@code null}; blank staff rows and service items are dropped.
 */
final class SiteRules {

	/** The message key prefix naming a site's fields to users ({@code site.form.name} = 阵地名称). */
	static final String LABELS = "site.form";

	/** A site's own texts: required ones and the limits, in this module's words. */
	private static final TextInput TEXT = new TextInput("site.error.required", "site.error.too-long");

	static final int MAX_NAME = 100;

	static final int MAX_ADDRESS = 200;

	static final int MAX_HOURS = 200;

	static final int MAX_TEXT = 2000;

	static final int MAX_ITEMS = 50;

	static final int MAX_ITEM_NAME = 100;

	static final int MAX_ITEM_DESCRIPTION = 500;

	static final int MAX_STAFF = 50;

	static final int MAX_STAFF_NAME = 50;

	static final int MAX_POST = 50;

	/** Mobile, landline with area code (and extension), local number, 400/800 service lines, 12345 and 96xxx lines. */
	private static final Pattern PHONE = Pattern.compile(
			"(\\+?86-?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|[2-9]\\d{6,7}|[48]00-?\\d{3}-?\\d{4}|12345|96\\d{3,4})");

	static final BigDecimal MIN_LATITUDE = new BigDecimal("3.8");

	static final BigDecimal MAX_LATITUDE = new BigDecimal("53.6");

	static final BigDecimal MIN_LONGITUDE = new BigDecimal("73.4");

	static final BigDecimal MAX_LONGITUDE = new BigDecimal("135.1");

	/** The checked and normalized input. */
	record Checked(SiteType type, RegionCode region, String name, String address, String phone, String openingHours,
			String serviceContent, List<ServiceItem> serviceItems, List<StaffMember> staff, String serviceProcess,
			SiteStatus status, LocalDate plannedOn, LocalDate openedOn, LocalDate suspendedOn, LocalDate closedOn,
			BigDecimal latitude, BigDecimal longitude) {
	}

	private SiteRules() {
	}

	/** Checks {@code in}, adding a field error for every problem; the result is only usable if none were added. */
	static Checked check(SiteInput in, LocalDate today, List<FieldError> errors) {
		SiteType type = SiteType.parse(in.type());
		if (type == null) {
			errors.add(new FieldError("type", "site.error.type"));
		}
		RegionCode region = null;
		if (in.regionCode() == null || in.regionCode().isBlank()) {
			errors.add(new FieldError("regionCode", "site.error.required"));
		}
		else if (!RegionCode.isValid(in.regionCode())) {
			errors.add(new FieldError("regionCode", "region.error.malformed", in.regionCode().strip()));
		}
		else {
			region = RegionCode.parse(in.regionCode());
			if (type != null && region.level() != type.level()) {
				errors.add(new FieldError("regionCode", "site.error.wrong-level", type.messageKey(),
						type.level().messageKey(), region.level().messageKey()));
			}
		}
		String name = TEXT.read(text(in.name()), "name", MAX_NAME, true, errors);
		String address = TEXT.read(text(in.address()), "address", MAX_ADDRESS, false, errors);
		String phone = phone(errors, "phone", in.phone(), null);
		String hours = TEXT.read(text(in.openingHours()), "openingHours", MAX_HOURS, false, errors);
		String content = TEXT.read(text(in.serviceContent()), "serviceContent", MAX_TEXT, false, errors);
		String process = TEXT.read(text(in.serviceProcess()), "serviceProcess", MAX_TEXT, false, errors);
		List<ServiceItem> items = items(in.serviceItems(), errors);
		List<StaffMember> staff = staff(in.staff(), errors);
		SiteStatus status = SiteStatus.parse(in.status());
		if (status == null) {
			errors.add(new FieldError("status", "site.error.status"));
		}
		LocalDate opened = in.openedOn();
		LocalDate suspended = in.suspendedOn();
		LocalDate closed = in.closedOn();
		if (status == SiteStatus.OPERATING && opened == null) {
			opened = today;
		}
		if (status == SiteStatus.SUSPENDED && suspended == null) {
			suspended = today;
		}
		if (status == SiteStatus.CLOSED && closed == null) {
			closed = today;
		}
		if (opened != null && opened.isAfter(today) && status != SiteStatus.PLANNED) {
			errors.add(new FieldError("openedOn", "site.error.date-future"));
		}
		if (suspended != null && suspended.isAfter(today)) {
			errors.add(new FieldError("suspendedOn", "site.error.date-future"));
		}
		if (closed != null && closed.isAfter(today)) {
			errors.add(new FieldError("closedOn", "site.error.date-future"));
		}
		if (opened != null && closed != null && closed.isBefore(opened)) {
			errors.add(new FieldError("closedOn", "site.error.closed-before-opened"));
		}
		if (opened != null && suspended != null && suspended.isBefore(opened)) {
			errors.add(new FieldError("suspendedOn", "site.error.suspended-before-opened"));
		}
		BigDecimal lat = in.latitude();
		BigDecimal lon = in.longitude();
		if ((lat == null) != (lon == null)) {
			errors.add(new FieldError(lat == null ? "latitude" : "longitude", "site.error.coordinates-pair"));
		}
		else if (lat != null) {
			boolean latOk = within(lat, MIN_LATITUDE, MAX_LATITUDE);
			boolean lonOk = within(lon, MIN_LONGITUDE, MAX_LONGITUDE);
			if (!latOk || !lonOk) {
				boolean swapped = within(lon, MIN_LATITUDE, MAX_LATITUDE) && within(lat, MIN_LONGITUDE, MAX_LONGITUDE);
				errors.add(new FieldError(latOk ? "longitude" : "latitude",
						swapped ? "site.error.coordinates-swapped" : "site.error.coordinates-outside"));
			}
			lat = lat.setScale(6, RoundingMode.HALF_UP);
			lon = lon.setScale(6, RoundingMode.HALF_UP);
		}
		return new Checked(type, region, name, address, phone, hours, content, items, staff, process, status,
				in.plannedOn(), opened, suspended, closed, lat, lon);
	}

	private static List<ServiceItem> items(List<ServiceItem> input, List<FieldError> errors) {
		List<ServiceItem> items = new ArrayList<>();
		for (ServiceItem item : input) {
			if (item == null) {
				continue;
			}
			String name = text(item.name());
			String description = text(item.description());
			if (name == null && description == null) {
				continue;
			}
			int n = items.size() + 1;
			if (name == null) {
				errors.add(new FieldError("serviceItems", "site.error.item-name", n));
			}
			else if (name.codePointCount(0, name.length()) > MAX_ITEM_NAME) {
				errors.add(new FieldError("serviceItems", "site.error.item-too-long", n, MAX_ITEM_NAME));
			}
			if (description != null && description.codePointCount(0, description.length()) > MAX_ITEM_DESCRIPTION) {
				errors.add(new FieldError("serviceItems", "site.error.item-description-too-long", n,
						MAX_ITEM_DESCRIPTION));
			}
			items.add(new ServiceItem(name, description));
		}
		if (items.size() > MAX_ITEMS) {
			errors.add(new FieldError("serviceItems", "site.error.too-many-items", MAX_ITEMS));
		}
		return items;
	}

	private static List<StaffMember> staff(List<StaffMember> input, List<FieldError> errors) {
		List<StaffMember> staff = new ArrayList<>();
		for (StaffMember m : input) {
			if (m == null) {
				continue;
			}
			String name = text(m.name());
			String post = text(m.post());
			String rawPhone = text(m.phone());
			if (name == null && post == null && rawPhone == null && m.workerId() == null) {
				continue;
			}
			int n = staff.size() + 1;
			if (name == null) {
				errors.add(new FieldError("staff", "site.error.staff-name", n));
			}
			else if (name.codePointCount(0, name.length()) > MAX_STAFF_NAME) {
				errors.add(new FieldError("staff", "site.error.staff-name-too-long", n, MAX_STAFF_NAME));
			}
			if (post != null && post.codePointCount(0, post.length()) > MAX_POST) {
				errors.add(new FieldError("staff", "site.error.staff-post-too-long", n, MAX_POST));
			}
			String phone = phone(errors, "staff", rawPhone, n);
			if (m.workerId() != null && m.workerId() <= 0) {
				errors.add(new FieldError("staff", "site.error.staff-worker-id", n));
			}
			staff.add(new StaffMember(name, post, phone, m.phonePublic(), m.workerId()));
		}
		if (staff.size() > MAX_STAFF) {
			errors.add(new FieldError("staff", "site.error.too-many-staff", MAX_STAFF));
		}
		return staff;
	}

	/** A phone number as typed, in half-width digits, or null; adds an error if it is not a Chinese phone number. */
	static String phone(List<FieldError> errors, String field, String raw, Integer staffNumber) {
		String s = text(raw);
		if (s == null) {
			return null;
		}
		s = HalfWidth.of(s).replace('\u2014', '-').replace('\u2013', '-');
		String compact = s.replaceAll("[\\s()]", "");
		if (!PHONE.matcher(compact).matches()) {
			if (staffNumber == null) {
				errors.add(new FieldError(field, "site.error.phone", s));
			}
			else {
				errors.add(new FieldError(field, "site.error.staff-phone", staffNumber, s));
			}
		}
		return s.length() > 40 ? s.substring(0, 40) : s;
	}

	private static boolean within(BigDecimal v, BigDecimal min, BigDecimal max) {
		return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
	}

	/** Stripped text, or {@code null} when blank. */
	static String text(String s) {
		if (s == null) {
			return null;
		}
		String t = CellParsers.strip(s);
		return t.isEmpty() ? null : t;
	}

}
