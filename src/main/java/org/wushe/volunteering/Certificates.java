package org.wushe.volunteering;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wushe.personal.FieldChecks;
import org.wushe.actor.VolunteerDirectory;
import org.wushe.audit.AuditTrail;
import org.wushe.region.RegionCode;
import org.wushe.region.RegionScope;
import org.wushe.shared.BusinessException;
import org.wushe.shared.InvalidInputException;

/**
 * 志愿服务证明 (谁记录谁证明): the organizer that recorded a volunteer's confirmed hours certifies them for a period.
 * Numbers run in sequence per issuer and year, from a counter row updated under lock. A certificate is never changed;
 * it can be revoked with a reason, and its public page says so.
 */
@Service
public class Certificates {

	static final String ENTITY = "volunteer-certificate";

	// 、 (the enumeration comma between project names)
	private static final String LIST_SEPARATOR = "\u3001";

	/** A certificate as issued; the ID number only ever masked. */
	public record Certificate(long id, String number, OrganizerKind issuerKind, long issuerId, String issuerName,
			String regionCode, long volunteerId, String volunteerName, String volunteerNumber, String idType,
			String idNumberMasked, LocalDate from, LocalDate to, long minutes, String serviceContent,
			LocalDate issuedOn, String issuedBy, Instant revokedAt, String revokeReason) {

		public boolean revoked() {
			return revokedAt != null;
		}

		/** The hours with one decimal. */
		public String hours() {
			return java.math.BigDecimal.valueOf(minutes)
				.divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
				.toPlainString();
		}

	}

	/** What a caller sends: the volunteer, the period, and the issuer when the hours have more than one organizer. */
	public record IssueInput(Long volunteerId, String from, String to, String issuerKind, Long issuerId) {
	}

	private final JdbcClient jdbc;

	private final VolunteerDirectory volunteers;

	private final ProjectService projects;

	private final VolunteeringTally tally;

	private final AuditTrail audit;

	private final Clerk clerk;

	private final FirstUse firstUse;

	private final String publicBaseUrl;

	Certificates(JdbcClient jdbc, VolunteerDirectory volunteers, ProjectService projects, VolunteeringTally tally,
			AuditTrail audit, Clerk clerk, FirstUse firstUse,
			@Value("${wushe.site.public-base-url:}") String publicBaseUrl) {
		this.jdbc = jdbc;
		this.volunteers = volunteers;
		this.projects = projects;
		this.tally = tally;
		this.audit = audit;
		this.clerk = clerk;
		this.firstUse = firstUse;
		this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip().replaceAll("/+$", "");
	}

