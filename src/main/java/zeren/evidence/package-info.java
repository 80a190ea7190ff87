/**
 * Evidence files (佐证材料): uploaded once, checked by content (size and type from the bytes, not
 * the name), stored once per SHA-256 in a directory or in the database, each upload belonging
 * to an organisation (its scope), downloaded under its original name. Any module that needs
 * files attached (tracked entries, interviews, reports, findings) attaches them here, through
 * one owner→evidence link ({@code Attachments}); an owner whose files freeze says so with an
 * {@code AttachmentLock}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence files",
		allowedDependencies = { "org", "audit", "platform" })
package zeren.evidence;
