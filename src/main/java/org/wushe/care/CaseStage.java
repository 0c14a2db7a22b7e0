package org.wushe.care;

import java.util.Locale;

/**
 * Where a case stands: 接案 intake, 预估 assessed (the plan is written next), 计划待批 plan awaiting approval, 服务中
 * in service, 结案待批 closure awaiting approval, 已结案 closed.
 */
public enum CaseStage {

	INTAKE, ASSESSMENT, PLAN_PENDING, SERVICE, CLOSE_PENDING, CLOSED;

	public String messageKey() {
		return "care.stage." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
