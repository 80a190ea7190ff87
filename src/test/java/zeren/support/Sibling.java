package zeren.support;

import zeren.org.Org;
import zeren.org.Person;
import zeren.org.Post;
import zeren.org.Tenure;

/**
 * The two sibling counties of the scope walk ({@code EndpointScopeContract}): user A holds
 * ORG_ADMIN and DISCIPLINE over county {@code a}; everything of county {@code b} is secret
 * to them. {@code secretOrg} and {@code secretPerson} are names that appear nowhere else, so
 * a response that contains them leaks.
 *
 * @param prefix a prefix no other test uses, for codes and names of the module's own data
 */
public record Sibling(String prefix, String secretOrg, String secretPerson, Org city, Org a, Org b, Org bChild,
		Person personB, Post postB, Tenure tenureB, long userAId, String userAName) {
}
