package org.wushe.shared.upload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entry names of a zip held in memory from its central directory, without inflating anything (so a zip
 * bomb costs nothing). A damaged directory gives the names read so far.
 */
final class ZipDirectory {

	private static final int END = 0x06054b50;

	private static final int ENTRY = 0x02014b50;

	private static final int MAX_ENTRIES = 10_000;

	private ZipDirectory() {
	}

	static List<String> names(byte[] zip) {
		List<String> names = new ArrayList<>();
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
			names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
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
