package zeren.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.stereotype.Component;

import zeren.support.Sibling;
import zeren.support.SiblingData;

/** The duty module's part of the scope walk: a published list and requirements of the sibling. */
@Component
class DutySiblingData implements SiblingData {

	private final ResponsibilityLists lists;

	private final DutyListManagement management;

	private final Requirements requirements;

	private Sibling sibling;

	private DutyList list;

	private DutyList.Item item;

	private long requirementId;

	DutySiblingData(ResponsibilityLists lists, DutyListManagement management, Requirements requirements) {
		this.lists = lists;
		this.management = management;
		this.requirements = requirements;
	}

	@Override
	public void create(Sibling s) {
		sibling = s;
		list = management.create(s.b().id(), 2026);
		item = management.addItem(list.id(), new DutyListManagement.ItemInput(null, s.secretOrg(), s.secretOrg() + "任务",
				s.secretOrg(), s.postB().id(), s.secretOrg(), null, null, null, List.of(), null));
		management.publish(list.id());
		// the village branch below is reached only when targeted
		requirementId = requirements.publish(new Requirements.Publication(s.b().id(), 2026,
				List.of(new Requirements.Requirement(null, null, null, s.secretOrg() + "要求", null, null)),
				new Requirements.Targeting(Requirements.Reach.NEXT_LEVEL, List.of(zeren.org.OrgType.BRANCH))))
				.requirementIds().get(0);
	}

	@Override
	public Object value(String name, String pattern) {
		if (!pattern.startsWith("/api/v1/duty/") && !pattern.startsWith("/duty/")) {
			return null;
		}
		return switch (name) {
			case "id" -> pattern.startsWith("/api/v1/duty/lists/") || pattern.startsWith("/duty/lists/") ? list.id() : null;
			case "itemId" -> item.id();
			case "version" -> 1;
			case "requirementId" -> requirementId;
			default -> null;
		};
	}

	@Override
	public void assertUnchanged() {
		DutyList after = lists.get(list.id());
		assertThat(after.version()).isEqualTo(1);
		assertThat(after.items()).extracting(DutyList.Item::task).containsExactly(sibling.secretOrg() + "任务");
		assertThat(lists.find(sibling.bChild().id(), 2026).orElseThrow().items()).extracting(DutyList.Item::task)
				.containsExactly(sibling.secretOrg() + "要求");
	}
}
