package org.wushe.actor.organization;

import java.util.Locale;

/** 服务领域 of a social organization. */
public enum OrganizationDomain {

	SOCIAL_ASSISTANCE, ELDERLY, CHILDREN, DISABILITY, YOUTH, FAMILY, COMMUNITY_GOVERNANCE, MEDICAL,
	DRUG_REHABILITATION, COMMUNITY_CORRECTION, DISASTER_RELIEF, OTHER;

	public String messageKey() {
		return "actor.service-domain." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
