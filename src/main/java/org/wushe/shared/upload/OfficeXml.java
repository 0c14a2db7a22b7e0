package org.wushe.shared.upload;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the small XML parts of Office packages (content types, relationships, the workbook, the start of a sheet)
 * with a real XML parser, streaming: no DTD, no external entities, so a part cannot make the server fetch a file or
 * expand entities. Elements are matched by local name, attributes by local name too ({@code r:id} is {@code id}),
 * with their values unescaped by the parser.
 */
public final class OfficeXml {

	private static final XMLInputFactory FACTORY = factory();

	private OfficeXml() {
	}

	private static XMLInputFactory factory() {
		XMLInputFactory f = XMLInputFactory.newFactory();
		f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		f.setProperty(XMLInputFactory.IS_COALESCING, false);
		return f;
	}

	/** The part is not well-formed XML (or holds what this reader refuses, such as a DTD's entities). */
	public static final class Malformed extends Exception {

		Malformed(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

	/** The attributes of every element named {@code element} (any namespace), in document order. */
	public static List<Map<String, String>> elements(byte[] xml, String element) throws Malformed {
		List<Map<String, String>> found = new ArrayList<>();
		read(new ByteArrayInputStream(xml), name -> true, (name, attributes) -> {
			if (name.equals(element)) {
				found.add(attributes);
			}
			return true;
		});
		return found;
	}

	/** The values of the attribute {@code attribute} on any element, in document order. */
	public static List<String> attributeValues(byte[] xml, String attribute) throws Malformed {
		List<String> found = new ArrayList<>();
		read(new ByteArrayInputStream(xml), name -> true, (name, attributes) -> {
			String v = attributes.get(attribute);
			if (v != null) {
				found.add(v);
			}
			return true;
		});
		return found;
	}

	/**
	 * The attributes of the first element named {@code element} met before any element named {@code stopAt}, reading
	 * no further than needed (e.g. a sheet's {@code dimension} before its {@code sheetData}).
	 */
	public static Optional<Map<String, String>> first(InputStream xml, String element, String stopAt)
			throws Malformed {
		Map<String, String>[] found = new Map[1];
		read(xml, name -> !name.equals(stopAt), (name, attributes) -> {
			if (name.equals(element)) {
				found[0] = attributes;
				return false;
			}
			return true;
		});
		return Optional.ofNullable(found[0]);
	}

	private interface Visitor {

		/** Sees one start element; answers whether to read on. */
		boolean visit(String name, Map<String, String> attributes);

	}

	private static void read(InputStream in, Predicate<String> goOn, Visitor visitor) throws Malformed {
		XMLStreamReader r = null;
		try {
			r = FACTORY.createXMLStreamReader(in);
			while (r.hasNext()) {
				if (r.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = r.getLocalName();
				if (!goOn.test(name)) {
					return;
				}
				Map<String, String> attributes = new HashMap<>();
				for (int i = 0; i < r.getAttributeCount(); i++) {
					attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
				}
				if (!visitor.visit(name, attributes)) {
					return;
				}
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			throw new Malformed(ex);
		}
		finally {
			if (r != null) {
				try {
					r.close();
				}
				catch (XMLStreamException ex) {
					// nothing was held open but the reader itself
				}
			}
		}
	}

}
