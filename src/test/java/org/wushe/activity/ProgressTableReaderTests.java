package org.wushe.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.wushe.region.RegionCode;

class ProgressTableReaderTests {

	final List<ActivityValues> accepted = new ArrayList<>();

	final Map<Integer, List<ProgressTableReader.Problem>> rejected = new TreeMap<>();

	void read(byte[] xlsx) throws Exception {
		new ProgressTableReader(RegionCode.parse("150102"), 2022, 100).read(new ByteArrayInputStream(xlsx),
				new ProgressTableReader.Sink() {

					@Override
					public void accept(int row, ActivityValues values) {
						accepted.add(values);
					}

					@Override
					public void reject(int row, List<ProgressTableReader.Problem> problems) {
						rejected.put(row, problems);
					}

				});
	}

	@Test
	void readsTheTableAsPeopleFillItIn() throws Exception {
		read(MessyWorkbooks.messy());
		assertThat(accepted).hasSize(MessyWorkbooks.MESSY_VALID);
		ActivityValues first = accepted.get(0);
		assertThat(first.name()).isEqualTo("敬老义诊");
		assertThat(first.participants()).isEqualTo(120);
		assertThat(first.beneficiaries()).isEqualTo(1500);
		assertThat(first.funds().amount()).isEqualByComparingTo("1200.50");
		assertThat(first.materials().amount()).isEqualByComparingTo("3000");
		assertThat(first.dates()).isEqualTo(DateSpan.of(LocalDate.of(2022, 3, 20)));
		assertThat(first.domains()).containsExactly(ServiceDomain.ELDERLY, ServiceDomain.DISABLED);
		assertThat(first.region()).isEqualTo(RegionCode.parse("150102"));

		ActivityValues dateCell = accepted.get(1);
		assertThat(dateCell.dates().start()).isEqualTo(LocalDate.of(2022, 3, 21));
		assertThat(dateCell.participants()).isEqualTo(35);
		assertThat(dateCell.funds().amount()).isEqualByComparingTo(new BigDecimal("800"));
		assertThat(dateCell.materials()).isEqualTo(Yuan.ZERO);
		assertThat(dateCell.domains()).containsExactly(ServiceDomain.WOMEN, ServiceDomain.CHILDREN);

		assertThat(accepted.get(2).dates()).isEqualTo(new DateSpan(LocalDate.of(2022, 3, 22), LocalDate.of(2022, 3, 24)));
		assertThat(accepted.get(2).funds().amount()).isEqualByComparingTo("2000");
		assertThat(accepted.get(3).participants()).isEqualTo(1200);
		assertThat(accepted.get(3).beneficiaries()).isEqualTo(30);
		assertThat(accepted.get(3).funds().amount()).isEqualByComparingTo("15000");
		assertThat(accepted.get(3).dates().start()).isEqualTo(LocalDate.of(2022, 3, 25));
		assertThat(accepted.get(4).dates().start()).isEqualTo(LocalDate.of(2022, 3, 26));
		assertThat(accepted.get(4).domains()).containsExactly(ServiceDomain.DISABLED, ServiceDomain.OTHER);
		assertThat(accepted.get(6).dates().end()).isEqualTo(LocalDate.of(2022, 4, 2));
	}

	@Test
	void namesEveryUnreadableCellByRowAndColumn() throws Exception {
		read(MessyWorkbooks.messy());
		assertThat(rejected).containsOnlyKeys(MessyWorkbooks.MESSY_BAD_ROW);
		List<String> cells = rejected.get(MessyWorkbooks.MESSY_BAD_ROW).stream().map(p -> p.column() + ":" + p.messageKey()).toList();
		assertThat(cells).containsExactlyInAnyOrder("D:activity.value.count-negative", "E:activity.value.date-impossible",
				"H:activity.value.domain-unknown", "I:activity.value.count-format", "J:activity.value.money-decimals");
	}

	@Test
	void readsATwoRowHeaderWithTheMergedResourcesCell() throws Exception {
		read(MessyWorkbooks.plain(5));
		assertThat(accepted).hasSize(5);
		assertThat(accepted.get(4).name()).isEqualTo("活动5");
		assertThat(accepted.get(4).materials().amount()).isEqualByComparingTo("50");
		assertThat(rejected).isEmpty();
	}

	@Test
	void refusesOtherLayouts() {
		assertThatThrownBy(() -> read(MessyWorkbooks.workbook(List.<Object[]>of(new Object[] { "姓名", "电话" },
				new Object[] { "张三", "123" })))).isInstanceOf(ProgressTableReader.WrongLayout.class)
			.extracting(e -> ((Unreadable) e).messageKey())
			.isEqualTo("activity.import.no-header");
		assertThatThrownBy(() -> read(MessyWorkbooks.workbook(List.<Object[]>of(
				new Object[] { "序号", "活动名称", "参与人次", "活动开展时间", "服务领域" }, new Object[] { 1, "a", 1, "3月1日", "其他" }))))
			.isInstanceOf(ProgressTableReader.WrongLayout.class)
			.satisfies(e -> assertThat(((ProgressTableReader.WrongLayout) e).missing()).contains(TableColumn.UNITS,
					TableColumn.BENEFICIARIES, TableColumn.FUNDS, TableColumn.MATERIALS));
	}

	@Test
	void refusesTooManyRows() {
		assertThatThrownBy(() -> read(MessyWorkbooks.plain(101))).isInstanceOf(ProgressTableReader.WrongLayout.class)
			.extracting(e -> ((Unreadable) e).messageKey())
			.isEqualTo("activity.import.too-many-rows");
	}

}
