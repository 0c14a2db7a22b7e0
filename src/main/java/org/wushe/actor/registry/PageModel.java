package org.wushe.actor.registry;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every actor page may use: the time zone for showing instants ({@code zone}). */
@ControllerAdvice(basePackages = "org.wushe.actor")
class PageModel {

	private final Clock clock;

	PageModel(Clock clock) {
		this.clock = clock;
	}

	@ModelAttribute("zone")
	ZoneId zone() {
		return clock.getZone();
	}

}
