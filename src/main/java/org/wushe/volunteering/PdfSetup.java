package org.wushe.volunteering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the module's PDFs share (certificates, statements): A4 pages, Noto Sans SC embedded as a subset (only the
 * characters used), a margin, and placing and wrapping text (character by character: Chinese has no spaces).
 */
@Component
class PdfSetup {

	static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	static final float MARGIN = 64;

	private volatile byte[] font;

	/** The Chinese font, embedded in {@code doc} as a subset. */
	PDType0Font font(PDDocument doc) throws IOException {
		byte[] f = font;
		if (f == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				f = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			font = f;
		}
		return PDType0Font.load(doc, new RandomAccessReadBuffer(f), true, false);
	}

	static void text(PDPageContentStream s, PDType0Font f, float size, float x, float y, String text)
			throws IOException {
		s.beginText();
		s.setFont(f, size);
		s.newLineAtOffset(x, y);
		s.showText(text);
		s.endText();
	}

	/** Breaks {@code text} into lines no wider than {@code max}. */
	static List<String> wrap(PDType0Font f, String text, float size, float max) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			String ch = new String(Character.toChars(cp));
			if (f.getStringWidth(line + ch) / 1000 * size > max && !line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(ch);
			i += Character.charCount(cp);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** {@code text} cut to fit {@code max}, ending in an ellipsis when cut. */
	static String fit(PDType0Font f, String text, float size, float max) throws IOException {
		List<String> lines = wrap(f, text == null ? "" : text, size, max);
		return lines.size() <= 1 ? (lines.isEmpty() ? "" : lines.get(0))
				: lines.get(0).substring(0, Math.max(0, lines.get(0).length() - 1)) + "…";
	}

}
