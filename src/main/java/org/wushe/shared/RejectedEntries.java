package org.wushe.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of entries refused as a whole because some of them are invalid: answered 400 like any other invalid input
 * (one field error per refused entry), and the answer also carries the list's own members, such as what was stored
 * ({@code recorded}) and each refusal with its position ({@code rejected}), so that a client reads the same shape
 * whether the request passed or not. Nothing has been stored when this is thrown.
 */
public class RejectedEntries extends InvalidInputException {

	private final transient Map<String, Object> members;

	public RejectedEntries(List<FieldError> errors, Map<String, Object> members) {
		super(errors);
		this.members = new LinkedHashMap<>(members);
	}

	/** The members added to the answer beside {@code errors}, in order. */
	public Map<String, Object> members() {
		return java.util.Collections.unmodifiableMap(members);
	}

}
