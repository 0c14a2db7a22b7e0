package org.wushe.article.web;

import java.util.List;

import org.wushe.article.CheckReport;
import org.wushe.shared.Texts;

/** The 附件2 check as the API shows it; {@code canSubmit} is false while there are errors. */
record CheckView(int textLength, int lengthMin, int lengthMax, int imageCount, boolean canSubmit,
		List<FindingView> findings) {

	static CheckView of(CheckReport report, Texts texts) {
		return new CheckView(report.textLength(), report.min(), report.max(), report.imageCount(), !report.hasErrors(),
				report.findings().stream().map(f -> FindingView.of(f, texts)).toList());
	}

}
