package org.wushe.actor;

import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.wushe.region.ListQuery;
import org.wushe.actor.worker.SocialWorker;
import org.wushe.actor.worker.SocialWorkerService;
import org.wushe.actor.worker.WorkerStatus;
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

	/** Workers on post in the scope, newest first, at most {@code size} (up to 500). */
	public List<Entry> list(RegionScope scope, int size) {
		return workers.list(new ListQuery(scope, null, null, WorkerStatus.ACTIVE.name(), 0, size))
			.rows()
			.stream()
			.map(WorkerDirectory::entry)
			.toList();
	}

	private static Entry entry(SocialWorker w) {
		return new Entry(w.id(), w.name(), w.regionCode(), w.regionName(), w.status() == WorkerStatus.ACTIVE);
	}

}
