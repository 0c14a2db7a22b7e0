package org.wushe.shared.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.wushe.shared.InputRefused;
import org.wushe.shared.upload.FileType;

/**
 * The one gate every uploaded workbook passes before a row is read: a plain {@code .xlsx} (an OOXML zip with a
 * workbook part; not the old binary format or an encrypted file, not a renamed CSV), without macros, and no zip bomb.
 * The size check counts the bytes each part actually inflates to, never the sizes the archive declares (whoever sent
 * the file wrote those). Callers turn a {@link Refused} into their own message.
 */
public final class XlsxGate {

	/** Why a file is refused. */
	public enum Problem {

		/** Named or built as a macro-enabled workbook, or carrying a VBA project. */
		MACROS,
		/** The old binary .xls format, or an encrypted (password-protected) workbook. */
		OLD_FORMAT,
		/** A file name that is no .xlsx. */
		WRONG_EXTENSION,
		/** No bytes at all. */
		EMPTY,
		/** Not a zip archive. */
		NOT_ZIP,
		/** A zip, but no spreadsheet workbook in it. */
		NOT_WORKBOOK,
		/** A damaged archive. */
		CORRUPT,
		/** Inflates beyond the limit. */
		TOO_LARGE_INFLATED

	}

	/** A refused file, with the reason. */
	public static final class Refused extends InputRefused {

		Refused(Problem problem) {
			super(problem);
		}

		@Override
		public Problem problem() {
			return (Problem) super.problem();
		}

	}

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	private static final int MAX_TYPES_TEXT = 1 << 20;

	private XlsxGate() {
	}

	/** Refuses names of macro-enabled, old-format and other files; a blank name passes (the content decides). */
	public static void checkName(String fileName) throws Refused {
		if (fileName == null || fileName.isBlank()) {
			return;
		}
		String name = fileName.strip().toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsm") || name.endsWith(".xltm") || name.endsWith(".xlsb") || name.endsWith(".xlam")) {
			throw new Refused(Problem.MACROS);
		}
		if (name.endsWith(".xls") || name.endsWith(".et") || name.endsWith(".wps")) {
			throw new Refused(Problem.OLD_FORMAT);
		}
		if (!name.endsWith(".xlsx")) {
			throw new Refused(Problem.WRONG_EXTENSION);
		}
	}

	/**
	 * Checks the content of {@code file}: its signature, then every part of the archive through the central
	 * directory, inflating each to count its real size against {@code maxInflatedBytes}.
	 */
	public static void checkContent(Path file, long maxInflatedBytes) throws Refused {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(8);
		}
		catch (IOException ex) {
			throw new Refused(Problem.CORRUPT);
		}
		if (head.length == 0) {
			throw new Refused(Problem.EMPTY);
		}
		if (startsWith(head, OLE2)) {
			throw new Refused(Problem.OLD_FORMAT);
		}
		if (!startsWith(head, ZIP)) {
			throw new Refused(Problem.NOT_ZIP);
		}
		scan(file, maxInflatedBytes);
	}

	/** Whether a part of that name holds macros (a VBA project). */
	public static boolean isMacroPart(String partName) {
		String name = partName.toLowerCase(Locale.ROOT);
		return name.contains("vbaproject") || name.endsWith(".bin") && name.contains("vba");
	}

	private static void scan(Path file, long maxInflatedBytes) throws Refused {
		long inflated = 0;
		boolean workbook = false;
		String types = null;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
			for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
				ZipEntry entry = e.nextElement();
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (isMacroPart(name)) {
					throw new Refused(Problem.MACROS);
				}
				workbook |= name.equals("xl/workbook.xml");
				boolean isTypes = name.equals("[content_types].xml");
				boolean declares = isTypes || name.endsWith(".rels");
				StringBuilder typesText = declares ? new StringBuilder() : null;
				try (InputStream in = zip.getInputStream(entry)) {
					for (int n; (n = in.read(buffer)) > 0;) {
						inflated += n;
						if (inflated > maxInflatedBytes) {
							throw new Refused(Problem.TOO_LARGE_INFLATED);
						}
						if (typesText != null && typesText.length() < MAX_TYPES_TEXT) {
							typesText.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
						}
					}
				}
				if (typesText != null && FileType.declaresMacros(typesText.toString())) {
					// macros follow the package's declared content types and relationships, not its part names
					throw new Refused(Problem.MACROS);
				}
				if (isTypes) {
					types = typesText.toString().toLowerCase(Locale.ROOT);
				}
			}
		}
		catch (ZipException ex) {
			throw new Refused(Problem.CORRUPT);
		}
		catch (IOException ex) {
			throw new Refused(Problem.CORRUPT);
		}
		if (types == null || !types.contains("spreadsheetml") || !workbook) {
			throw new Refused(Problem.NOT_WORKBOOK);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
