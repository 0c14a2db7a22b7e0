package org.wushe.actor.registry;

import java.time.Clock;
import java.time.ZoneId;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every actor page may use: the time zone for showing instants ({@code zone}). */
@ControllerAdvice(basePackages = "org.wushe.actor")
@RequiredArgsConstructor
class PageModel {

	private final Clock clock;

	@ModelAttribute("zone")
	ZoneId zone() {
		return clock.getZone();
	}

}
