package org.wushe.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Files for upload tests: real images made with ImageIO (one carrying an EXIF block with a GPS position), zips
 * shaped like Office files, and import templates filled in.
 */
public final class TestFiles {

	/** Text inside the EXIF block of {@link #jpegWithGps()}; must not survive an upload. */
	public static final String GPS_MARK = "GPSLatitude=40.8123N GPSLongitude=111.6701E";

	private TestFiles() {
	}

	/**
	 * An import template ({@code .xlsx}) with these rows filled in on its first sheet from row 2; each row lists the
	 * cells from column A (numbers as numbers, anything else as text, {@code null} left blank).
	 */
	public static byte[] filled(byte[] template, List<List<Object>> rows) {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			XSSFSheet sheet = wb.getSheetAt(0);
			for (int r = 0; r < rows.size(); r++) {
				XSSFRow row = sheet.createRow(r + 1);
				for (int c = 0; c < rows.get(r).size(); c++) {
					Object v = rows.get(r).get(c);
					if (v instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (v != null) {
						row.createCell(c).setCellValue(v.toString());
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLUE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A JPEG as a phone writes it: an APP1 "Exif" segment (TIFF header, GPS text) right after the start marker. */
	public static byte[] jpegWithGps() {
		byte[] tiff = ("MM\u0000*\u0000\u0000\u0000\u0008" + GPS_MARK).getBytes(StandardCharsets.ISO_8859_1);
		return withExif(image("jpeg", 800, 600), tiff);
	}

	/** A JPEG whose EXIF block holds only the orientation tag (0x0112) with this value, big-endian. */
	public static byte[] jpegWithOrientation(byte[] plainJpeg, int orientation) {
		byte[] tiff = { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
				0, 0, 0, 0 };
		return withExif(plainJpeg, tiff);
	}

	/** The JPEG with an APP1 "Exif" segment holding {@code tiff} inserted right after the start marker. */
	public static byte[] withExif(byte[] plainJpeg, byte[] tiff) {
		byte[] payload = new byte[6 + tiff.length];
		System.arraycopy("Exif\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 6);
		System.arraycopy(tiff, 0, payload, 6, tiff.length);
		int length = payload.length + 2;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xff);
		out.write(0xd8);
		out.write(0xff);
		out.write(0xe1);
		out.write(length >> 8);
		out.write(length & 0xff);
		out.writeBytes(payload);
		out.write(plainJpeg, 2, plainJpeg.length - 2);
		return out.toByteArray();
	}

	/** A zip with these entries, each holding a tiny XML text: {@code [Content_Types].xml} + {@code word/document.xml}
	 * make a .docx, a {@code vbaProject.bin} makes it carry macros. */
	public static byte[] zip(String... names) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			for (String name : names) {
				zip.putNextEntry(new java.util.zip.ZipEntry(name));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A zip with these entries and texts, in the order given. */
	public static byte[] zipOf(java.util.Map<String, String> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			for (var e : new java.util.TreeMap<>(entries).entrySet()) {
				zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
				zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	public static boolean contains(byte[] bytes, String text) {
		return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
	}

}
