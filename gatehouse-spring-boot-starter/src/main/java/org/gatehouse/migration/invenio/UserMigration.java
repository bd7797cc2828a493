package org.gatehouse.migration.invenio;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.ImportedHashes;
import org.gatehouse.admin.UserImport;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.migration.invenio.InvenioSchema.Feature;
import org.gatehouse.migration.invenio.MigrationReport.Table;
import org.gatehouse.token.PersonalAccessTokens;

/**
 * accounts_user with its login information and profile into gh_user. Hashes are kept as they are (login
 * verifies and upgrades them); inactive users stay inactive, blocked ones are banned since they were blocked.
 */
final class UserMigration {

	record InvenioUser(int id, String email, String password, Boolean active, Instant confirmedAt, Instant created,
			String username, String fullName, String affiliations, Instant blockedAt, Instant verifiedAt,
			boolean hasLoginInformation, Instant currentLoginAt, String currentLoginIp, Instant lastLoginAt,
			String lastLoginIp, Integer loginCount) {

		boolean canSignIn() {
			return Boolean.TRUE.equals(active) && blockedAt == null;
		}
	}

	private static final String INSERT = "insert into gh_user (email, email_key, username, username_key, password_hash, "
			+ "active, confirmed_at, created_at, updated_at, current_login_at, last_login_at, current_login_ip, "
			+ "last_login_ip, login_count, security_stamp, full_name, affiliations, banned_at, verified_at) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	private static final String AUDIT = "insert into gh_audit_log (occurred_at, event_type, actor_user_id, subject_user_id, "
			+ "details) values (?, ?, ?, ?, ?)";

	private final MigrationRun run;
	private final ImportedHashes hashes;
	private final int usernameMinLength;
	private final int usernameMaxLength;
	private final SecureRandom random = new SecureRandom();

	UserMigration(MigrationRun run, ImportedHashes hashes, int usernameMinLength, int usernameMaxLength) {
		this.run = run;
		this.hashes = hashes;
		this.usernameMinLength = usernameMinLength;
		this.usernameMaxLength = usernameMaxLength;
	}

	void migrate() {
		run.source.stream(query(run.source.schema()), run.batchSize, UserMigration::map,
				batch -> run.inTransaction(() -> migrateBatch(batch)));
	}

	static String query(InvenioSchema schema) {
		boolean profile = schema.has(Feature.USERNAME_AND_PROFILE);
		boolean loginTable = schema.has(Feature.LOGIN_INFO_TABLE);
		String login = loginTable ? "li." : "u.";
		return "select u.id, u.email, u.password, u.active, u.confirmed_at, "
				+ (schema.has(Feature.USER_CREATED) ? "u.created" : "cast(null as timestamp)") + " as created, "
				+ (profile ? "coalesce(u.displayname, u.username) as username, u.profile ->> 'full_name' as full_name, "
						+ "u.profile ->> 'affiliations' as affiliations, "
						: schema.legacyProfiles() ? "coalesce(p.displayname, p.username) as username, p.full_name as full_name, "
								+ "cast(null as varchar) as affiliations, "
								: "cast(null as varchar) as username, cast(null as varchar) as full_name, "
										+ "cast(null as varchar) as affiliations, ")
				+ (schema.has(Feature.MODERATION) ? "u.blocked_at, u.verified_at, "
						: "cast(null as timestamp) as blocked_at, cast(null as timestamp) as verified_at, ")
				+ (loginTable ? "li.user_id is not null" : "true") + " as has_login, "
				+ login + "current_login_at, cast(" + login + "current_login_ip as varchar) as current_login_ip, "
				+ login + "last_login_at, cast(" + login + "last_login_ip as varchar) as last_login_ip, "
				+ login + "login_count from accounts_user u "
				+ (loginTable ? "left join accounts_user_login_information li on li.user_id = u.id " : "")
				+ (!profile && schema.legacyProfiles() ? "left join userprofiles_userprofile p on p.user_id = u.id " : "")
				+ "order by u.id";
	}

	private static InvenioUser map(ResultSet rs) throws SQLException {
		Object active = rs.getObject("active");
		int loginCount = rs.getInt("login_count");
		Integer count = rs.wasNull() ? null : loginCount;
		return new InvenioUser(rs.getInt("id"), rs.getString("email"), rs.getString("password"), (Boolean) active,
				InvenioSource.instant(rs, "confirmed_at"), InvenioSource.instant(rs, "created"), rs.getString("username"),
				rs.getString("full_name"), rs.getString("affiliations"), InvenioSource.instant(rs, "blocked_at"),
				InvenioSource.instant(rs, "verified_at"), rs.getBoolean("has_login"),
				InvenioSource.instant(rs, "current_login_at"), rs.getString("current_login_ip"),
				InvenioSource.instant(rs, "last_login_at"), rs.getString("last_login_ip"), count);
	}

	private void migrateBatch(List<InvenioUser> batch) {
		List<InvenioUser> todo = run.notYetMigrated(Table.USERS, MigrationLedger.Kind.USER, batch,
				u -> String.valueOf(u.id()));
		List<InvenioUser> done = batch.stream().filter(u -> !todo.contains(u)).toList();
		run.report.alreadyMigrated(Table.LOGIN_INFORMATION, done.stream().filter(InvenioUser::hasLoginInformation).count());
		followChanges(done);
		List<InvenioUser> valid = new ArrayList<>();
		for (InvenioUser user : todo) {
			String problem = problem(user);
			if (problem == null) {
				valid.add(user);
			}
			else {
				run.report.rejected(Table.USERS, user.id(), problem);
			}
		}
		Map<String, Long> takenEmails = existing("email_key", valid.stream().map(u -> UserStore.emailKey(u.email())).toList());
		Map<String, Long> takenUsernames = existing("username_key", valid.stream().map(InvenioUser::username)
			.filter(n -> n != null && !n.isBlank()).map(UserStore::usernameKey).toList());
		Set<String> emailsInBatch = new HashSet<>();
		Set<String> usernamesInBatch = new HashSet<>();
		List<Object[]> rows = new ArrayList<>();
		Map<String, InvenioUser> byEmailKey = new HashMap<>();
		for (InvenioUser user : valid) {
			String emailKey = UserStore.emailKey(user.email());
			if (takenEmails.containsKey(emailKey)) {
				run.report.rejected(Table.USERS, user.id(), "email " + user.email() + " already belongs to Gatehouse user #"
						+ takenEmails.get(emailKey) + " (Invenio keeps addresses that differ in case apart; Gatehouse does not)");
				continue;
			}
			if (!emailsInBatch.add(emailKey)) {
				run.report.rejected(Table.USERS, user.id(), "email " + user.email()
						+ " differs only in case from another Invenio user's");
				continue;
			}
			String username = username(user, takenUsernames, usernamesInBatch);
			rows.add(row(user, emailKey, username));
			byEmailKey.put(emailKey, user);
		}
		if (rows.isEmpty()) {
			return;
		}
		run.jdbc.batchUpdate(INSERT, rows);
		Map<String, Long> ids = existing("email_key", List.copyOf(byEmailKey.keySet()));
		List<Map.Entry<String, Long>> ledger = new ArrayList<>();
		List<Object[]> audit = new ArrayList<>();
		for (Map.Entry<String, InvenioUser> entry : byEmailKey.entrySet()) {
			InvenioUser user = entry.getValue();
			long id = ids.get(entry.getKey());
			ledger.add(new AbstractMap.SimpleEntry<>(String.valueOf(user.id()), id));
			audit.add(new Object[] { run.nowAt(), SecurityEventType.USER_IMPORTED.name(), null, id,
					"from Invenio user #" + user.id() });
			if (user.blockedAt() != null) {
				audit.add(new Object[] { run.at(user.blockedAt()), SecurityEventType.USER_BANNED.name(), null, id,
						"blocked in Invenio" });
			}
			run.report.sample(user.email(), kind(user));
		}
		run.ledger.record(MigrationLedger.Kind.USER, ledger, run.now);
		Map<String, String> states = new HashMap<>();
		byEmailKey.values().forEach(u -> states.put(String.valueOf(u.id()), state(u)));
		run.ledger.recordStates(MigrationLedger.Kind.USER, states);
		run.jdbc.batchUpdate(AUDIT, audit);
		run.report.migrated(Table.USERS, byEmailKey.size());
		run.report.migrated(Table.LOGIN_INFORMATION,
				byEmailKey.values().stream().filter(InvenioUser::hasLoginInformation).count());
	}

	/**
	 * Users migrated by an earlier run whose password or sign-in status changed in Invenio since (both systems run
	 * side by side until the cut-over): Gatehouse takes the new hash or status. Nothing else is followed.
	 */
	private void followChanges(List<InvenioUser> done) {
		Map<String, String> before = run.ledger.states(MigrationLedger.Kind.USER,
				done.stream().map(u -> String.valueOf(u.id())).toList());
		List<InvenioUser> changed = done.stream().filter(u -> before.containsKey(String.valueOf(u.id()))
				&& !before.get(String.valueOf(u.id())).equals(state(u))).toList();
		if (changed.isEmpty()) {
			return;
		}
		Map<Integer, Long> ids = run.gatehouseUsers(changed.stream().map(InvenioUser::id).toList());
		Map<String, String> states = new HashMap<>();
		for (InvenioUser user : changed) {
			String key = String.valueOf(user.id());
			String[] was = before.get(key).split("\\|", 2);
			String[] is = state(user).split("\\|", 2);
			byte[] stamp = new byte[16];
			random.nextBytes(stamp);
			if (!was[0].equals(is[0])) {
				String problem = problem(user);
				if (problem != null) {
					run.report.rejected(Table.USERS, user.id(), "changed since the last run, not followed: " + problem);
					continue;
				}
				run.jdbc.update("update gh_user set password_hash = ?, security_stamp = ?, updated_at = ? where id = ?",
						user.password() == null || user.password().isEmpty() ? null : user.password(),
						HexFormat.of().formatHex(stamp), run.nowAt(), ids.get(user.id()));
				run.report.updated(Table.USERS, user.id(), "password changed in Invenio since the last run: taken over");
			}
			if (!was[1].equals(is[1])) {
				run.jdbc.update("update gh_user set active = ?, banned_at = ?, security_stamp = ?, updated_at = ? where id = ?",
						user.canSignIn(), run.at(user.blockedAt()), HexFormat.of().formatHex(stamp), run.nowAt(),
						ids.get(user.id()));
				run.report.updated(Table.USERS, user.id(), "sign-in status changed in Invenio since the last run: now "
						+ kind(user));
			}
			states.put(key, state(user));
		}
		run.ledger.recordStates(MigrationLedger.Kind.USER, states);
	}

	/** What a later run compares: a digest of the password hash, and whether and since when the user is blocked. */
	private static String state(InvenioUser user) {
		String hash = user.password() == null ? "" : PersonalAccessTokens.hash(user.password()).substring(0, 32);
		return hash + "|" + user.canSignIn() + "," + user.blockedAt();
	}

	/** Why the user cannot be migrated, or null. */
	private String problem(InvenioUser user) {
		if (!UserImport.isValidEmail(user.email())) {
			return "not an email address: " + user.email();
		}
		if (user.password() != null && !user.password().isEmpty()) {
			String hashProblem = hashes.problem(user.password());
			if (hashProblem != null) {
				return hashProblem + " (the user could never sign in with it; not migrated)";
			}
		}
		return null;
	}

	/** The username to keep, or null (reported) when Gatehouse would not accept it: never changed silently. */
	private String username(InvenioUser user, Map<String, Long> taken, Set<String> inBatch) {
		String username = user.username();
		if (username == null || username.isBlank()) {
			return null;
		}
		if (!UserImport.isValidUsername(username) || username.length() < usernameMinLength
				|| username.length() > usernameMaxLength) {
			run.report.note(Table.USERS, user.id(), "username " + username + " breaks Gatehouse's rules (a letter, then "
					+ "letters, digits, '_' or '.', " + usernameMinLength + " to " + usernameMaxLength
					+ " characters): migrated without a username; the user signs in with " + user.email());
			return null;
		}
		String key = UserStore.usernameKey(username);
		if (taken.containsKey(key) || !inBatch.add(key)) {
			run.report.note(Table.USERS, user.id(), "username " + username + " is taken in Gatehouse: migrated without "
					+ "a username; the user signs in with " + user.email());
			return null;
		}
		return username;
	}

	private Object[] row(InvenioUser user, String emailKey, String username) {
		byte[] stamp = new byte[16];
		random.nextBytes(stamp);
		String hash = user.password() == null || user.password().isEmpty() ? null : user.password();
		return new Object[] { user.email().strip(), emailKey, username, UserStore.usernameKey(username), hash,
				user.canSignIn(), run.at(user.confirmedAt()), run.at(user.created() == null ? run.now : user.created()),
				run.nowAt(), run.at(user.currentLoginAt()), run.at(user.lastLoginAt()), ip(user.currentLoginIp()),
				ip(user.lastLoginIp()), user.loginCount() == null ? 0 : user.loginCount(), HexFormat.of().formatHex(stamp),
				truncate(user.fullName()), truncate(user.affiliations()), run.at(user.blockedAt()),
				run.at(user.verifiedAt()) };
	}

	private static String kind(InvenioUser user) {
		if (user.blockedAt() != null) {
			return "banned (cannot sign in)";
		}
		if (!user.canSignIn()) {
			return "inactive (cannot sign in)";
		}
		return user.password() == null ? "no password (external sign-in or password reset)" : "signs in with their password";
	}

	private Map<String, Long> existing(String keyColumn, List<String> keys) {
		Map<String, Long> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		run.named.query("select " + keyColumn + ", id from gh_user where " + keyColumn + " in (:keys)",
				Map.of("keys", keys), rs -> {
					found.put(rs.getString(1), rs.getLong(2));
				});
		return found;
	}

	private static String ip(String ip) {
		return ip == null || ip.length() > 64 ? null : ip;
	}

	private static String truncate(String value) {
		return value == null || value.isBlank() ? null : value.strip().length() > 255 ? value.strip().substring(0, 255)
				: value.strip();
	}
}
