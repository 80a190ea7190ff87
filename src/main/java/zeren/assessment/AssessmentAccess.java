package zeren.assessment;

import org.springframework.stereotype.Component;

import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.platform.CurrentScope;
import zeren.platform.ForbiddenException;
import zeren.platform.Scope;

/**
 * Who does what in an assessment. Running one (schemes, rounds, the team's scores, the sources,
 * concluding) is the work of the assessing organisation's committee office or discipline body:
 * the caller manages (ADMIN, ORG_ADMIN) or supervises (DISCIPLINE) it. A unit's self-assessment
 * is the unit's own work (every grant but a read-only one at the unit). Reading follows the tree:
 * the assessing organisation sees the round, a unit sees its own sheet.
 */
@Component
class AssessmentAccess {

	private final OrgTree tree;
	private final CurrentScope scope;

	AssessmentAccess(OrgTree tree, CurrentScope scope) {
		this.tree = tree;
		this.scope = scope;
	}

	Scope reading() {
		return scope.reading();
	}

	boolean sees(long orgId) {
		return tree.find(orgId).isPresent();
	}

	boolean mayAssess(long orgId) {
		return tree.find(orgId).map(o -> scope.managing().contains(o.path()) || scope.supervising().contains(o.path()))
				.orElse(false);
	}

	boolean mayAct(long orgId) {
		return tree.find(orgId).map(o -> scope.acting().contains(o.path())).orElse(false);
	}

	/** 404 when out of view, 403 when seen but not assessed by the caller. */
	Org requireAssessing(long orgId) {
		Org org = tree.get(orgId);
		if (!mayAssess(orgId)) {
			throw new ForbiddenException();
		}
		return org;
	}

	/** For a record the caller has been shown (a round of which they see a unit): 403 when they do not assess. */
	void requireAssessingSeen(long orgId) {
		if (!mayAssess(orgId)) {
			throw new ForbiddenException();
		}
	}
}