	/** Issues a certificate for the volunteer's confirmed hours (net of reversals) of one organizer in the period. */
	@Transactional
	public Certificate issue(RegionScope scope, IssueInput in) {
		FieldChecks c = new FieldChecks();
		Optional<VolunteerDirectory.Entry> volunteer = Optional.empty();
		if (in.volunteerId() == null) {
			c.add("volunteerId", "actor.input.required");
		}
		else {
			volunteer = volunteers.find(scope, in.volunteerId());
			if (volunteer.isEmpty()) {
				c.add("volunteerId", "volunteering.input.unknown-volunteer", in.volunteerId());
			}
		}
		LocalDate from = c.date("from", in.from(), null, true);
		LocalDate to = c.date("to", in.to(), clerk.today(), true);
		if (from != null && to != null && to.isBefore(from)) {
			c.add("to", "volunteering.input.end-before-start");
		}
		OrganizerKind kind = c.choice("issuerKind", in.issuerKind(), OrganizerKind.class, false);
		c.throwIfAny();
		record Part(OrganizerKind kind, long organizer, String region, long minutes, String projects) {
		}
		List<Part> parts = jdbc.sql("""
				SELECT p.organizer_kind, p.organizer_id, MIN(p.region_code), SUM(h.minutes), MIN(p.name), MAX(p.name)
				FROM service_hours h JOIN service_project p ON p.id = h.project_id
				WHERE h.volunteer_id = :v AND h.status = 'CONFIRMED'
				  AND h.region_code >= :rfrom AND h.region_code < :rto
				  AND h.started_at >= :from AND h.started_at < :to
				GROUP BY p.organizer_kind, p.organizer_id
				HAVING SUM(h.minutes) > 0
				ORDER BY p.organizer_kind, p.organizer_id
				""")
			.param("v", in.volunteerId())
			.param("rfrom", scope.from())
			.param("rto", scope.to())
			.param("from", Timestamp.valueOf(from.atStartOfDay()))
			.param("to", Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
			.query((rs, n) -> {
				Set<String> names = new LinkedHashSet<>(List.of(rs.getString(5), rs.getString(6)));
				return new Part(OrganizerKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getLong(4),
						String.join(LIST_SEPARATOR, names));
			})
			.list()
			.stream()
			.filter(p -> kind == null || (p.kind() == kind && in.issuerId() != null && p.organizer() == in.issuerId()))
			.toList();
		if (parts.isEmpty()) {
			throw InvalidInputException.of(kind == null ? "from" : "issuerId", "volunteering.certificate.no-hours");
		}
		if (parts.size() > 1) {
			throw InvalidInputException.of("issuerId", "volunteering.certificate.choose-issuer", parts.size());
		}
		Part part = parts.get(0);
		String issuerName = projects.organizerName(scope, part.kind(), part.organizer());
		if (issuerName == null) {
			throw InvalidInputException.of("issuerId", "volunteering.input.unknown-organizer", part.organizer());
		}
		int year = clerk.today().getYear();
		int sequence = nextNumber(part.kind(), part.organizer(), year);
		String number = "%s%d-%d-%05d".formatted(part.kind().name().charAt(0), part.organizer(), year, sequence);
		VolunteerDirectory.Entry v = volunteer.orElseThrow();
		jdbc.sql("""
				INSERT INTO volunteer_certificate (certificate_number, issuer_kind, issuer_id, issuer_name, region_code,
				    volunteer_id, volunteer_name, volunteer_number, id_type, id_number_masked, period_from, period_to,
				    minutes, service_content, issued_on, issued_by)
				VALUES (:number, :kind, :issuer, :issuerName, :region, :v, :name, :vnumber, 'RESIDENT_ID', :masked,
				    :from, :to, :minutes, :content, :on, :by)
				""")
			.param("number", number)
			.param("kind", part.kind().name())
			.param("issuer", part.organizer())
			.param("issuerName", issuerName)
			.param("region", part.region())
			.param("v", v.id())
			.param("name", v.name())
			.param("vnumber", v.volunteerNumber(), java.sql.Types.VARCHAR)
			.param("masked", v.maskedIdNumber(), java.sql.Types.VARCHAR)
			.param("from", from)
			.param("to", to)
			.param("minutes", part.minutes())
			.param("content", part.projects().length() > 500 ? part.projects().substring(0, 500) : part.projects())
			.param("on", clerk.today())
			.param("by", clerk.name())
			.update();
		tally.add(VolunteeringTally.Figure.CERTIFICATES, part.region(), 1);
		audit.record("volunteer-certificate.issue", ENTITY, number, RegionCode.parse(part.region()));
		return get(scope, number);
	}

	/** The next number of the issuer's year: the counter row is created once, then only updated under its lock. */
	private int nextNumber(OrganizerKind kind, long issuer, int year) {
		String update = """
				UPDATE volunteer_certificate_counter SET last_number = last_number + 1
				WHERE issuer_kind = :kind AND issuer_id = :issuer AND issue_year = :year
				""";
		firstUse.lock(() -> jdbc.sql(update).param("kind", kind.name()).param("issuer", issuer).param("year", year)
			.update(), () -> jdbc.sql("""
					INSERT INTO volunteer_certificate_counter (issuer_kind, issuer_id, issue_year, last_number)
					VALUES (:kind, :issuer, :year, 0)
					""").param("kind", kind.name()).param("issuer", issuer).param("year", year).update());
		return jdbc.sql("""
				SELECT last_number FROM volunteer_certificate_counter
				WHERE issuer_kind = :kind AND issuer_id = :issuer AND issue_year = :year
				""").param("kind", kind.name()).param("issuer", issuer).param("year", year).query(Integer.class).single();
	}

	private static final String SELECT = """
			SELECT id, certificate_number AS number, issuer_kind, issuer_id, issuer_name, region_code, volunteer_id,
			    volunteer_name, volunteer_number, id_type, id_number_masked, period_from AS "from", period_to AS "to",
			    minutes, service_content, issued_on, issued_by, revoked_at, revoke_reason
			FROM volunteer_certificate
			""";

	public Optional<Certificate> find(RegionScope scope, String number) {
		return findPublic(number).filter(c -> scope.covers(RegionCode.parse(c.regionCode())));
	}

	public Certificate get(RegionScope scope, String number) {
		return find(scope, number)
			.orElseThrow(() -> BusinessException.notFound("volunteering.certificate.unknown", number));
	}

	/** Any certificate by its number, for the public page (no login). */
	public Optional<Certificate> findPublic(String number) {
		if (number == null || number.length() > 40) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " WHERE certificate_number = :n")
			.param("n", number)
			.query(Certificate.class)
			.optional();
	}

	/** The register: certificates in scope, of one issuer if given, newest first. */
	public List<Certificate> register(RegionScope scope, String issuerKind, Long issuerId) {
		FieldChecks c = new FieldChecks();
		OrganizerKind kind = c.choice("issuerKind", issuerKind, OrganizerKind.class, false);
		c.throwIfAny();
		return jdbc.sql(SELECT + """
				WHERE region_code >= :from AND region_code < :to
				  AND (:kind = '' OR issuer_kind = :kind) AND (:issuer IS NULL OR issuer_id = :issuer)
				ORDER BY id DESC LIMIT 500
				""")
			.param("from", scope.from())
			.param("to", scope.to())
			.param("kind", kind == null ? "" : kind.name())
			.param("issuer", issuerId, java.sql.Types.BIGINT)
			.query(Certificate.class)
			.list();
	}

	/** Revokes a certificate, with a reason; once. */
	@Transactional
	public Certificate revoke(RegionScope scope, String number, String reason) {
		Certificate cert = get(scope, number);
		String why = VolunteerChecks.REASON.required(reason);
		int n = jdbc.sql("""
				UPDATE volunteer_certificate SET revoked_at = :at, revoke_reason = :reason
				WHERE id = :id AND revoked_at IS NULL
				""").param("at", clerk.now()).param("reason", why).param("id", cert.id()).update();
		if (n == 0) {
			throw BusinessException.conflict("volunteering.certificate.already-revoked", number);
		}
		tally.add(VolunteeringTally.Figure.CERTIFICATES, cert.regionCode(), -1);
		audit.record("volunteer-certificate.revoke", ENTITY, number, RegionCode.parse(cert.regionCode()));
		return get(scope, number);
	}

	/** The public page of a certificate: under the configured public address, else the one of this request. */
	public String publicUrl(String number) {
		String base = publicBaseUrl.isEmpty()
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicBaseUrl;
		return base + "/public/certificates/" + number;
	}

}
