package zeren.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the organisation-and-year chooser at the top of a per-organisation page shows
 * ({@code fragments/chooser.html}): the caller's top organisations, the chosen one (null when
 * none is) and whether it is among them, whether the caller manages it, and the year.
 */
public record OrgChoice(List<OrgNode> roots, Org org, boolean orgAmongRoots, boolean canManage, int year) {

	/** The choice of {@code orgId} (null: none yet) for {@code year}; 404 when the caller cannot see the organisation. */
	public static OrgChoice of(OrgTree tree, Long orgId, int year) {
		List<OrgNode> roots = tree.roots();
		Org org = orgId == null ? null : tree.get(orgId);
		return new OrgChoice(roots, org, org != null && roots.stream().anyMatch(r -> r.org().id() == org.id()),
				org != null && tree.canManage(org.id()), year);
	}

	/** The page model's attributes, under the names the chooser and the pages read. */
	public Map<String, Object> attributes() {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("year", year);
		model.put("roots", roots);
		model.put("orgAmongRoots", orgAmongRoots);
		if (org != null) {
			model.put("org", org);
			model.put("canManage", canManage);
		}
		return model;
	}
}
