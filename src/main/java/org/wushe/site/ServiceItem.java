package org.wushe.site;

/** One entry of a site's 服务清单: a service and, optionally, what it involves. */
public record ServiceItem(String name, String description) {
}
