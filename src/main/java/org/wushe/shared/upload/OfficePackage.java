package org.wushe.shared.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an Office (OOXML) package declares about its parts: the content types of {@code [Content_Types].xml} and the
 * relationship types of every {@code .rels} part. Only these small parts are inflated, each at most
 * {@link #MAX_PART} bytes and {@link #MAX_TOTAL} in all, so a zip bomb costs nothing; they are read with
 * {@link OfficeXml} (a part that is not well-formed XML makes the package unreadable).
 *
 * @param contentTypes the declared content types, lower case
 * @param relationshipTypes the declared relationship types, lower case
 */
record OfficePackage(List<String> contentTypes, List<String> relationshipTypes) {

	static final int MAX_PART = 1 << 20;

	static final int MAX_TOTAL = 4 << 20;

	/** The declarations, or empty when the package cannot be read within the bounds. */
	static Optional<OfficePackage> declarations(byte[] zip) {
		List<String> contentTypes = new ArrayList<>();
		List<String> relationships = new ArrayList<>();
		long total = 0;
		for (ZipDirectory.Entry e : ZipDirectory.entries(zip)) {
			String name = e.name().toLowerCase(Locale.ROOT);
			boolean types = name.equals("[content_types].xml");
			if (!types && !name.endsWith(".rels")) {
				continue;
			}
			Optional<byte[]> part = ZipDirectory.read(zip, e, MAX_PART);
			if (part.isEmpty() || (total += part.get().length) > MAX_TOTAL) {
				return Optional.empty();
			}
			try {
				for (String value : OfficeXml.attributeValues(part.get(), types ? "ContentType" : "Type")) {
					(types ? contentTypes : relationships).add(value.toLowerCase(Locale.ROOT));
				}
			}
			catch (OfficeXml.Malformed ex) {
				return Optional.empty();
			}
		}
		return Optional.of(new OfficePackage(contentTypes, relationships));
	}

	/** Whether a declaration names a VBA project, VBA data, an ActiveX control or a macro-enabled document. */
	boolean macros() {
		return contentTypes.stream().anyMatch(FileType::declaresMacros)
				|| relationshipTypes.stream().anyMatch(FileType::declaresMacros);
	}

}
