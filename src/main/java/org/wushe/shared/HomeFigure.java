package org.wushe.shared;

/**
 * One key figure of the user's region on the workbench, contributed by a module through {@link HomeFigures}.
 *
 * @param labelKey message key of the figure's name
 * @param value the figure
 * @param href path of the page that explains it
 */
public record HomeFigure(String labelKey, long value, String href) {
}
