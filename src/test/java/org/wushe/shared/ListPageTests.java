package org.wushe.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;

/** A list page reads one row past its end to know whether another page follows. */
class ListPageTests {

	@Test
	void aPageReadsOneRowMoreThanItShows() {
		ListPage p = new ListPage(2, 10);
		assertThat(p.offset()).isEqualTo(20);
		assertThat(p.limit()).isEqualTo(11);
		assertThat(new ListPage(-3, 10).offset()).isZero();
	}

	@Test
	void showPutsThePageOnTheModel() {
		ExtendedModelMap model = new ExtendedModelMap();
		List<Integer> shown = new ListPage(1, 2).show(model, "rows", List.of(1, 2, 3));
		assertThat(shown).containsExactly(1, 2);
		assertThat(model).containsEntry("rows", List.of(1, 2)).containsEntry("hasNext", true).containsEntry("page", 1);
		new ListPage(0, 2).show(model, "rows", List.of(1, 2));
		assertThat(model).containsEntry("hasNext", false).containsEntry("page", 0);
	}

}
