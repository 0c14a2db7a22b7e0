package org.wushe.actor.community;

/** A grassroots group as a form or API body gives it. */
public record GroupInput(String name, String kind, String registered, String organizationId, String leader,
		String members, String activities, String status) {
}
