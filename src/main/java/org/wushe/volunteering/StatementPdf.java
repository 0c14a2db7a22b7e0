package org.wushe.volunteering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * A statement as a printable A4 PDF with the certificates' font and margins: a title, a few lines about whose
 * statement it is, and a table that runs over as many pages as it needs, its header repeated on each.
 */
@Component
@RequiredArgsConstructor
public class StatementPdf {

	/** What to print: the widths are shares of the line (they sum to 1). */
	public record Table(String title, List<String> head, List<String> headers, float[] widths, List<List<String>> rows) {
	}

	private static final float SIZE = 9;

	private static final float LINE = 14;

	private final PdfSetup setup;

	public byte[] render(Table t) {
		try (PDDocument doc = new PDDocument(); PdfSetup.Font font = setup.font(doc)) {
			PDType0Font f = font.pdf;
			float width = PDRectangle.A4.getWidth() - 2 * PdfSetup.MARGIN;
			int row = 0;
			boolean first = true;
			while (first || row < t.rows().size()) {
				PDPage page = new PDPage(PDRectangle.A4);
				doc.addPage(page);
				float y = page.getMediaBox().getHeight() - PdfSetup.MARGIN;
				try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
					if (first) {
						font.text(s, 16, PdfSetup.MARGIN, y, t.title());
						y -= 28;
						for (String line : t.head()) {
							for (String part : PdfSetup.wrap(f, line, 10, width)) {
								font.text(s, 10, PdfSetup.MARGIN, y, part);
								y -= 16;
							}
						}
						y -= 6;
						first = false;
					}
					y = cells(s, font, t.headers(), t.widths(), width, y);
					s.moveTo(PdfSetup.MARGIN, y + LINE - 4);
					s.lineTo(PdfSetup.MARGIN + width, y + LINE - 4);
					s.stroke();
					while (row < t.rows().size() && y > PdfSetup.MARGIN) {
						y = cells(s, font, t.rows().get(row++), t.widths(), width, y);
					}
				}
			}
			return font.save(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One line of cells, each cut to its column; answers the next line's height. */
	private static float cells(PDPageContentStream s, PdfSetup.Font font, List<String> cells, float[] widths, float width,
			float y) throws IOException {
		float x = PdfSetup.MARGIN;
		for (int i = 0; i < cells.size(); i++) {
			float w = widths[i] * width;
			font.text(s, SIZE, x, y, PdfSetup.fit(font.pdf, cells.get(i), SIZE, w - 4));
			x += w;
		}
		return y - LINE;
	}

}
