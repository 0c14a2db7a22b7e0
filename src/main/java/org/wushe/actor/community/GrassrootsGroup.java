package org.wushe.actor.community;

/** A community-level grassroots group, registered as a social organization or not. */
public record GrassrootsGroup(long id, String regionCode, String name, GroupKind kind, boolean registered,
		Long organizationId, String leader, Integer members, String activities, GroupStatus status) {
}
