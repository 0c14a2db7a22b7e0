package org.wushe.region;

/** The shipped region tree is in the database and ready for queries. */
public record RegionTreeLoaded(long regions, boolean freshlyLoaded) {
}
