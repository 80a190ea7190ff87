package zeren.governance.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import zeren.governance.FollowUp;
import zeren.platform.NotFoundException;
import zeren.platform.document.DocumentFormat;
import zeren.platform.document.DocumentWriter;
import zeren.tracking.TrackedItems;

/**
 * The 督办单 of a follow-up: the matter, where it came from, the instruction with who gave it and
 * when, the unit that must answer, the post that carries it, the deadline, and how it stands.
 */
@Component
class FollowUpDocument {

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;
	private final TrackedItems items;

	FollowUpDocument(MessageSource messages, TrackedItems items) {
		this.messages = messages;
		this.items = items;
	}

	ResponseEntity<byte[]> pdf(FollowUp f) {
		String title = m("governance.duban.title", f.orgName());
		String ownerPost = "—";
		if (f.trackedItemId() != null) {
			try {
				var item = items.get(f.trackedItemId());
				ownerPost = item.ownerPostTitle() == null ? "—" : item.ownerPostTitle();
			}
			catch (NotFoundException e) {
				// the item is out of the reader's view: the sheet names the unit only
			}
		}
		DocumentWriter doc = DocumentFormat.PDF.writer().info(title, f.orgName(), m("governance.follow-ups.title")).title(title);
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of(m("field.governance.subject"), f.subject()));
		rows.add(List.of(m("field.governance.sourceKind"), m("governance.source." + f.sourceKind().name())));
		rows.add(List.of(m("field.governance.category"),
				f.category() == null ? m("governance.category.none") : m("governance.category." + f.category().name())));
		rows.add(List.of(m("field.governance.instructorPostId"), f.instructorName() + "（" + f.instructorPostTitle() + "）"));
		rows.add(List.of(m("field.governance.instructedOn"), DocumentWriter.date(f.instructedOn())));
		rows.add(List.of(m("field.governance.instruction"), f.instruction()));
		rows.add(List.of(m("field.governance.answerOrgId"), f.answerOrgName()));
		rows.add(List.of(m("field.governance.ownerPostId"), ownerPost));
		rows.add(List.of(m("field.governance.deadline"), DocumentWriter.date(f.deadline())));
		rows.add(List.of(m("governance.follow-up.status"),
				f.closed() ? m("governance.follow-up.closed", DocumentWriter.date(f.closedOn())) : m("governance.follow-up.open")));
		if (f.decided() != null) {
			rows.add(List.of(m("field.governance.decided"), f.decided()));
		}
		doc.table(List.of(m("governance.duban.item"), m("governance.duban.content")), new float[] { 3, 9 }, rows);
		doc.paragraph(m("governance.duban.request", f.answerOrgName(), DocumentWriter.date(f.deadline())));
		doc.signatures(List.of(new DocumentWriter.Signature(m("governance.duban.issuer"),
				List.of(f.orgName(), DocumentWriter.date(f.instructedOn())))));
		return DocumentFormat.PDF.response(doc.toBytes(), title + " " + f.subject());
	}

	private String m(String code, Object... args) {
		return messages.getMessage(code, args, CHINESE);
	}
}
