package zeren.tracking;

import java.time.LocalDate;
import java.util.List;

import zeren.access.Role;
import zeren.access.UserAccount;
import zeren.access.Users;
import zeren.org.Leadership;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.org.OrgType;
import zeren.org.Post;
import zeren.org.PostKind;

/**
 * A city and a county below it: the county's secretary post owns the items, the city verifies.
 * {@code owner} works in the county only (LEADER), {@code verifier} in the city only (DISCIPLINE,
 * without the levels below), {@code viewer} only reads the county, {@code stranger} works in
 * another county.
 */
record TrackingFixture(Org city, Org county, Org otherCounty, Post ownerPost, Post verifierPost, UserAccount owner,
		UserAccount verifier, UserAccount viewer, UserAccount stranger) {

	static TrackingFixture create(String p, OrgTree tree, Leadership leadership, Users users) {
		Org city = tree.create(new OrgTree.NewOrg(p + "city", p + "市委", OrgType.PARTY_COMMITTEE, null, null, null));
		Org county = tree.create(new OrgTree.NewOrg(p + "county", p + "县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Org other = tree.create(new OrgTree.NewOrg(p + "other", p + "邻县委", OrgType.PARTY_COMMITTEE, city.id(), null, null));
		Post ownerPost = leadership.addPost(county.id(), new Leadership.NewPost("县委书记", PostKind.SECRETARY, List.of(), 1));
		Post verifierPost = leadership.addPost(city.id(), new Leadership.NewPost("市纪委书记", PostKind.DISCIPLINE_SECRETARY, List.of(), 2));
		String u = p.toLowerCase();
		UserAccount owner = users.create(new Users.NewUser(u + "owner", "password-owner-1", null, true));
		users.addGrant(owner.id(), new Users.NewGrant(Role.LEADER, county.id(), false));
		UserAccount verifier = users.create(new Users.NewUser(u + "verifier", "password-verifier-1", null, true));
		users.addGrant(verifier.id(), new Users.NewGrant(Role.DISCIPLINE, city.id(), false));
		UserAccount viewer = users.create(new Users.NewUser(u + "viewer", "password-viewer-1", null, true));
		users.addGrant(viewer.id(), new Users.NewGrant(Role.VIEWER, county.id(), true));
		UserAccount stranger = users.create(new Users.NewUser(u + "stranger", "password-stranger-1", null, true));
		users.addGrant(stranger.id(), new Users.NewGrant(Role.ORG_ADMIN, other.id(), true));
		return new TrackingFixture(city, county, other, ownerPost, verifierPost, owner, verifier, viewer, stranger);
	}

	NewTrackedItem item(String ref, String title, LocalDate deadline) {
		return new NewTrackedItem("test.item", ref, county.id(), title, ownerPost.id(), verifierPost.id(), city.id(),
				deadline);
	}
}
