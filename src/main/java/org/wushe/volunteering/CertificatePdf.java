package org.wushe.volunteering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.wushe.shared.Texts;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A certificate as a printable A4 PDF: Noto Sans SC embedded as a subset (only the characters used), and a QR code,
 * drawn as vector squares, that leads to the certificate's public page.
 */
@Component
@RequiredArgsConstructor
public class CertificatePdf {

	private static final float MARGIN = PdfSetup.MARGIN;

	private final Texts texts;

	private final PdfSetup setup;

	public byte[] render(Certificates.Certificate c, String publicUrl) {
		try (PDDocument doc = new PDDocument(); PdfSetup.Font font = setup.font(doc)) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDType0Font f = font.pdf;
			float width = page.getMediaBox().getWidth();
			float top = page.getMediaBox().getHeight() - MARGIN;
			try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
				String title = texts.get("volunteering.certificate.title");
				float titleSize = 24;
				font.text(s, titleSize, (width - f.getStringWidth(title) / 1000 * titleSize) / 2, top - 20, title);
				float y = top - 80;
				String body = texts.get("volunteering.certificate.body", c.volunteerName(), c.from(), c.to(),
						c.issuerName(), c.serviceContent(), c.hours());
				for (String line : wrap(f, body, 14, width - 2 * MARGIN)) {
					font.text(s, 14, MARGIN, y, line);
					y -= 24;
				}
				y -= 12;
				Map<String, String> rows = new java.util.LinkedHashMap<>();
				rows.put(texts.get("volunteering.certificate.number"), c.number());
				rows.put(texts.get("volunteering.certificate.name"), c.volunteerName());
				rows.put(texts.get("volunteering.certificate.id"),
						texts.get("volunteering.certificate.id-type") + " " + nz(c.idNumberMasked()));
				rows.put(texts.get("volunteering.certificate.volunteer-number"), nz(c.volunteerNumber()));
				rows.put(texts.get("volunteering.certificate.period"), c.from() + " — " + c.to());
				rows.put(texts.get("volunteering.certificate.hours"), c.hours());
				rows.put(texts.get("volunteering.certificate.issuer"), c.issuerName());
				rows.put(texts.get("volunteering.certificate.handler"), nz(c.issuedBy()));
				rows.put(texts.get("volunteering.certificate.issued-on"), c.issuedOn().toString());
				for (Map.Entry<String, String> r : rows.entrySet()) {
					font.text(s, 12, MARGIN, y, r.getKey());
					for (String line : wrap(f, r.getValue(), 12, width - 2 * MARGIN - 110)) {
						font.text(s, 12, MARGIN + 110, y, line);
						y -= 20;
					}
				}
				if (c.revoked()) {
					font.text(s, 16, MARGIN, y - 10, texts.get("volunteering.certificate.revoked-mark"));
				}
				qr(s, publicUrl, width - MARGIN - 110, MARGIN + 20, 110);
				font.text(s, 9, MARGIN, MARGIN + 20, texts.get("volunteering.certificate.verify"));
				font.text(s, 9, MARGIN, MARGIN + 6, publicUrl);
			}
			return font.save(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static java.util.List<String> wrap(PDType0Font f, String text, float size, float max) throws IOException {
		return PdfSetup.wrap(f, text, size, max);
	}

	private static void qr(PDPageContentStream s, String text, float x, float y, float size) throws IOException {
		BitMatrix m;
		try {
			m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
					ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode " + text, ex);
		}
		float unit = size / m.getWidth();
		for (int row = 0; row < m.getHeight(); row++) {
			for (int col = 0; col < m.getWidth(); col++) {
				if (m.get(col, row)) {
					s.addRect(x + col * unit, y + (m.getHeight() - 1 - row) * unit, unit, unit);
				}
			}
		}
		s.fill();
	}

}
