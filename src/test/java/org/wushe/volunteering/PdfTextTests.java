package org.wushe.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The module's PDFs copy out as the text drawn: ideographs whose glyph the font shares with a Kangxi radical (一 ⼀,
 * 人 ⼈, 日 ⽇, 月 ⽉, 工 ⼯, 大 ⼤, 长 ⾧) come out as the ideographs, also when documents are made on several threads
 * at once from the shared parsed fonts; Latin ligatures the font draws (fi, ff) come out as their letters.
 */
class PdfTextTests {

	private static final String LINE = "一人日月工大长山水火 兑换 120 分钟 certificates staff";

	private final StatementPdf pdf = new StatementPdf(new PdfSetup());

	private byte[] render(int n) {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			rows.add(List.of("第" + i + "行", LINE));
		}
		return pdf.render(new StatementPdf.Table("对账单 一月", List.of("账户 大山"), List.of("日期", "摘要"),
				new float[] { 0.3f, 0.7f }, rows));
	}

	private static String text(byte[] bytes) throws Exception {
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	@Test
	void copiedTextIsTheIdeographsDrawn() throws Exception {
		String text = text(render(3));
		assertThat(text).contains("对账单 一月").contains("账户 大山").contains(LINE);
		assertThat(text.codePoints().filter(PdfSetup::isRadical).count()).as("radicals in the copied text").isZero();
	}

	@Test
	void documentsMadeAtOnceAreWhole() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<byte[]>> made = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				int rows = 40 + i;
				made.add(pool.submit(() -> render(rows)));
			}
			for (int i = 0; i < made.size(); i++) {
				String text = text(made.get(i).get());
				assertThat(text).contains("第" + (39 + i) + "行 " + LINE);
				assertThat(text.codePoints().filter(PdfSetup::isRadical).count()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
