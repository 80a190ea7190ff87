package zeren.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import zeren.support.ApiTest;

abstract class OrgTreeApiContract extends ApiTest {

	@Autowired
	OrgTree tree;

	@Autowired
	JdbcClient jdbc;

	/** province → city → county (+ a second county) → village. */
	record Chain(Org province, Org city, Org county, Org county2, Org village) {
	}

	Chain chain(String p) {
		Org province = tree.create(new OrgTree.NewOrg(p + "prov", p + "省委", OrgType.PARTY_COMMITTEE, null, 1, null));
		Org city = tree.create(new OrgTree.NewOrg(p + "city", p + "市委", OrgType.PARTY_COMMITTEE, province.id(), 1, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "cnty", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), 1, null));
		Org county2 = tree.create(new OrgTree.NewOrg(p + "cnt2", p + "区委", OrgType.PARTY_COMMITTEE, city.id(), 2, null));
		Org village = tree.create(new OrgTree.NewOrg(p + "vill", p + "村支部", OrgType.BRANCH, county.id(), 1, null));
		return new Chain(province, city, county, county2, village);
	}

	@Test
	void creating_an_organisation_answers_201_with_its_location_and_counts() throws Exception {
		String p = unique();
		Org parent = tree.create(new OrgTree.NewOrg(p + "root", p + "省委", OrgType.PARTY_COMMITTEE, null, null, null));
		mvc.perform(postJson("/api/v1/orgs", """
				{"code":"%schild","name":"%s市委","type":"党委","parentId":%d}""".formatted(p, p, parent.id())))
				.andExpect(status().isCreated())
				.andExpect(header().string("Location", containsString("/api/v1/orgs/")))
				.andExpect(jsonPath("$.type").value("PARTY_COMMITTEE"))
				.andExpect(jsonPath("$.parent.id").value(parent.id()))
				.andExpect(jsonPath("$.ancestors", hasSize(1)))
				.andExpect(jsonPath("$.depth").value(1));
	}

	@Test
	void an_organisation_shows_its_parent_ancestors_child_and_subtree_counts() throws Exception {
		Chain c = chain(unique());
		mvc.perform(get("/api/v1/orgs/{id}", c.county().id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.parent.code").value(c.city().code()))
				.andExpect(jsonPath("$.ancestors[0].code").value(c.province().code()))
				.andExpect(jsonPath("$.ancestors[1].code").value(c.city().code()))
				.andExpect(jsonPath("$.childCount").value(1))
				.andExpect(jsonPath("$.subtreeSize").value(2));
		mvc.perform(get("/api/v1/orgs/{id}", c.province().id())).andExpect(jsonPath("$.subtreeSize").value(5));
	}

	@Test
	void children_come_in_sort_order_with_their_own_child_counts() throws Exception {
		Chain c = chain(unique());
		mvc.perform(get("/api/v1/orgs/{id}/children", c.city().id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$", hasSize(2)))
				.andExpect(jsonPath("$[0].code").value(c.county().code()))
				.andExpect(jsonPath("$[0].childCount").value(1))
				.andExpect(jsonPath("$[1].code").value(c.county2().code()))
				.andExpect(jsonPath("$[1].childCount").value(0));
	}

	@Test
	void search_finds_by_part_of_the_name_and_by_code_prefix() throws Exception {
		String p = unique();
		Chain c = chain(p);
		mvc.perform(get("/api/v1/orgs").param("q", p + "村"))
				.andExpect(jsonPath("$", hasSize(1)))
				.andExpect(jsonPath("$[0].code").value(c.village().code()));
		mvc.perform(get("/api/v1/orgs").param("q", p + "cn")).andExpect(jsonPath("$", hasSize(2)));
		// LIKE wildcards in the query are taken literally
		mvc.perform(get("/api/v1/orgs").param("q", p + "%")).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void the_subtree_holds_exactly_the_node_and_its_descendants() {
		Chain c = chain(unique());
		Subtree subtree = tree.subtree(c.city().id());
		List<Long> ids = subtree.bind(jdbc.sql(Subtree.ORG_IDS + " ORDER BY st.id")).query(Long.class).list();
		assertThat(ids).containsExactly(c.city().id(), c.county().id(), c.county2().id(), c.village().id());
		assertThat(tree.contains(subtree, c.village().id())).isTrue();
		assertThat(tree.contains(subtree, c.province().id())).isFalse();
	}

	@Test
	void a_sibling_subtree_never_contains_the_other_even_when_ids_share_digits() {
		String p = unique();
		Org root = tree.create(new OrgTree.NewOrg(p + "r", p + "r", OrgType.PARTY_COMMITTEE, null, null, null));
		// create enough siblings that one id is a decimal prefix of another's (e.g. 12 and 120)
		Org first = tree.create(new OrgTree.NewOrg(p + "s0", p + "s0", OrgType.BRANCH, root.id(), null, null));
		for (int i = 1; i < 12; i++) {
			tree.create(new OrgTree.NewOrg(p + "s" + i, p + "s" + i, OrgType.BRANCH, root.id(), null, null));
		}
		assertThat(tree.subtreeSize(first.id())).isEqualTo(1);
		assertThat(tree.subtreeSize(root.id())).isEqualTo(13);
	}

	@Test
	void moving_a_subtree_rewrites_the_paths_below_it() throws Exception {
		Chain c = chain(unique());
		mvc.perform(postJson("/api/v1/orgs/" + c.county().id() + "/move", "{\"parentId\":" + c.province().id() + "}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.parent.id").value(c.province().id()))
				.andExpect(jsonPath("$.depth").value(1));
		assertThat(tree.get(c.village().id()).depth()).isEqualTo(2);
		assertThat(tree.ancestors(c.village().id())).extracting(Org::id).containsExactly(c.province().id(), c.county().id());
		assertThat(tree.subtreeSize(c.city().id())).isEqualTo(2);
		assertThat(tree.subtreeSize(c.province().id())).isEqualTo(5);
	}

	@Test
	void moving_an_organisation_under_its_own_descendant_is_refused() throws Exception {
		Chain c = chain(unique());
		mvc.perform(postJson("/api/v1/orgs/" + c.city().id() + "/move", "{\"parentId\":" + c.village().id() + "}"))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		mvc.perform(postJson("/api/v1/orgs/" + c.city().id() + "/move", "{\"parentId\":" + c.city().id() + "}"))
				.andExpect(status().isConflict());
		assertThat(tree.get(c.city().id()).parentId()).isEqualTo(c.province().id());
	}

	@Test
	void bad_input_names_every_field_at_fault_as_problem_details() throws Exception {
		mvc.perform(postJson("/api/v1/orgs", "{\"code\":\"\",\"name\":\" \"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errorCount").value(3))
				.andExpect(jsonPath("$.errors[0].field").value("code"))
				.andExpect(jsonPath("$.errors[1].field").value("name"))
				.andExpect(jsonPath("$.errors[2].field").value("type"));
		mvc.perform(postJson("/api/v1/orgs", "{\"code\":\"x\",\"name\":\"x\",\"type\":\"NOPE\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
		mvc.perform(postJson("/api/v1/orgs?lang=en", "{\"code\":\"x\",\"name\":\"x\",\"type\":\"BRANCH\",\"parentId\":-5}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("parentId"))
				.andExpect(jsonPath("$.errors[0].message").value("parent: -5 does not exist"));
	}

	@Test
	void a_taken_code_is_a_conflict_and_nothing_is_written() throws Exception {
		String p = unique();
		tree.create(new OrgTree.NewOrg(p + "dup", p + "a", OrgType.PARTY_COMMITTEE, null, null, null));
		mvc.perform(postJson("/api/v1/orgs", "{\"code\":\"%sdup\",\"name\":\"b\",\"type\":\"BRANCH\"}".formatted(p)))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("code"));
		assertThat(tree.search(p, null, 10)).hasSize(1);
	}

	@Test
	void an_unknown_organisation_is_404_problem_details() throws Exception {
		mvc.perform(get("/api/v1/orgs/{id}", 987654321L))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/orgs/{id}/children", 987654321L)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/orgs/abc")).andExpect(status().isBadRequest());
	}

	@Test
	void renaming_and_deactivating_keep_the_organisation_and_its_history() throws Exception {
		Chain c = chain(unique());
		mvc.perform(postJson("/api/v1/orgs/" + c.county().id() + "/rename", "{\"name\":\"新名称\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.name").value("新名称"));
		mvc.perform(postJson("/api/v1/orgs/" + c.county().id() + "/deactivate", "{}"))
				.andExpect(status().isConflict());
		mvc.perform(postJson("/api/v1/orgs/" + c.village().id() + "/deactivate", "{}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		mvc.perform(postJson("/api/v1/orgs/" + c.county().id() + "/deactivate", "{}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
		mvc.perform(postJson("/api/v1/orgs/" + c.village().id() + "/reactivate", "{}"))
				.andExpect(status().isConflict());
		assertThat(tree.find(c.village().id())).isPresent();
	}

	@Test
	void a_committee_is_linked_to_its_discipline_body_and_nothing_else() throws Exception {
		String p = unique();
		Chain c = chain(p);
		Org commission = tree.create(new OrgTree.NewOrg(p + "jw", p + "纪委", OrgType.DISCIPLINE_COMMISSION,
				c.province().id(), null, null));
		mvc.perform(postJson("/api/v1/orgs/" + c.province().id() + "/discipline-body",
				"{\"disciplineBodyId\":" + c.city().id() + "}")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("disciplineBodyId"));
		mvc.perform(postJson("/api/v1/orgs/" + c.province().id() + "/discipline-body",
				"{\"disciplineBodyId\":" + commission.id() + "}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.disciplineBody.id").value(commission.id()));
	}
}
