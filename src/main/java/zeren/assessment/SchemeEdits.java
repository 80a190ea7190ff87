package zeren.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zeren.assessment.Scheme.Indicator;
import zeren.assessment.Scheme.Rule;
import zeren.audit.AuditTrail;
import zeren.platform.ConflictException;
import zeren.platform.InputError;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;

/**
 * One indicator of a draft scheme changed in place — its title, points, rule, automatic
 * parameters, guidance —, a child added to a heading, an indicator removed (with its items). A
 * heading's points follow its items' (bonus and veto aside), so they are recomputed after every
 * change. A published scheme (and the shipped default) is locked: a change is a new version.
 * Who may run the scheme's organisation's assessments edits; every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class SchemeEdits {

	private final JdbcClient jdbc;
	private final Schemes schemes;
	private final AssessmentAccess access;
	private final AutoKinds kinds;
	private final AuditTrail audit;

	SchemeEdits(JdbcClient jdbc, Schemes schemes, AssessmentAccess access, AutoKinds kinds, AuditTrail audit) {
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.access = access;
		this.kinds = kinds;
		this.audit = audit;
	}

	/** What an AUTO indicator may read: the obligation kinds and the record kinds, in order. */
	public List<String> autoKinds() {
		return kinds.kinds();
	}

	/** The fields of an indicator as typed (numbers as text, the rule by its code). */
	public record IndicatorEdit(String title, String points, String rule, String obligationKind, String perMissed, String perLate,
			String guidance) {
	}

	@Transactional
	public Scheme update(long schemeId, long indicatorId, IndicatorEdit in) {
		Scheme s = editable(schemeId);
		Indicator old = indicator(s, indicatorId);
		List<InputError> errors = new ArrayList<>();
		String title = in.title() == null ? "" : in.title().strip();
		if (title.isEmpty()) {
			errors.add(InputError.field("title", "error.field.required"));
		}
		else if (title.length() > 300) {
			errors.add(InputError.field("title", "error.field.too-long", 300));
		}
		Rule rule = null;
		for (Rule r : Rule.values()) {
			if (in.rule() != null && r.name().equals(in.rule().strip())) {
				rule = r;
			}
		}
		boolean hasItems = s.indicators().stream().anyMatch(i -> i.parentId() != null && i.parentId() == indicatorId);
		if (rule == null) {
			errors.add(InputError.field("rule", "error.field.required"));
		}
		else if ((rule == Rule.GROUP) != hasItems) {
			errors.add(InputError.field("rule", hasItems ? "error.assessment.rule-group" : "error.assessment.rule-leaf"));
		}
		BigDecimal points = rule == Rule.GROUP ? old.points() : number(in.points(), "points", errors);
		if (points != null && rule == Rule.VETO && points.signum() != 0) {
			errors.add(InputError.field("points", "error.assessment.points"));
		}
		String kind = null;
		BigDecimal perMissed = null;
		BigDecimal perLate = null;
		if (rule == Rule.AUTO) {
			kind = in.obligationKind() == null ? null : in.obligationKind().strip();
			if (kind == null || kind.isEmpty()) {
				errors.add(InputError.field("obligationKind", "error.field.required"));
			}
			else if (!kinds.known(kind)) {
				errors.add(InputError.field("obligationKind", "error.assessment.obligation-kind", kind));
			}
			perMissed = number(in.perMissed(), "perMissed", errors);
			perLate = in.perLate() == null || in.perLate().isBlank() ? BigDecimal.ZERO : number(in.perLate(), "perLate", errors);
		}
		String guidance = in.guidance() == null || in.guidance().isBlank() ? null : in.guidance().strip();
		if (guidance != null && guidance.length() > 1000) {
			errors.add(InputError.field("guidance", "error.field.too-long", 1000));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		jdbc.sql("""
				UPDATE assessment_indicator SET title = :title, points = :points, rule_kind = :rule, obligation_kind = :kind,
				  per_missed = :missed, per_late = :late, guidance = :guidance
				WHERE id = :id AND scheme_id = :scheme""").param("title", title).param("points", points).param("rule", rule.name())
				.param("kind", kind).param("missed", perMissed).param("late", perLate).param("guidance", guidance)
				.param("id", indicatorId).param("scheme", schemeId).update();
		headings(schemeId);
		audit.record(new AuditTrail.Change(s.orgId(), "assessment-scheme", schemeId, "EDIT_INDICATOR",
				"indicator=%s rule=%s points=%s".formatted(old.code(), rule, points)));
		return schemes.load(schemeId);
	}

	/** Adds an item to a heading, after its last: a deduction by the team of 0 points, to be edited. @return its id */
	@Transactional
	public long addChild(long schemeId, long parentId) {
		Scheme s = editable(schemeId);
		Indicator parent = indicator(s, parentId);
		if (parent.rule() != Rule.GROUP) {
			throw InvalidInputException.of("parentId", "error.assessment.rule-leaf");
		}
		List<Indicator> items = s.indicators().stream().filter(i -> i.parentId() != null && i.parentId() == parentId).toList();
		int next = items.stream().mapToInt(i -> Integer.parseInt(i.code().substring(i.code().lastIndexOf('.') + 1))).max().orElse(0) + 1;
		String code = parent.code() + "." + next;
		if (!code.matches("[0-9]{1,3}(\\.[0-9]{1,3}){0,3}")) {
			throw InvalidInputException.of("parentId", "error.assessment.code");
		}
		// after the heading's last descendant
		int after = parent.position();
		for (Indicator i : s.indicators()) {
			if (i.position() > after && descends(s, i, parentId)) {
				after = i.position();
			}
		}
		jdbc.sql("UPDATE assessment_indicator SET position = position + 1 WHERE scheme_id = :scheme AND position > :after")
				.param("scheme", schemeId).param("after", after).update();
		org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO assessment_indicator (scheme_id, parent_id, position, code, title, points, rule_kind)
				VALUES (:scheme, :parent, :position, :code, :title, 0, 'MANUAL')""").param("scheme", schemeId).param("parent", parentId)
				.param("position", after + 1).param("code", code).param("title", "新考核内容").update(keys, "id");
		long id = keys.getKey().longValue();
		audit.record(new AuditTrail.Change(s.orgId(), "assessment-scheme", schemeId, "ADD_INDICATOR", "indicator=" + code));
		return id;
	}

	/** Removes an indicator and its items. */
	@Transactional
	public Scheme remove(long schemeId, long indicatorId) {
		Scheme s = editable(schemeId);
		Indicator gone = indicator(s, indicatorId);
		if (s.indicators().size() <= 1) {
			throw InvalidInputException.of("indicators", "error.field.required");
		}
		// the items first, deepest first (the database cascade would do it too)
		List<Indicator> below = s.indicators().stream().filter(i -> descends(s, i, indicatorId)).toList();
		for (int k = below.size() - 1; k >= 0; k--) {
			jdbc.sql("DELETE FROM assessment_indicator WHERE id = :id").param("id", below.get(k).id()).update();
		}
		jdbc.sql("DELETE FROM assessment_indicator WHERE id = :id AND scheme_id = :scheme").param("id", indicatorId)
				.param("scheme", schemeId).update();
		headings(schemeId);
		audit.record(new AuditTrail.Change(s.orgId(), "assessment-scheme", schemeId, "REMOVE_INDICATOR",
				"indicator=%s items=%d".formatted(gone.code(), below.size())));
		return schemes.load(schemeId);
	}

	/** A draft of an organisation the caller runs assessments of; published or default: 409. */
	private Scheme editable(long schemeId) {
		Scheme s = schemes.get(schemeId);
		if (s.orgId() == null || s.status() != Scheme.Status.DRAFT) {
			throw new ConflictException("status", "error.assessment.scheme-locked");
		}
		access.requireAssessing(s.orgId());
		return s;
	}

	private static Indicator indicator(Scheme s, long id) {
		return s.indicators().stream().filter(i -> i.id() == id).findFirst()
				.orElseThrow(() -> new NotFoundException("assessment-indicator", id));
	}

	private static boolean descends(Scheme s, Indicator i, long ancestor) {
		Map<Long, Long> parents = new HashMap<>();
		s.indicators().forEach(x -> parents.put(x.id(), x.parentId()));
		Long p = i.parentId();
		while (p != null) {
			if (p == ancestor) {
				return true;
			}
			p = parents.get(p);
		}
		return false;
	}

	private static BigDecimal number(String text, String field, List<InputError> errors) {
		if (text == null || text.isBlank()) {
			errors.add(InputError.field(field, "error.field.required"));
			return null;
		}
		try {
			BigDecimal n = new BigDecimal(text.strip());
			if (n.signum() < 0 || n.compareTo(new BigDecimal(1000)) > 0 || n.scale() > 2) {
				errors.add(InputError.field(field, "error.assessment.points"));
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			errors.add(InputError.field(field, "error.field.format", text.strip()));
			return null;
		}
	}

	/** Every heading's points again from its items' (deepest headings first), where they changed. */
	private void headings(long schemeId) {
		Scheme s = schemes.load(schemeId);
		Map<Long, BigDecimal> points = new HashMap<>();
		s.indicators().forEach(i -> points.put(i.id(), i.points()));
		List<Indicator> groups = new ArrayList<>(s.indicators().stream().filter(i -> i.rule() == Rule.GROUP).toList());
		groups.sort((a, b) -> Integer.compare(b.code().length() - b.code().replace(".", "").length(),
				a.code().length() - a.code().replace(".", "").length()));
		for (Indicator g : groups) {
			BigDecimal sum = s.indicators().stream().filter(i -> i.parentId() != null && i.parentId() == g.id()
					&& i.rule() != Rule.BONUS && i.rule() != Rule.VETO).map(i -> points.get(i.id())).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum.compareTo(points.get(g.id())) != 0) {
				points.put(g.id(), sum);
				jdbc.sql("UPDATE assessment_indicator SET points = :points WHERE id = :id").param("points", sum).param("id", g.id()).update();
			}
		}
	}
}
