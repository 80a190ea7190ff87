package zeren.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import zeren.audit.AuditTrail;
import zeren.org.Org;
import zeren.org.OrgTree;
import zeren.platform.BusinessClock;
import zeren.platform.CurrentScope;
import zeren.platform.CurrentUser;
import zeren.platform.ForbiddenException;
import zeren.platform.InvalidInputException;
import zeren.platform.NotFoundException;
import zeren.platform.Rows;
import zeren.platform.Scope;

/**
 * Stores and serves evidence files. An upload is streamed to a temporary file while its SHA-256
 * and size are taken (it is cut off as soon as it passes the limit), then its type is read from
 * its content; only a file that passes every check is kept. The bytes are kept once per SHA-256
 * — in {@code zeren.evidence.dir} when it is set, else in the database (the embedded default) —
 * and each upload is a record of its own: the organisation, the original name, who and when.
 *
 * <p>Uploading needs a working grant (not read-only) over the organisation; reading needs the
 * organisation to be in the caller's view (404 otherwise).
 */
@Service
@Transactional(readOnly = true)
public class EvidenceFiles {

	private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

	static final int MAX_NAME = 255;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final OrgTree tree;
	private final CurrentScope scope;
	private final AuditTrail audit;
	private final BusinessClock clock;
	private final DataSize maxSize;
	private final Path directory;

	EvidenceFiles(JdbcClient jdbc, JdbcTemplate template, OrgTree tree, CurrentScope scope, AuditTrail audit,
			BusinessClock clock, @Value("${zeren.evidence.max-size:20MB}") DataSize maxSize,
			@Value("${zeren.evidence.dir:}") String directory) {
		this.jdbc = jdbc;
		this.template = template;
		this.tree = tree;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
		this.maxSize = maxSize;
		this.directory = directory == null || directory.isBlank() ? null : Path.of(directory).toAbsolutePath();
		log.info("Evidence files are kept {} (at most {} each)",
				this.directory == null ? "in the database" : "in " + this.directory, maxSize);
	}

	/** The largest file accepted. */
	public DataSize maxSize() {
		return maxSize;
	}

	/** The columns of an {@link Evidence}, named as its components (sha256 is a CHAR(64): always full). */
	private static final String COLUMNS = "e.id, e.org_id, e.sha256, e.original_name, e.media_type, e.size_bytes AS size, e.uploaded_by, e.uploaded_at";

	/**
	 * 403 unless the caller may add evidence to the organisation (a working grant over it); 404
	 * when they cannot see it. Lets a caller refuse an upload before reading it.
	 */
	public void requireStorable(long orgId) {
		Org org = tree.get(orgId);
		if (!scope.acting().contains(org.path())) {
			throw new ForbiddenException();
		}
	}

