package org.wushe.site;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.region.Regions;
import org.wushe.shared.FieldError;
import org.wushe.shared.excel.CellParsers;
import org.wushe.shared.excel.ExcelColumn;
import org.wushe.shared.excel.ExcelLayout;
import org.wushe.shared.excel.ImportPlan;
import org.wushe.shared.excel.ImportRow;

/**
 * Importing sites from Excel: the template's columns, and one plan per upload that checks each row like a form
 * (fields, scope, region level, one active site per region, in the database and within the file) and stores the
 * rows in batches. Staff lists are entered on the site's page, not imported.
 */
@RequiredArgsConstructor
final class SiteImport implements ImportPlan<SiteRules.Checked> {

	static final ExcelColumn<SiteType> TYPE = ExcelColumn
		.choice("site.field.type", List.of(SiteType.values()), SiteType::messageKey)
		.required()
		.width(22)
		.example("site.import.example.type");

	static final ExcelColumn<String> REGION = ExcelColumn.regionCode("site.field.region-code")
		.required()
		.example("site.import.example.region")
		.note("site.import.note.region");

	static final ExcelColumn<String> NAME = ExcelColumn.text("site.field.name", SiteRules.MAX_NAME)
		.required()
		.width(28)
		.example("site.import.example.name");

	static final ExcelColumn<String> ADDRESS = ExcelColumn.text("site.field.address", SiteRules.MAX_ADDRESS)
		.width(30)
		.example("site.import.example.address");

	static final ExcelColumn<String> PHONE = ExcelColumn.text("site.field.phone", 40)
		.width(16)
		.example("site.import.example.phone");

	static final ExcelColumn<String> HOURS = ExcelColumn.text("site.field.opening-hours", SiteRules.MAX_HOURS)
		.width(24)
		.example("site.import.example.hours");

	static final ExcelColumn<String> CONTENT = ExcelColumn.text("site.field.service-content", SiteRules.MAX_TEXT)
		.width(30)
		.example("site.import.example.content");

	static final ExcelColumn<String> ITEMS = ExcelColumn.text("site.field.service-items", SiteRules.MAX_TEXT)
		.width(30)
		.example("site.import.example.items")
		.note("site.import.note.items");

	static final ExcelColumn<String> PROCESS = ExcelColumn.text("site.field.service-process", SiteRules.MAX_TEXT)
		.width(30)
		.example("site.import.example.process");

	static final ExcelColumn<SiteStatus> STATUS = ExcelColumn
		.choice("site.field.status", List.of(SiteStatus.values()), SiteStatus::messageKey)
		.required()
		.example("site.import.example.status");

	static final ExcelColumn<LocalDate> OPENED = ExcelColumn.date("site.field.opened-on")
		.example("site.import.example.opened")
		.note("site.import.note.opened");

	static final ExcelColumn<BigDecimal> LATITUDE = ExcelColumn
		.of("site.field.latitude", CellParsers.decimal(new BigDecimal("-90"), new BigDecimal("90"), 6))
		.width(12)
		.example("site.import.example.latitude");

	static final ExcelColumn<BigDecimal> LONGITUDE = ExcelColumn
		.of("site.field.longitude", CellParsers.decimal(new BigDecimal("-180"), new BigDecimal("180"), 6))
		.width(12)
		.example("site.import.example.longitude");

	static final ExcelLayout LAYOUT = new ExcelLayout("site.import.sheet",
			List.of(TYPE, REGION, NAME, ADDRESS, PHONE, HOURS, CONTENT, ITEMS, PROCESS, STATUS, OPENED, LATITUDE,
					LONGITUDE),
			List.of("site.import.instruction.levels", "site.import.instruction.one-active",
					"site.import.instruction.scope", "site.import.instruction.staff"));

	/** Where each field error of {@link SiteRules} is shown. */
	private static final Map<String, ExcelColumn<?>> COLUMN_OF = Map.ofEntries(Map.entry("type", TYPE),
			Map.entry("regionCode", REGION), Map.entry("name", NAME), Map.entry("address", ADDRESS),
			Map.entry("phone", PHONE), Map.entry("openingHours", HOURS), Map.entry("serviceContent", CONTENT),
			Map.entry("serviceItems", ITEMS), Map.entry("serviceProcess", PROCESS), Map.entry("status", STATUS),
			Map.entry("openedOn", OPENED), Map.entry("latitude", LATITUDE), Map.entry("longitude", LONGITUDE));

	private final SiteService service;

	private final Regions regions;

	private final AuditTrail audit;

	private final RegionScope scope;

	private final Set<String> activeInFile = new HashSet<>();

	private final Map<SiteTally.Key, Integer> deltas = new HashMap<>();

	private long stored;

	@Override
	public ExcelLayout layout() {
		return LAYOUT;
	}

	@Override
	public SiteRules.Checked convert(ImportRow row) {
		SiteType type = row.get(TYPE);
		SiteStatus status = row.get(STATUS);
		SiteInput input = new SiteInput(type.name(), row.get(REGION), row.get(NAME), row.get(ADDRESS),
				row.get(PHONE), row.get(HOURS), row.get(CONTENT), items(row.get(ITEMS)), List.of(),
				row.get(PROCESS), status.name(), null, row.get(OPENED), null, null, row.get(LATITUDE),
				row.get(LONGITUDE), null);
		List<FieldError> errors = new ArrayList<>();
		SiteRules.Checked c = SiteRules.check(input, service.today(), errors);
		for (FieldError e : errors) {
			ExcelColumn<?> column = COLUMN_OF.get(e.field());
			if (column == null) {
				row.rejectRow(e.messageKey(), e.args());
			}
			else {
				row.reject(column, e.messageKey(), e.args());
			}
		}
		if (!errors.isEmpty()) {
			return null;
		}
		RegionCode region = c.region();
		if (!scope.covers(region)) {
			row.reject(REGION, "site.import.error.out-of-scope", region.value());
			return null;
		}
		if (!regions.exists(region)) {
			row.reject(REGION, "site.error.region-unknown", region.value());
			return null;
		}
		if (c.status().isActive()) {
			var other = service.activeSite(region);
			if (other.isPresent()) {
				row.reject(REGION, "site.error.active-exists", region.value(), type.messageKey(), other.get().name(),
						String.valueOf(other.get().id()));
				return null;
			}
			if (!activeInFile.add(region.value())) {
				row.reject(REGION, "site.import.error.duplicate-in-file", region.value());
				return null;
			}
		}
		return c;
	}

	@Override
	public void store(List<SiteRules.Checked> batch) {
		service.storeChecked(batch, deltas);
		stored += batch.size();
	}

	@Override
	public void finish() {
		service.applyTally(deltas);
		audit.record(SiteService.currentActor(), "site.import", SiteService.ENTITY, null, scope.root(), null,
				String.valueOf(stored));
	}

	/** 服务清单 in one cell: items separated by new lines or semicolons; "name：description" splits an item. */
	static List<ServiceItem> items(String cell) {
		List<ServiceItem> items = new ArrayList<>();
		if (cell == null) {
			return items;
		}
		for (String part : cell.split("[\\n\\r;\\uff1b]+")) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			items.add(item(p));
		}
		return items;
	}

	/** One item: "name：description" or just the name. */
	static ServiceItem item(String text) {
		int colon = firstColon(text);
		return colon < 0 ? new ServiceItem(text, null)
				: new ServiceItem(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
	}

	private static int firstColon(String s) {
		int a = s.indexOf(':');
		int b = s.indexOf('\uff1a');
		return a < 0 ? b : b < 0 ? a : Math.min(a, b);
	}

}
