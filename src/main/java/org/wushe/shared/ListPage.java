package org.wushe.shared;

import java.util.List;

import org.springframework.ui.Model;

/**
 * One page of a list screen: the query reads {@link #limit()} rows from {@link #offset()}, one past the page, so the
 * screen knows whether another page follows; {@link #show} puts the page on the model.
 *
 * @param page the page number, from 0 (a negative one reads as 0)
 * @param size the rows on a page
 */
public record ListPage(int page, int size) {

	public ListPage {
		page = Math.max(page, 0);
	}

	public int offset() {
		return page * size;
	}

	/** One row more than the page shows. */
	public int limit() {
		return size + 1;
	}

	/**
	 * The page's rows out of those {@code read}; puts them on the model as {@code name}, with {@code hasNext} and
	 * {@code page}.
	 */
	public <T> List<T> show(Model model, String name, List<T> read) {
		List<T> rows = read.subList(0, Math.min(read.size(), size));
		model.addAttribute(name, rows);
		model.addAttribute("hasNext", read.size() > size);
		model.addAttribute("page", page);
		return rows;
	}

}
