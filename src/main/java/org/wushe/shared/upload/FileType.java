package org.wushe.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats users may upload as photos or attachments, recognised by their bytes (magic numbers and, for the
 * Office formats, the parts inside the zip), never by the file name or the type the browser claims.
 */
public enum FileType {

	JPEG("image/jpeg", "jpg"),

	PNG("image/png", "png"),

	WEBP("image/webp", "webp"),

	PDF("application/pdf", "pdf"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	/** The formats of photos. */
	public static final List<FileType> IMAGES = List.of(JPEG, PNG, WEBP);

	private static final byte[] OLE_SIGNATURE = { (byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1,
			0x1a, (byte) 0xe1 };

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private final String mediaType;

	private final String extension;

	FileType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	public String extension() {
		return extension;
	}

	/**
	 * Whether a file name claims a type that a browser or the operating system would run or render as active content
	 * (executables, scripts, HTML, SVG, shortcuts …), whatever the bytes are.
	 */
	public static boolean isActiveContentName(String fileName) {
		String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
		while (name.endsWith(".") || name.endsWith(" ")) {
			name = name.substring(0, name.length() - 1);
		}
		return ACTIVE.matcher(name).find();
	}

	private static final java.util.regex.Pattern ACTIVE = java.util.regex.Pattern.compile(
			"\\.(bat|cmd|com|exe|dll|scr|pif|cpl|msi|msp|msc|hta|htm|html|xht|xhtml|shtml|mht|mhtml|svg|svgz|xml|xsl|"
					+ "js|jse|mjs|vbs|vbe|wsf|wsh|ws|ps1|psm1|psd1|sh|bash|csh|ksh|php\\d?|phtml|jsp|jspx|asp|aspx|cgi|pl|py|"
					+ "rb|jar|war|class|apk|app|dmg|deb|rpm|lnk|url|inf|reg|scf|swf|chm|hlp|iso|img)$");

	/** The type whose media type this is (as stored with a file), or empty. */
	public static Optional<FileType> ofMediaType(String mediaType) {
		for (FileType t : values()) {
			if (t.mediaType.equalsIgnoreCase(mediaType == null ? "" : mediaType.strip())) {
				return Optional.of(t);
			}
		}
		return Optional.empty();
	}

	/**
	 * The name a file of this type is stored and served under: the shown name without its own extension, with this
	 * type's extension ({@code report.bat} holding a PDF becomes {@code report.pdf}).
	 */
	public String nameFor(String shownName) {
		String base = shownName == null ? "" : shownName.strip();
		int dot = base.lastIndexOf('.');
		if (dot >= 0) {
			base = base.substring(0, dot).strip();
		}
		while (base.endsWith(".")) {
			base = base.substring(0, base.length() - 1);
		}
		return (base.isEmpty() ? "file" : base) + "." + extension;
	}

	/**
	 * The format of {@code bytes}, or empty when they are none of these. An Office file that carries macros is not
	 * recognised here; ask {@link #hasMacros} first.
	 */
	public static Optional<FileType> detect(byte[] bytes) {
		if (bytes == null || bytes.length < 4) {
			return Optional.empty();
		}
		if ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, PNG_SIGNATURE, 0)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, ascii("RIFF"), 0) && startsWith(bytes, ascii("WEBP"), 8)) {
			return Optional.of(WEBP);
		}
		if (startsWith(bytes, ascii("%PDF-"), 0)) {
			return Optional.of(PDF);
		}
		if (startsWith(bytes, ascii("PK\u0003\u0004"), 0)) {
			List<String> names = ZipDirectory.names(bytes);
			if (!names.contains("[Content_Types].xml") || hasMacros(names) || declaresMacros(bytes)) {
				return Optional.empty();
			}
			if (names.contains("word/document.xml")) {
				return Optional.of(DOCX);
			}
			if (names.contains("xl/workbook.xml")) {
				return Optional.of(XLSX);
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether the bytes are an Office file with macros: a zip holding a VBA project (.docm, .xlsm, …) or an old
	 * binary Office file (which may always carry them and is not accepted anyway); or whether the name says so.
	 */
	public static boolean hasMacros(String fileName, byte[] bytes) {
		String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
		if (name.matches(".*\\.(docm|dotm|xlsm|xltm|xlsb|xlam|pptm|potm|ppsm)$")) {
			return true;
		}
		if (bytes == null || bytes.length < 4) {
			return false;
		}
		if (startsWith(bytes, ascii("PK\u0003\u0004"), 0) && hasMacros(ZipDirectory.names(bytes))) {
			return true;
		}
		return declaresMacros(bytes);
	}

	private static boolean hasMacros(List<String> names) {
		return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).anyMatch(n -> n.endsWith("vbaproject.bin")
				|| n.endsWith("vbadata.xml") || n.contains("/activex/"));
	}

	/**
	 * Whether the bytes carry macros whatever their parts are called: a zip package whose
	 * {@code [Content_Types].xml} declares a macro-enabled or VBA content type, or whose relationships point to a VBA
	 * project, VBA data or ActiveX control; or an old binary (OLE) Office file with a VBA storage. A package whose
	 * declarations cannot be read within bounds counts as carrying macros.
	 */
	static boolean declaresMacros(byte[] bytes) {
		if (startsWith(bytes, OLE_SIGNATURE, 0)) {
			return indexOf(bytes, "_VBA_PROJECT".getBytes(StandardCharsets.UTF_16LE)) >= 0;
		}
		if (!startsWith(bytes, ascii("PK\u0003\u0004"), 0)) {
			return false;
		}
		return OfficePackage.declarations(bytes).map(OfficePackage::macros).orElse(true);
	}

	/**
	 * Whether the text of a package's {@code [Content_Types].xml} or of one of its {@code .rels} parts declares a
	 * VBA project, VBA data, an ActiveX control or a macro-enabled document.
	 */
	public static boolean declaresMacros(String declarations) {
		String t = declarations == null ? "" : declarations.toLowerCase(Locale.ROOT);
		return t.contains("macroenabled") || t.contains("vbaproject") || t.contains("vbadata")
				|| t.contains("activex") || t.contains("keymapcustomizations");
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i + part.length <= bytes.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
		if (bytes.length < at + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
