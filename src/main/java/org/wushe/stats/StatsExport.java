package org.wushe.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import lombok.RequiredArgsConstructor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;
import org.wushe.activity.ActivityTotals;
import org.wushe.activity.ServiceDomain;
import org.wushe.shared.Texts;

/**
 * Writes a dashboard as .xlsx, streaming: the indicators with last year's figures, the child comparison, the series
 * and the service domains, one sheet each. Numbers are numbers and money has two decimals.
 */
@Component
@RequiredArgsConstructor
class StatsExport {

	private static final String MONEY = "#,##0.00";

	private static final String COUNT = "#,##0";

	private final Texts texts;

	void write(Dashboard d, OutputStream out) throws IOException {
		Workbook wb = new Workbook(out, "Wushe", "1.0");
		indicators(wb.newWorksheet(texts.get("stats.export.sheet.indicators")), d);
		children(wb.newWorksheet(texts.get("stats.export.sheet.children")), d);
		series(wb.newWorksheet(texts.get("stats.export.sheet.series")), d);
		domains(wb.newWorksheet(texts.get("stats.export.sheet.domains")), d);
		wb.finish();
	}

	private void indicators(Worksheet ws, Dashboard d) {
		ws.value(0, 0, texts.get("stats.export.title", d.region().code().isCountry() ? texts.get("stats.country-name") : d.region().name(), d.from(), d.to()));
		ws.style(0, 0).bold().fontSize(14).set();
		header(ws, 2, "stats.export.indicator", "stats.export.value", "stats.export.previous");
		String[] keys = { "stats.card.activities", "stats.card.participants", "stats.card.beneficiaries",
				"stats.card.funds", "stats.card.materials" };
		ActivityTotals t = d.activities();
		ActivityTotals p = d.previous();
		Object[][] values = { { t.activities(), p.activities() }, { t.participants(), p.participants() },
				{ t.beneficiaries(), p.beneficiaries() }, { t.fundsYuan(), p.fundsYuan() },
				{ t.materialsYuan(), p.materialsYuan() } };
		for (int i = 0; i < keys.length; i++) {
			int row = 3 + i;
			ws.value(row, 0, texts.get(keys[i]));
			number(ws, row, 1, values[i][0]);
			number(ws, row, 2, values[i][1]);
		}
		int row = 3 + keys.length + 1;
		String[] now = { "stats.card.centres", "stats.card.stations", "stats.card.rooms", "stats.card.organizations",
				"stats.card.workers", "stats.card.volunteers" };
		long[] nowValues = { d.network().centres(), d.network().stations(), d.network().rooms(),
				d.registries().organizations(), d.registries().workers(), d.registries().volunteers() };
		header(ws, row++, "stats.export.indicator", "stats.export.now", "stats.column.coverage");
		Double[] coverage = { d.network().countyCoverage(), d.network().townshipCoverage(),
				d.network().villageCoverage() };
		for (int i = 0; i < now.length; i++) {
			ws.value(row, 0, texts.get(now[i]));
			number(ws, row, 1, nowValues[i]);
			if (i < coverage.length && coverage[i] != null) {
				ws.value(row, 2, coverage[i]);
				ws.style(row, 2).format("0.0%").set();
			}
			row++;
		}
		ws.width(0, 24);
		ws.width(1, 18);
		ws.width(2, 18);
	}

	private void children(Worksheet ws, Dashboard d) {
		header(ws, 0, "stats.column.code", "stats.column.region", "stats.card.activities",
				"stats.card.participants", "stats.card.beneficiaries", "stats.card.funds", "stats.card.materials");
		int row = 1;
		for (Dashboard.ChildRow c : d.children()) {
			ws.value(row, 0, c.region().code().value());
			ws.value(row, 1, c.region().name());
			totals(ws, row, 2, c.activities());
			row++;
		}
		ws.width(0, 14);
		ws.width(1, 24);
	}

	private void series(Worksheet ws, Dashboard d) {
		header(ws, 0, d.granularity() == Granularity.WEEK ? "stats.column.week" : "stats.column.month",
				"stats.card.activities", "stats.card.participants", "stats.card.beneficiaries", "stats.card.funds",
				"stats.card.materials");
		int row = 1;
		for (Dashboard.Point p : d.series()) {
			ws.value(row, 0, p.start().toString());
			totals(ws, row, 1, p.totals());
			row++;
		}
		ws.width(0, 14);
	}

	private void domains(Worksheet ws, Dashboard d) {
		header(ws, 0, "stats.column.domain", "stats.card.activities", "stats.card.beneficiaries");
		int row = 1;
		for (ServiceDomain domain : ServiceDomain.values()) {
			ws.value(row, 0, texts.get(domain.messageKey()));
			number(ws, row, 1, d.activities().byDomain().get(domain).activities());
			number(ws, row, 2, d.activities().byDomain().get(domain).beneficiaries());
			row++;
		}
		ws.width(0, 18);
	}

	private void totals(Worksheet ws, int row, int col, ActivityTotals t) {
		number(ws, row, col, t.activities());
		number(ws, row, col + 1, t.participants());
		number(ws, row, col + 2, t.beneficiaries());
		number(ws, row, col + 3, t.fundsYuan());
		number(ws, row, col + 4, t.materialsYuan());
	}

	private void header(Worksheet ws, int row, String... keys) {
		for (int i = 0; i < keys.length; i++) {
			ws.value(row, i, texts.get(keys[i]));
			ws.style(row, i).bold().fillColor("DDEBF7").set();
			ws.width(i, Math.max(14, texts.get(keys[i]).length() * 2 + 2));
		}
	}

	private static void number(Worksheet ws, int row, int col, Object value) {
		if (value instanceof BigDecimal money) {
			ws.value(row, col, money);
			ws.style(row, col).format(MONEY).set();
		}
		else {
			ws.value(row, col, ((Number) value).longValue());
			ws.style(row, col).format(COUNT).set();
		}
	}

}
