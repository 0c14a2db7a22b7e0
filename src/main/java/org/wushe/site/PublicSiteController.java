package org.wushe.site;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.wushe.shared.BusinessException;

/**
 * The page a site posts for the public (no login; the placard's QR code leads here): name, service content, service
 * list, staff, service process and contact. It is addressed by the site's opaque public id, so the public sites cannot
 * be walked by counting. Staff phones appear only when marked public; sites still planned, and closed ones, are not
 * there.
 */
@Controller
@RequiredArgsConstructor
class PublicSiteController {

	private final SiteService sites;

	@GetMapping("/public/sites/{publicId}")
	String show(@PathVariable String publicId, Model model) {
		Site site = sites.findPublic(publicId)
			.orElseThrow(() -> BusinessException.notFound("site.error.unknown", publicId));
		model.addAttribute("site", PublicSite.of(site));
		return "site/public";
	}

	/** What the public sees of a site: nothing personal unless marked public. */
	record PublicSite(long id, SiteType type, String regionName, String name, String address, String phone,
			String openingHours, String serviceContent, java.util.List<ServiceItem> serviceItems,
			java.util.List<PublicStaff> staff, String serviceProcess, SiteStatus status) {

		static PublicSite of(Site s) {
			return new PublicSite(s.id(), s.type(), s.regionName(), s.name(), s.address(), s.phone(),
					s.openingHours(), s.serviceContent(), s.serviceItems(),
					s.staff()
						.stream()
						.map(m -> new PublicStaff(m.name(), m.post(), m.phonePublic() ? m.phone() : null))
						.toList(),
					s.serviceProcess(), s.status());
		}

	}

	/** A staff member in public: name, post, and the phone only if it is public. */
	record PublicStaff(String name, String post, String phone) {
	}

}
