package zeren.evidence;

import org.springframework.stereotype.Component;

import zeren.platform.ConflictException;

/** An owner type whose attachments are always frozen: proves {@link Attachments} asks the owner's lock first. */
@Component
class FrozenTestOwner implements AttachmentLock {

	static final String TYPE = "test-frozen";

	@Override
	public String ownerType() {
		return TYPE;
	}

	@Override
	public void requireOpen(long ownerId) {
		throw new ConflictException("status", "error.report.locked");
	}
}
