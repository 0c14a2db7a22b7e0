package org.wushe.campaign;

/**
 * A campaign was created from seed data (the demo) under the name {@code seed}; other modules may add their own seed
 * data for it (e.g. activity records from {@code demo/activities-<seed>.csv}) while the event is handled. Published
 * synchronously, once, when the campaign is first created.
 */
public record CampaignSeeded(long campaignId, String seed) {
}
