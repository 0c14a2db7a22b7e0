package org.wushe.site;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code as an SVG image (one module per unit, crisp at any print size), delivered as a {@code data:} URI so that
 * pages need no extra request and the content security policy ({@code img-src 'self' data:}) allows it.
 */
final class QrCode {

	private QrCode() {
	}

	/** The SVG of a QR code holding {@code text}, with a quiet zone of two modules. */
	static String svg(String text) {
		BitMatrix m;
		try {
			m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode " + text, ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

	/** {@link #svg} as a {@code data:image/svg+xml;base64,…} URI. */
	static String dataUri(String text) {
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
	}

}
