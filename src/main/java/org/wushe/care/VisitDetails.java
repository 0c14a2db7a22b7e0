package org.wushe.care;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.actor.WorkerDirectory;
import org.wushe.personal.FieldChecks;
import org.wushe.region.RegionScope;
import org.wushe.shared.FieldError;
import org.wushe.shared.upload.FileType;
import org.wushe.shared.upload.UploadRules;
import org.wushe.shared.upload.UploadedFile;

/**
 * Who went on a visit and its photos: visitors must be registered social workers ({@code visitorIds}) or volunteers
 * ({@code volunteerIds}) in the caller's scope, named through the actor module's directories; photos pass the shared
 * upload rules (type from the bytes, size, count) and are stored cleaned of their metadata. Reads of both go through a
 * person already found in scope.
 */
@Component
public class VisitDetails {

	static final String WORKER = "WORKER";

	static final String VOLUNTEER = "VOLUNTEER";

	/** The most workers, and the most volunteers, one visit names: each is looked up in the scope. */
	static final int MAX_VISITORS = 20;

	/** What passed the checks of a visit: the named visitors and the cleaned photos. */
	record Checked(List<Long> volunteerIds, List<Visit.Visitor> visitors, List<UploadRules.Accepted> photos) {
	}

	/** A stored photo's bytes. */
	public record File(String fileName, String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final WorkerDirectory workers;

	private final VolunteerDirectory volunteers;

	private final UploadRules rules;

	VisitDetails(JdbcClient jdbc, WorkerDirectory workers, VolunteerDirectory volunteers,
			@Value("${wushe.care.photo-max-size:5MB}") DataSize maxSize,
			@Value("${wushe.care.photo-max-count:9}") int maxCount) {
		this.jdbc = jdbc;
		this.workers = workers;
		this.volunteers = volunteers;
		this.rules = new UploadRules("visitPhotos", "care.visit.photo", FileType.IMAGES, maxSize, maxCount);
	}

	public String maxSize() {
		return rules.maxSizeText();
	}

	/** Checks the visitors and photos of a visit, adding an error per bad one to {@code c}. */
	Checked check(FieldChecks c, RegionScope scope, VisitInput input, List<UploadedFile> uploads) {
		List<Visit.Visitor> named = new ArrayList<>();
		named.addAll(named(c, "visitorIds", input.visitorIds(), WORKER,
				(s, id) -> workers.find(s, id).map(WorkerDirectory.Entry::name), scope));
		List<Visit.Visitor> vols = named(c, "volunteerIds", input.volunteerIds(), VOLUNTEER,
				(s, id) -> volunteers.find(s, id).map(VolunteerDirectory.Entry::name), scope);
		named.addAll(vols);
		List<FieldError> errors = new ArrayList<>();
		List<UploadRules.Accepted> photos = rules.check(uploads, 0, errors);
		errors.forEach(e -> c.add(e.field(), e.messageKey(), e.args()));
		return new Checked(vols.stream().map(Visit.Visitor::id).toList(), named, photos);
	}

	private static List<Visit.Visitor> named(FieldChecks c, String field, List<Long> ids, String kind,
			BiFunction<RegionScope, Long, Optional<String>> find, RegionScope scope) {
		List<Visit.Visitor> result = new ArrayList<>();
		if (ids == null) {
			return result;
		}
		LinkedHashSet<Long> distinct = new LinkedHashSet<>(ids);
		distinct.remove(null);
		if (distinct.size() > MAX_VISITORS) {
			c.add(field, "care.visit.visitors-too-many", MAX_VISITORS, distinct.size());
			return result;
		}
		for (Long id : distinct) {
			Optional<String> name = find.apply(scope, id);
			if (name.isEmpty()) {
				c.add(field, "care.visit." + kind.toLowerCase(java.util.Locale.ROOT) + "-unknown", id);
			}
			else {
				result.add(new Visit.Visitor(kind, id, name.get()));
			}
		}
		return result;
	}

	/** Stores the visitors and photos of a visit just inserted. */
	void store(long visitId, long personId, String regionCode, Checked checked, Timestamp now, String by) {
		for (Visit.Visitor v : checked.visitors()) {
			jdbc.sql("INSERT INTO care_visit_visitor (visit_id, kind, visitor_id, name) VALUES (:v, :k, :id, :n)")
				.param("v", visitId)
				.param("k", v.kind())
				.param("id", v.id())
				.param("n", v.name())
				.update();
		}
		for (UploadRules.Accepted p : checked.photos()) {
			jdbc.sql("""
					INSERT INTO care_visit_photo (visit_id, person_id, region_code, file_name, content_type, size_bytes,
					    image_data, thumbnail, created_at, created_by)
					VALUES (:visit, :person, :region, :name, :type, :size, :data, :thumb, :at, :by)
					""")
				.param("visit", visitId)
				.param("person", personId)
				.param("region", regionCode)
				.param("name", p.fileName())
				.param("type", p.type().mediaType())
				.param("size", p.bytes().length)
				.param("data", p.bytes())
				.param("thumb", p.thumbnail())
				.param("at", now)
				.param("by", by)
				.update();
		}
	}

	/** The visit with what was checked and stored for it. */
	Visit completed(Visit visit, Checked checked) {
		// a visit just stored has the photos stored with it: none to read back when none came
		List<Visit.Photo> photos = checked.photos().isEmpty() ? List.of()
				: jdbc.sql("SELECT id, file_name FROM care_visit_photo WHERE visit_id = :v ORDER BY id")
					.param("v", visit.id())
					.query(Visit.Photo.class)
					.list();
		return visit.with(checked.volunteerIds(), checked.visitors(), photos);
	}

	/** The visits of one person (found in scope by the caller) with their visitors and photos. */
	List<Visit> completed(long personId, List<Visit> visits) {
		record Named(long visitId, String kind, long visitorId, String name) {
		}
		record Stored(long visitId, long id, String fileName) {
		}
		Map<Long, List<Visit.Visitor>> visitors = new HashMap<>();
		jdbc.sql("""
				SELECT w.visit_id, w.kind, w.visitor_id, w.name FROM care_visit_visitor w
				JOIN care_visit v ON v.id = w.visit_id WHERE v.person_id = :p ORDER BY w.kind DESC, w.visitor_id
				""")
			.param("p", personId)
			.query(Named.class)
			.list()
			.forEach(w -> visitors.computeIfAbsent(w.visitId(), k -> new ArrayList<>())
				.add(new Visit.Visitor(w.kind(), w.visitorId(), w.name())));
		Map<Long, List<Visit.Photo>> photos = new HashMap<>();
		jdbc.sql("SELECT visit_id, id, file_name FROM care_visit_photo WHERE person_id = :p ORDER BY id")
			.param("p", personId)
			.query(Stored.class)
			.list()
			.forEach(p -> photos.computeIfAbsent(p.visitId(), k -> new ArrayList<>())
				.add(new Visit.Photo(p.id(), p.fileName())));
		return visits.stream().map(v -> {
			List<Visit.Visitor> named = visitors.getOrDefault(v.id(), List.of());
			List<Long> vols = named.stream().filter(x -> VOLUNTEER.equals(x.kind())).map(Visit.Visitor::id).toList();
			return v.with(vols, named, photos.getOrDefault(v.id(), List.of()));
		}).toList();
	}

	/** The person a visit belongs to, if the visit exists. */
	public Optional<Long> personOf(long visitId) {
		return jdbc.sql("SELECT person_id FROM care_visit WHERE id = :v").param("v", visitId).query(Long.class).optional();
	}

	/** A photo of the visit, or its small copy. */
	public Optional<File> file(long visitId, long photoId, boolean thumbnail) {
		return jdbc.sql("SELECT file_name, content_type, " + (thumbnail ? "thumbnail" : "image_data")
				+ " AS bytes FROM care_visit_photo WHERE id = :p AND visit_id = :v")
			.param("p", photoId)
			.param("v", visitId)
			.query(File.class)
			.optional();
	}

}
