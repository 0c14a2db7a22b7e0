package org.wushe.actor.worker;

/** A training record to add: course, hours (up to one decimal) and date. */
public record TrainingInput(String course, String hours, String takenOn) {
}
