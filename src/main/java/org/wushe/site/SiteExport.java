package org.wushe.site;

import java.util.List;

import org.wushe.shared.excel.ExcelReport;
import org.wushe.shared.excel.ExportColumn;

/** The columns of the site list as an Excel export. Staff phones are not part of it. */
final class SiteExport {

	static final ExcelReport<SiteRow> REPORT = new ExcelReport<>("site.export.title", List.of(), "site.export.sheet",
			List.of(ExportColumn.<SiteRow>integer("site.field.id", SiteRow::id).width(8),
					ExportColumn.<SiteRow>text("site.field.name", SiteRow::name).width(30),
					ExportColumn.<SiteRow>label("site.field.type", r -> r.type().messageKey()).width(22),
					ExportColumn.<SiteRow>text("site.field.region-name", SiteRow::regionName)
						.group("site.export.group.location")
						.width(20),
					ExportColumn.<SiteRow>text("site.field.region-code", SiteRow::regionCode)
						.group("site.export.group.location")
						.width(14),
					ExportColumn.<SiteRow>text("site.field.address", SiteRow::address)
						.group("site.export.group.location")
						.width(30),
					ExportColumn.<SiteRow>text("site.field.phone", SiteRow::phone).width(16),
					ExportColumn.<SiteRow>text("site.field.opening-hours", SiteRow::openingHours).width(24),
					ExportColumn.<SiteRow>label("site.field.status", r -> r.status().messageKey())
						.group("site.export.group.operation"),
					ExportColumn.<SiteRow>date("site.field.opened-on", SiteRow::openedOn)
						.group("site.export.group.operation"),
					ExportColumn.<SiteRow>integer("site.field.item-count", SiteRow::itemCount)
						.group("site.export.group.operation"),
					ExportColumn.<SiteRow>integer("site.field.staff-count", SiteRow::staffCount)
						.group("site.export.group.operation"),
					ExportColumn.<SiteRow>dateTime("site.field.updated-at", SiteRow::updatedAt)));

	private SiteExport() {
	}

}
