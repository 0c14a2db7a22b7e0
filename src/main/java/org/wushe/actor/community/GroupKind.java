package org.wushe.actor.community;

import java.util.Locale;

/** 社区社会组织类别: 公益慈善类, 生活服务类, 文体活动类, 专业调处类, 其他. */
public enum GroupKind {

	PUBLIC_WELFARE, LIFE_SERVICE, CULTURE_SPORTS, MEDIATION, OTHER;

	public String messageKey() {
		return "actor.group-kind." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
