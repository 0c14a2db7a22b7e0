package org.wushe.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

/**
 * The CSV files on the classpath (region tree, demo data), read with a real parser: UTF-8 (gzip-compressed where the
 * name ends in {@code .gz}), RFC 4180 quoting (a value with a comma is written in double quotes), the first row a
 * header, blank lines skipped. Each row comes as its values, empty values kept.
 */
public final class CsvRows {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(true)
		.setIgnoreSurroundingSpaces(false)
		.get();

	private CsvRows() {
	}

	/** Every row after the header of a classpath CSV file. */
	public static List<String[]> read(String resource) {
		List<String[]> rows = new ArrayList<>();
		forEach(resource, rows::add);
		return rows;
	}

	/** Hands every row after the header of a classpath CSV file to {@code consumer}, one after another. */
	public static void forEach(String resource, Consumer<String[]> consumer) {
		try (InputStream raw = new ClassPathResource(resource).getInputStream();
				InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
			forEach(new InputStreamReader(in, StandardCharsets.UTF_8), consumer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Hands every row after the header of {@code reader} to {@code consumer}. */
	public static void forEach(Reader reader, Consumer<String[]> consumer) {
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			boolean header = true;
			for (CSVRecord record : parser) {
				if (header) {
					header = false;
				}
				else if (!blank(record)) {
					consumer.accept(record.values());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A line of blanks only (what {@code line.isBlank()} skipped before). */
	private static boolean blank(CSVRecord record) {
		return record.size() == 1 && record.get(0).isBlank();
	}

}
