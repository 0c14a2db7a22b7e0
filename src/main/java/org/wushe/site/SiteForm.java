package org.wushe.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.wushe.shared.FieldError;
import org.wushe.shared.HalfWidth;
import org.wushe.shared.InvalidInputException;
import org.wushe.shared.excel.CellParsers;
import org.wushe.shared.excel.CellProblem;
import org.wushe.shared.excel.CellValue;

/**
 * The site form: every field as typed. The service list is one line per item ("name：description"); staff are rows.
 */
record SiteForm(String type, String regionCode, String name, String address, String phone, String openingHours,
		String serviceContent, String serviceItems, List<StaffRow> staff, String serviceProcess, String status,
		String plannedOn, String openedOn, String suspendedOn, String closedOn, String latitude, String longitude,
		Integer version) {

	/** Blank staff rows the form offers for adding people. */
	static final int BLANK_STAFF_ROWS = 2;

	/** One staff row of the form. */
	record StaffRow(String name, String post, String phone, String phonePublic, String workerId) {

		public boolean isPublic() {
			return "true".equals(phonePublic) || "on".equals(phonePublic);
		}

	}

	SiteForm {
		staff = staff == null ? List.of() : staff;
	}

	static SiteForm empty(String type, String regionCode) {
		return new SiteForm(type == null ? "" : type, regionCode == null ? "" : regionCode, "", "", "", "", "", "",
				List.of(), "", SiteStatus.OPERATING.name(), "", "", "", "", "", "", null);
	}

	static SiteForm of(Site s) {
		List<StaffRow> staff = s.staff()
			.stream()
			.map(m -> new StaffRow(m.name(), m.post(), m.phone(), String.valueOf(m.phonePublic()),
					m.workerId() == null ? "" : m.workerId().toString()))
			.toList();
		List<String> lines = s.serviceItems()
			.stream()
			.map(i -> i.description() == null ? i.name() : i.name() + "\uff1a" + i.description())
			.toList();
		return new SiteForm(s.type().name(), s.regionCode().value(), s.name(), s.address(), s.phone(),
				s.openingHours(), s.serviceContent(), String.join("\n", lines), staff, s.serviceProcess(),
				s.status().name(), text(s.plannedOn()), text(s.openedOn()), text(s.suspendedOn()),
				text(s.closedOn()), text(s.latitude()), text(s.longitude()), s.version());
	}

	/** The staff rows plus blank ones to fill in. */
	public List<StaffRow> staffRows() {
		List<StaffRow> rows = new ArrayList<>(staff);
		for (int i = 0; i < BLANK_STAFF_ROWS; i++) {
			rows.add(new StaffRow("", "", "", "", ""));
		}
		return rows;
	}

	/** The input for the service; fields that cannot even be read (dates, numbers) answer 400 naming them. */
	SiteInput toInput() {
		List<FieldError> errors = new ArrayList<>();
		List<StaffMember> members = new ArrayList<>();
		for (StaffRow r : staff) {
			if (r == null) {
				continue;
			}
			Long worker = null;
			if (r.workerId() != null && !r.workerId().isBlank()) {
				try {
					worker = Long.valueOf(HalfWidth.of(r.workerId().strip()));
				}
				catch (NumberFormatException ex) {
					errors.add(new FieldError("staff", "site.error.staff-worker-id", members.size() + 1));
				}
			}
			members.add(new StaffMember(r.name(), r.post(), r.phone(), r.isPublic(), worker));
		}
		SiteInput input = new SiteInput(type, regionCode, name, address, phone, openingHours, serviceContent,
				SiteImport.items(serviceItems), members, serviceProcess, status, date(errors, "plannedOn", plannedOn),
				date(errors, "openedOn", openedOn), date(errors, "suspendedOn", suspendedOn),
				date(errors, "closedOn", closedOn), decimal(errors, "latitude", latitude),
				decimal(errors, "longitude", longitude), version);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(SiteRules.LABELS, errors);
		}
		return input;
	}

	private static LocalDate date(List<FieldError> errors, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return CellParsers.date().parse(CellValue.ofText(text), null);
		}
		catch (CellProblem p) {
			errors.add(new FieldError(field, p.messageKey(), p.args()));
			return null;
		}
	}

	private static BigDecimal decimal(List<FieldError> errors, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(HalfWidth.of(text.strip()));
		}
		catch (NumberFormatException ex) {
			errors.add(new FieldError(field, "site.error.number"));
			return null;
		}
	}

	private static String text(Object o) {
		return o == null ? "" : o.toString();
	}

}
