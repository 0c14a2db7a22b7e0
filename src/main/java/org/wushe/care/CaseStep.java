package org.wushe.care;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The steps a case may take: the path under {@code /api/cases/{id}/} that asks for it, the stages it may start from,
 * and whether only a supervisor (督导) may take it. The action kept in the case's events is the step's name.
 */
public enum CaseStep {

	ASSESS("assessment", false, CaseStage.INTAKE, CaseStage.ASSESSMENT),
	PLAN("plan", false, CaseStage.ASSESSMENT),
	PLAN_APPROVE("plan/approve", true, CaseStage.PLAN_PENDING),
	PLAN_RETURN("plan/return", true, CaseStage.PLAN_PENDING),
	SERVICE("services", false, CaseStage.SERVICE),
	REFERRAL("referrals", false, CaseStage.ASSESSMENT, CaseStage.PLAN_PENDING, CaseStage.SERVICE),
	REFERRAL_ACCEPT("referrals/{referralId}/accept", false, CaseStage.ASSESSMENT, CaseStage.PLAN_PENDING,
			CaseStage.SERVICE),
	REFERRAL_DECLINE("referrals/{referralId}/decline", false, CaseStage.ASSESSMENT, CaseStage.PLAN_PENDING,
			CaseStage.SERVICE),
	CLOSE("close", false, CaseStage.SERVICE),
	CLOSE_APPROVE("close/approve", true, CaseStage.CLOSE_PENDING),
	REOPEN("reopen", false, CaseStage.CLOSED);

	final String path;

	final boolean supervisor;

	final Set<CaseStage> from;

	CaseStep(String path, boolean supervisor, CaseStage first, CaseStage... more) {
		this.path = path;
		this.supervisor = supervisor;
		this.from = EnumSet.of(first, more);
	}

	/**
	 * The step a page form posts to: the API path without the referral's id, {@code -} for {@code /}
	 * ({@code plan-approve}, {@code referrals-accept}); the referral's id is a form field.
	 */
	public static Optional<CaseStep> ofForm(String name) {
		return Arrays.stream(values())
			.filter(s -> s.path.replace("{referralId}/", "").replace('/', '-').equals(name))
			.findFirst();
	}

	/** The step whose API path ends the given request path. */
	public static Optional<CaseStep> ofPath(String requestPath) {
		return Arrays.stream(values()).filter(s -> requestPath.endsWith("/" + s.path)).findFirst();
	}

	/** The audit action: {@code care-case.plan-approve}. */
	String auditAction() {
		return "care-case." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