	/**
	 * Stores a file for an organisation: checked by size and content, kept once per SHA-256. The
	 * same bytes uploaded again under the same name for the same organisation give the same
	 * record. A file that fails a check is refused (400, field {@code file}) and nothing is kept.
	 */
	@Transactional
	public Evidence store(long orgId, String originalName, InputStream content) {
		requireStorable(orgId);
		String name = cleanName(originalName);
		Path temp = null;
		try {
			temp = Files.createTempFile(tempDirectory(), "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size = copyAtMost(content, temp, sha, maxSize.toBytes());
			if (size > maxSize.toBytes()) {
				throw InvalidInputException.of("file", "error.evidence.too-large", maxSize.toMegabytes());
			}
			if (size == 0) {
				throw InvalidInputException.of("file", "error.evidence.empty");
			}
			FileType type = checkType(temp, name);
			String hash = HexFormat.of().formatHex(sha.digest());
			keepContent(hash, size, type, temp);
			Optional<Evidence> same = jdbc.sql("SELECT " + COLUMNS + " FROM evidence e WHERE e.org_id = :org AND e.sha256 = :sha AND e.original_name = :name ORDER BY e.id")
					.param("org", orgId).param("sha", hash).param("name", name).query(Rows.of(Evidence.class)).list().stream().findFirst();
			if (same.isPresent()) {
				return same.get();
			}
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					INSERT INTO evidence (org_id, sha256, original_name, media_type, size_bytes, uploaded_by, uploaded_at)
					VALUES (:org, :sha, :name, :type, :size, :user, :now)
					""").param("org", orgId).param("sha", hash).param("name", name).param("type", type.mediaType)
					.param("size", size).param("user", CurrentUser.actor()).param("now", clock.now()).update(keys, "id");
			long id = keys.getKey().longValue();
			audit.record(new AuditTrail.Change(orgId, "evidence", id, "UPLOAD",
					"name=%s type=%s size=%d sha256=%s".formatted(name, type.mediaType, size, hash)));
			return byId(id).orElseThrow();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException e) {
					log.warn("could not remove {}", temp, e);
				}
			}
		}
	}

	private Path tempDirectory() throws IOException {
		if (directory == null) {
			return Path.of(System.getProperty("java.io.tmpdir"));
		}
		// beside the files, so that keeping one is a rename
		return Files.createDirectories(directory.resolve("tmp"));
	}

	/** Copies at most {@code limit + 1} bytes: enough to know the file is too large without reading it all. */
	private static long copyAtMost(InputStream in, Path target, MessageDigest sha, long limit) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha)) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				total += read;
				if (total > limit) {
					return total;
				}
				out.write(buffer, 0, read);
			}
		}
		return total;
	}

	private static String cleanName(String originalName) {
		String name = originalName == null ? "" : originalName;
		// browsers of some systems send the whole path
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty()) {
			throw InvalidInputException.of("file", "error.evidence.name-missing");
		}
		if (name.length() > MAX_NAME) {
			throw InvalidInputException.of("file", "error.field.too-long", MAX_NAME);
		}
		if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
			throw InvalidInputException.of("file", "error.evidence.name-invalid");
		}
		return name;
	}

	private static FileType checkType(Path file, String name) throws IOException {
		String extension = FileType.extensionOf(name);
		FileType.Finding finding = FileType.detect(file);
		if (finding instanceof FileType.Executable) {
			throw InvalidInputException.of("file", "error.evidence.executable", name);
		}
		if (!(finding instanceof FileType.Known known)) {
			throw InvalidInputException.of("file", "error.evidence.type-unknown", name, FileType.accepted());
		}
		if (!known.type().extensions.contains(extension)) {
			throw InvalidInputException.of("file", "error.evidence.type-mismatch", name,
					extension.isEmpty() ? "-" : extension, known.type().extensions.get(0));
		}
		return known.type();
	}

	/** Keeps the bytes unless the same bytes are kept already. */
	private void keepContent(String hash, long size, FileType type, Path temp) throws IOException {
		boolean known = jdbc.sql("SELECT COUNT(*) FROM evidence_content WHERE sha256 = :sha").param("sha", hash)
				.query(Long.class).single() > 0;
		if (known) {
			return;
		}
		if (directory != null) {
			Path target = contentPath(hash);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			jdbc.sql("INSERT INTO evidence_content (sha256, size_bytes, media_type, stored_at) VALUES (:sha, :size, :type, :now) ON CONFLICT DO NOTHING")
					.param("sha", hash).param("size", size).param("type", type.mediaType).param("now", clock.now())
					.update();
			return;
		}
		try (InputStream in = Files.newInputStream(temp)) {
			template.update("INSERT INTO evidence_content (sha256, size_bytes, media_type, content, stored_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
					ps -> {
						ps.setString(1, hash);
						ps.setLong(2, size);
						ps.setString(3, type.mediaType);
						ps.setBinaryStream(4, in, size);
						ps.setObject(5, clock.now());
					});
		}
	}

	private Path contentPath(String hash) {
		return directory.resolve(hash.substring(0, 2)).resolve(hash);
	}

	// ---- reading -----------------------------------------------------------------------------

	private Optional<Evidence> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM evidence e WHERE e.id = :id").param("id", id).query(Rows.of(Evidence.class))
				.optional();
	}

	/** An evidence record whose organisation the caller may see, or 404. */
	public Evidence get(long id) {
		Scope reading = scope.reading();
		return reading.bind(jdbc.sql("SELECT " + COLUMNS + " FROM evidence e JOIN org o ON o.id = e.org_id WHERE e.id = :id AND "
				+ reading.condition("o"))).param("id", id).query(Rows.of(Evidence.class)).optional()
				.orElseThrow(() -> new NotFoundException("evidence", id));
	}

	/** The file of an evidence record the caller may see, to send under its original name. */
	public Download open(long id) {
		return download(get(id));
	}

	/**
	 * The records of these ids, without a scope check: for a module that has checked the caller
	 * may see what they are attached to (a verifier of another organisation sees the evidence of
	 * the items they verify).
	 */
	public List<Evidence> describe(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM evidence e WHERE e.id IN (:ids) ORDER BY e.id")
				.param("ids", List.copyOf(ids)).query(Rows.of(Evidence.class)).list();
	}

	/** The file of an evidence record, without a scope check (see {@link #describe}). */
	public Download openAttached(long id) {
		return download(byId(id).orElseThrow(() -> new NotFoundException("evidence", id)));
	}

	private Download download(Evidence evidence) {
		try {
			if (directory != null) {
				Path file = contentPath(evidence.sha256());
				if (Files.exists(file)) {
					return new Download(evidence, Files.newInputStream(file));
				}
			}
			// the database holds it (the embedded default, or files kept before a directory was set)
			byte[] bytes = jdbc.sql("SELECT content FROM evidence_content WHERE sha256 = :sha")
					.param("sha", evidence.sha256()).query(byte[].class).optional().orElse(null);
			if (bytes == null) {
				throw new IllegalStateException("the content of evidence " + evidence.id() + " is missing");
			}
			return new Download(evidence, new ByteArrayInputStream(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
