package org.wushe.shared.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office XML parts are read with a real parser that never resolves entities or fetches anything. */
class OfficeXmlTests {

	static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void findsElementsAndAttributesByLocalNameWithValuesUnescaped() throws OfficeXml.Malformed {
		byte[] workbook = utf8("""
				<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
				<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
				    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
				  <x:sheets>
				    <x:sheet name="说明 &amp; 填表" sheetId="1" r:id="rId1"/>
				    <x:sheet name='社工站' sheetId="2" r:id="rId2"></x:sheet>
				  </x:sheets>
				</x:workbook>""");
		List<Map<String, String>> sheets = OfficeXml.elements(workbook, "sheet");
		assertThat(sheets).extracting(m -> m.get("name")).containsExactly("说明 & 填表", "社工站");
		assertThat(sheets).extracting(m -> m.get("id")).containsExactly("rId1", "rId2");
		assertThat(OfficeXml.attributeValues(utf8("""
				<Types><Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>"""),
				"ContentType"))
			.containsExactly("application/xml", "application/vnd.ms-office.vbaProject");
	}

	@Test
	void readsOnlyUpToTheElementAsked() throws OfficeXml.Malformed {
		String sheet = "<worksheet><dimension ref=\"A1:K100\"/><sheetData><row r=\"1\"><c><v>1</v></c></row>";
		// the rest of the sheet is cut off: no matter, the dimension came first
		assertThat(OfficeXml.first(new ByteArrayInputStream(utf8(sheet)), "dimension", "sheetData"))
			.hasValueSatisfying(a -> assertThat(a.get("ref")).isEqualTo("A1:K100"));
		assertThat(OfficeXml.first(new ByteArrayInputStream(utf8("<worksheet><sheetData><dimension ref=\"A1\"/>")),
				"dimension", "sheetData"))
			.isEmpty();
	}

	@Test
	void neverResolvesExternalEntities(@TempDir Path dir) throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "top-secret");
		byte[] xxe = utf8("""
				<?xml version="1.0"?>
				<!DOCTYPE Types [<!ENTITY leak SYSTEM "%s">]>
				<Types><Default ContentType="&leak;"/></Types>""".formatted(secret.toUri()));
		assertThat(readOrNothing(xxe, "ContentType")).noneMatch(v -> v.contains("top-secret"));
		byte[] bomb = utf8("""
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
				<r v="&b;"/>""");
		assertThat(readOrNothing(bomb, "v")).as("internal entities are not expanded either")
			.noneMatch(v -> v.contains("aaaaaaaaaa"));
	}

	/** The values read, or none when the reader refused the part. */
	static List<String> readOrNothing(byte[] xml, String attribute) {
		try {
			return OfficeXml.attributeValues(xml, attribute);
		}
		catch (OfficeXml.Malformed ex) {
			return List.of();
		}
	}

	@Test
	void somethingThatIsNotXmlIsMalformed() {
		assertThat(catchThrowableOfType(OfficeXml.Malformed.class, () -> OfficeXml.elements(new byte[0], "sheet")))
			.isNotNull();
		assertThat(catchThrowableOfType(OfficeXml.Malformed.class,
				() -> OfficeXml.elements(utf8("<a><b></a>"), "b")))
			.isNotNull();
	}

}
