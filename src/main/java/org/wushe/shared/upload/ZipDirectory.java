package org.wushe.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the entry names of a zip held in memory from its central directory, without inflating anything (so a zip
 * bomb costs nothing); single small entries can then be inflated within a bound. A damaged directory gives the
 * names read so far.
 */
final class ZipDirectory {

	private static final int END = 0x06054b50;

	private static final int ENTRY = 0x02014b50;

	private static final int LOCAL = 0x04034b50;

	private static final int MAX_ENTRIES = 10_000;

	private ZipDirectory() {
	}

	/** An entry of the central directory: its name, compression method, sizes and where its local header is. */
	record Entry(String name, int method, long compressedSize, long localHeader) {
	}

	static List<String> names(byte[] zip) {
		return entries(zip).stream().map(Entry::name).toList();
	}

	/**
	 * The bytes of one entry, inflated to at most {@code limit} bytes; empty when it cannot be read or is larger.
	 * Nothing else in the zip is inflated.
	 */
	static Optional<byte[]> read(byte[] zip, Entry entry, int limit) {
		long at = entry.localHeader();
		if (at < 0 || at + 30 > zip.length || int32(zip, (int) at) != LOCAL) {
			return Optional.empty();
		}
		long start = at + 30 + int16(zip, (int) at + 26) + int16(zip, (int) at + 28);
		long end = start + entry.compressedSize();
		if (end > zip.length) {
			return Optional.empty();
		}
		if (entry.method() == 0) {
			return entry.compressedSize() > limit ? Optional.empty()
					: Optional.of(Arrays.copyOfRange(zip, (int) start, (int) end));
		}
		if (entry.method() != 8) {
			return Optional.empty();
		}
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(zip, (int) start, (int) (end - start));
			byte[] out = new byte[limit + 1];
			int n = 0;
			while (n < out.length && !inflater.finished()) {
				int got = inflater.inflate(out, n, out.length - n);
				if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				n += got;
			}
			return n > limit ? Optional.empty() : Optional.of(Arrays.copyOf(out, n));
		}
		catch (DataFormatException ex) {
			return Optional.empty();
		}
		finally {
			inflater.end();
		}
	}

	static List<Entry> entries(byte[] zip) {
		List<Entry> names = new ArrayList<>();
		int end = -1;
		for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
			if (int32(zip, i) == END) {
				end = i;
				break;
			}
		}
		if (end < 0) {
			return names;
		}
		int count = int16(zip, end + 10);
		long offset = int32(zip, end + 16) & 0xffffffffL;
		int at = (int) Math.min(offset, Integer.MAX_VALUE);
		for (int n = 0; n < Math.min(count, MAX_ENTRIES); n++) {
			if (at < 0 || at + 46 > zip.length || int32(zip, at) != ENTRY) {
				break;
			}
			int nameLength = int16(zip, at + 28);
			int extra = int16(zip, at + 30);
			int comment = int16(zip, at + 32);
			if (at + 46 + nameLength > zip.length) {
				break;
			}
			names.add(new Entry(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8), int16(zip, at + 10),
					int32(zip, at + 20) & 0xffffffffL, int32(zip, at + 42) & 0xffffffffL));
			at += 46 + nameLength + extra + comment;
		}
		return names;
	}

	private static int int16(byte[] b, int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
	}

	private static int int32(byte[] b, int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
	}

}
