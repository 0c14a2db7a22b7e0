package org.wushe.volunteering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What the module's PDFs share (certificates, statements): A4 pages, Noto Sans SC embedded as a subset (only the
 * characters used), a margin, and placing and wrapping text (character by character: Chinese has no spaces).
 * <p>
 * The font file is parsed once into a few parsed fonts, each lent to one document at a time (a parsed font is not
 * safe for concurrent use); a document embeds only the subset it draws. Its text-copy map (ToUnicode) is written from
 * the characters actually drawn: the font shares one glyph between an ideograph and its Kangxi radical (一 and ⼀),
 * and PDFBox's own map names the lower code point, the radical, so copied text came out as radicals.
 */
@Component
class PdfSetup {

	static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	static final float MARGIN = 64;

	/** Parsed fonts at most: one per core is enough, as rendering is CPU work. */
	private static final int PARSED = Math.max(2, Runtime.getRuntime().availableProcessors());

	/** How long a document waits for a parsed font when all are lent. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	private final BlockingQueue<TrueTypeFont> idle = new ArrayBlockingQueue<>(PARSED);

	private final AtomicInteger parsed = new AtomicInteger();

	private volatile byte[] bytes;

	/** One document's Chinese font: a parsed font borrowed until {@link #close()}, and the characters drawn. */
	final class Font implements AutoCloseable {

		final PDType0Font pdf;

		private final TrueTypeFont ttf;

		private final CmapLookup cmap;

		/** glyph id → the character drawn with it. */
		private final Map<Integer, Integer> drawn = new TreeMap<>();

		private boolean returned;

		private Font(PDDocument doc, TrueTypeFont ttf) throws IOException {
			this.ttf = ttf;
			this.cmap = ttf.getUnicodeCmapLookup();
			this.pdf = PDType0Font.load(doc, ttf, true);
		}

		/** Draws one line of text at (x, y). */
		void text(PDPageContentStream s, float size, float x, float y, String text) throws IOException {
			text.codePoints().forEach(cp -> {
				int gid = cmap.getGlyphId(cp);
				if (gid > 0) {
					drawn.merge(gid, cp, (old, now) -> isRadical(old) ? now : old);
				}
			});
			s.beginText();
			s.setFont(pdf, size);
			s.newLineAtOffset(x, y);
			s.showText(text);
			s.endText();
		}

		/**
		 * Saves the document: the first pass embeds the subset, then the text-copy map is replaced by the characters
		 * drawn and the document written out.
		 */
		byte[] save(PDDocument doc) throws IOException {
			doc.save(OutputStream.nullOutputStream());
			Map<Integer, String> codes = new TreeMap<>();
			if (pdf.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream made) {
				// PDFBox's own map, which also names the ligatures it drew (fi, ff): kept where nothing was drawn
				try (InputStream in = made.createInputStream()) {
					CMap cmap = new CMapParser().parse(new RandomAccessReadBuffer(in));
					for (int gid = 1; gid < 0x10000; gid++) {
						String u = cmap.toUnicode(gid, 2);
						if (u != null) {
							codes.put(gid, u);
						}
					}
				}
			}
			drawn.forEach((gid, cp) -> codes.put(gid, new String(Character.toChars(cp))));
			COSStream map = doc.getDocument().createCOSStream();
			try (OutputStream out = map.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(toUnicode(codes).getBytes(StandardCharsets.US_ASCII));
			}
			pdf.getCOSObject().setItem(COSName.TO_UNICODE, map);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}

		private static String toUnicode(Map<Integer, String> codes) {
			StringBuilder b = new StringBuilder("""
					/CIDInit /ProcSet findresource begin
					12 dict begin
					begincmap
					/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
					/CMapName /Adobe-Identity-UCS def
					/CMapType 2 def
					1 begincodespacerange
					<0000> <FFFF>
					endcodespacerange
					""");
			List<Map.Entry<Integer, String>> entries = new ArrayList<>(codes.entrySet());
			for (int i = 0; i < entries.size(); i += 100) {
				List<Map.Entry<Integer, String>> chunk = entries.subList(i, Math.min(entries.size(), i + 100));
				b.append(chunk.size()).append(" beginbfchar\n");
				for (Map.Entry<Integer, String> e : chunk) {
					b.append(String.format("<%04X> <", e.getKey()));
					for (char c : e.getValue().toCharArray()) {
						b.append(String.format("%04X", (int) c));
					}
					b.append(">\n");
				}
				b.append("endbfchar\n");
			}
			return b.append("""
					endcmap
					CMapName currentdict /CMap defineresource pop
					end
					end
					""").toString();
		}

		/** Gives the parsed font back; once only, so that it is never lent to two documents at a time. */
		@Override
		public void close() {
			if (!returned) {
				returned = true;
				idle.offer(ttf);
			}
		}

	}

	/** Kangxi radicals and the CJK radicals supplement: glyphs shared with the ideographs they look like. */
	static boolean isRadical(int cp) {
		return cp >= 0x2E80 && cp <= 0x2FDF;
	}

	/**
	 * The Chinese font for {@code doc}, embedded as a subset; close it after the document is saved. An idle parsed
	 * font is lent; while fewer than {@link #PARSED} exist one more is parsed; else this waits for one, at most
	 * {@link #WAIT}.
	 */
	Font font(PDDocument doc) throws IOException {
		TrueTypeFont ttf = idle.poll();
		if (ttf == null) {
			ttf = parsed.incrementAndGet() <= PARSED ? parse() : waitForOne();
		}
		try {
			return new Font(doc, ttf);
		}
		catch (IOException | RuntimeException ex) {
			idle.offer(ttf);
			throw ex;
		}
	}

	/** Parses one more font; a failed parse gives its place back, so that it can be tried again. */
	private TrueTypeFont parse() throws IOException {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
		}
		catch (IOException | RuntimeException ex) {
			parsed.decrementAndGet();
			throw ex;
		}
	}

	private TrueTypeFont waitForOne() throws IOException {
		parsed.decrementAndGet();
		try {
			TrueTypeFont ttf = idle.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			if (ttf == null) {
				throw new IOException("no font free after " + WAIT);
			}
			return ttf;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the font", ex);
		}
	}

	private byte[] bytes() {
		byte[] f = bytes;
		if (f == null) {
			try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
				f = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			bytes = f;
		}
		return f;
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
