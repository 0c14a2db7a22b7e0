package org.wushe.care;

/** The bodies of the case API and forms, as typed; checked by {@link CaseService}. */
public final class CaseInputs {

	private CaseInputs() {
	}

	/** 接案: a person in scope and why; {@code visitId} when the need was found on a visit. */
	public record Open(Long personId, String reason, Long visitId) {
	}

	/** 预估: scores 0 (no concern) to 5 (severe) per domain, and notes. */
	public record Assessment(Integer safety, Integer health, Integer dailyLiving, Integer economy, Integer family,
			Integer psychology, String notes) {
	}

	/** 服务计划: goals, actions, who does them, by when. */
	public record Plan(String goals, String actions, String who, String byDate, String notes) {
	}

	/** A supervisor's decision; a return needs a reason. */
	public record Decision(String reason) {
	}

	/** 服务记录: an individual or group session, or a link to an activity record. */
	public record Service(String date, String kind, Long activityId, String notes) {
	}

	/** 转介: to another station, a registered social organization, or a named department. */
	public record Referral(String toKind, String to, String reason) {
	}

	/** 结案 with its review (评估). */
	public record Close(String reason, String review) {
	}

	enum ServiceKind {
		INDIVIDUAL, GROUP, ACTIVITY
	}

	enum ReferralKind {
		STATION, ORGANIZATION, DEPARTMENT
	}

}
