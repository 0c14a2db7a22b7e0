package org.wushe.actor;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wushe.actor.registry.Page;
import org.wushe.actor.worker.SocialWorker;
import org.wushe.actor.worker.SocialWorkerService;
import org.wushe.actor.worker.WorkerStatus;
import org.wushe.region.ListQuery;
import org.wushe.region.RegionScope;

/**
 * The actor module's public API for naming registered social workers from other modules (the visitors of a home
 * visit), always within the caller's scope. Personal data is never handed out.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class WorkerDirectory {

	/** A registered social worker as other modules name them. */
	public record Entry(long id, String name, String regionCode, String regionName, boolean active) {
	}

	private final SocialWorkerService workers;

	/** The worker if they lie in the scope. */
	public Optional<Entry> find(RegionScope scope, long id) {
		return workers.find(scope, id).map(WorkerDirectory::entry);
	}

	/** Some of the workers a list matched, and whether it matched more than these. */
	public record Window(List<Entry> entries, boolean more) {
	}

	/** Workers on post in the scope, newest first, at most {@code size} (up to 500). */
	public List<Entry> list(RegionScope scope, int size) {
		return search(scope, "", size).entries();
	}

	/**
	 * Workers on post in the scope whose name or its pinyin initials contain {@code text} (blank = all), newest first:
	 * at most {@code size} (up to 500), and whether more matched.
	 */
	public Window search(RegionScope scope, String text, int size) {
		Page<SocialWorker> page = workers.list(new ListQuery(scope, text, null, WorkerStatus.ACTIVE.name(), 0, size));
		return new Window(page.rows().stream().map(WorkerDirectory::entry).toList(), page.hasNext());
	}

	private static Entry entry(SocialWorker w) {
		return new Entry(w.id(), w.name(), w.regionCode(), w.regionName(), w.status() == WorkerStatus.ACTIVE);
	}

}
