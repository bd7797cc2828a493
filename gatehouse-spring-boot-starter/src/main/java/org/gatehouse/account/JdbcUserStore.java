package org.gatehouse.account;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The default {@link UserStore}: users and their roles in gh_user / gh_user_role, through bound parameters only. */
public class JdbcUserStore implements UserStore {

	private static final String COLUMNS = "id, email, username, password_hash, active, confirmed_at, created_at, "
			+ "current_login_at, last_login_at, current_login_ip, last_login_ip, login_count, security_stamp";
	private static final int COLUMN_COUNT = COLUMNS.split(", ").length;
	/** The same columns for a query where gh_user is aliased {@code u}. */
	private static final String USER_COLUMNS = "u." + COLUMNS.replace(", ", ", u.");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public JdbcUserStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<User> findById(long id) {
		return findOneWithRoles("u.id = ?", id);
	}

	@Override
	public Optional<User> findByEmail(String email) {
		if (!storable(email)) {
			return Optional.empty();
		}
		return findOneWithRoles("u.email_key = ?", UserStore.emailKey(email));
	}

	@Override
	public Optional<User> findByLogin(String login) {
		String key = LoginNames.normalise(login);
		if (key.isEmpty() || LoginNames.isMalformed(login)) {
			return Optional.empty();
		}
		return findOneWithRoles(key.contains("@") ? "u.email_key = ?" : "u.username_key = ?", key);
	}

	@Override
	public boolean emailTaken(String email) {
		if (!storable(email)) {
			return false;
		}
		return jdbc.sql("select count(*) from gh_user where email_key = ?").param(UserStore.emailKey(email))
			.query(Integer.class).single() > 0;
	}

	@Override
	public boolean usernameTaken(String username) {
		return username != null && !username.isBlank() && storable(username)
				&& jdbc.sql("select count(*) from gh_user where username_key = ?").param(UserStore.usernameKey(username))
					.query(Integer.class).single() > 0;
	}

	@Override
	public Optional<Instant> bannedAt(long id) {
		return jdbc.sql("select banned_at from gh_user where id = ?").param(id)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.optional().flatMap(at -> at);
	}

	/** The unique constraints decide races. */
	@Override
	public long create(String email, String username, String passwordHash, boolean confirmed) {
		OffsetDateTime now = now();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into gh_user (email, email_key, username, username_key, password_hash, active, confirmed_at, "
				+ "created_at, updated_at, login_count, security_stamp) values (?, ?, ?, ?, ?, true, ?, ?, ?, 0, ?)")
			.params(email.trim(), UserStore.emailKey(email), blankToNull(username), UserStore.usernameKey(username), passwordHash,
					confirmed ? now : null, now, now, newStamp())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	@Override
	public boolean replacePasswordHashIfUnchanged(long id, String expectedHash, String newHash) {
		return jdbc.sql("update gh_user set password_hash = ? where id = ? and password_hash = ?")
			.params(newHash, id, expectedHash).update() == 1;
	}

	@Override
	public void changePassword(long id, String newHash) {
		jdbc.sql("update gh_user set password_hash = ?, security_stamp = ?, updated_at = ? where id = ?")
			.params(newHash, newStamp(), now(), id).update();
	}

	@Override
	public boolean confirm(long id) {
		return jdbc.sql("update gh_user set confirmed_at = ?, updated_at = ? where id = ? and confirmed_at is null")
			.params(now(), now(), id).update() == 1;
	}

	@Override
	public void changeEmail(long id, String newEmail) {
		OffsetDateTime now = now();
		jdbc.sql("update gh_user set email = ?, email_key = ?, confirmed_at = coalesce(confirmed_at, ?), "
				+ "security_stamp = ?, updated_at = ? where id = ?")
			.params(newEmail.trim(), UserStore.emailKey(newEmail), now, newStamp(), now, id).update();
	}

	@Override
	public void setActive(long id, boolean active) {
		OffsetDateTime now = now();
		jdbc.sql("update gh_user set active = ?, banned_at = ?, security_stamp = ?, updated_at = ? where id = ?")
			.params(active, active ? null : now, newStamp(), now, id).update();
	}

	@Override
	public void recordLogin(long id, String ip) {
		jdbc.sql("update gh_user set last_login_at = current_login_at, last_login_ip = current_login_ip, "
				+ "current_login_at = ?, current_login_ip = ?, login_count = login_count + 1 where id = ?")
			.params(now(), ip, id).update();
	}

	@Override
	public int eraseLoginIpsBefore(Instant cutoff) {
		OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
		int current = jdbc.sql("update gh_user set current_login_ip = null where current_login_ip is not null "
				+ "and current_login_at < ?").param(at).update();
		int last = jdbc.sql("update gh_user set last_login_ip = null where last_login_ip is not null "
				+ "and (last_login_at is null or last_login_at < ?)").param(at).update();
		return current + last;
	}

	@Override
	public void addRole(long userId, String role) {
		jdbc.sql("insert into gh_role (name) select ? where not exists (select 1 from gh_role where name = ?)")
			.params(role, role).update();
		jdbc.sql("insert into gh_user_role (user_id, role_id) select ?, r.id from gh_role r where r.name = ? "
				+ "and not exists (select 1 from gh_user_role ur where ur.user_id = ? and ur.role_id = r.id)")
			.params(userId, role, userId).update();
	}

	@Override
	public void removeRole(long userId, String role) {
		jdbc.sql("delete from gh_user_role where user_id = ? and role_id in (select id from gh_role where name = ?)")
			.params(userId, role).update();
	}

	@Override
	public void forEachPasswordHash(int pageSize, java.util.function.Consumer<String> action) {
		long afterId = 0;
		while (true) {
			List<Object[]> page = jdbc.sql("select id, password_hash from gh_user where id > ? "
					+ "and password_hash is not null order by id limit ?")
				.params(afterId, pageSize).query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
			for (Object[] row : page) {
				action.accept((String) row[1]);
			}
			if (page.size() < pageSize) {
				return;
			}
			afterId = (Long) page.get(page.size() - 1)[0];
		}
	}

	@Override
	public List<User> listAfterId(long afterId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from gh_user where id > ? order by id limit ?")
			.params(afterId, limit).query(this::mapUser).list();
	}

	/** A range scan of the unique email_key index (PostgreSQL needs the C collation or a varchar_pattern_ops index for LIKE to use it). */
	@Override
	public List<User> searchByEmailPrefix(String prefix, String afterKey, int limit) {
		if (!storable(prefix) || !storable(afterKey)) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from gh_user where email_key like ? escape '\\' and email_key > ? "
				+ "order by email_key limit ?")
			.params(likePrefix(UserStore.emailKey(prefix)), afterKey == null ? "" : afterKey, limit).query(this::mapUser).list();
	}

	@Override
	public List<User> searchByUsernamePrefix(String prefix, String afterKey, int limit) {
		if (!storable(prefix) || !storable(afterKey)) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from gh_user where username_key like ? escape '\\' "
				+ "and username_key > ? order by username_key limit ?")
			.params(likePrefix(prefix.trim().toLowerCase(Locale.ROOT)), afterKey == null ? "" : afterKey, limit)
			.query(this::mapUser).list();
	}

	@Override
	public List<User> withRoles(List<User> found) {
		if (found.isEmpty()) {
			return found;
		}
		Map<Long, Set<String>> roles = new HashMap<>();
		jdbc.sql("select ur.user_id, r.name from gh_user_role ur join gh_role r on r.id = ur.role_id "
				+ "where ur.user_id in (:ids)")
			.param("ids", found.stream().map(User::id).toList())
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> roles
				.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2)));
		return found.stream().map(u -> u.withRoles(roles.getOrDefault(u.id(), Set.of()))).toList();
	}

	@Override
	public boolean anyActiveUserWithRole(String role) {
		return jdbc.sql("select count(*) from gh_user u join gh_user_role ur on ur.user_id = u.id "
				+ "join gh_role r on r.id = ur.role_id where r.name = ? and u.active = true")
			.param(role).query(Integer.class).single() > 0;
	}

	@Override
	public List<String> roleNames() {
		return jdbc.sql("select name from gh_role order by name").query(String.class).list();
	}

	@Override
	public void setImportedState(long id, boolean active, Instant confirmedAt) {
		jdbc.sql("update gh_user set active = ?, confirmed_at = ? where id = ?")
			.params(active, confirmedAt == null ? null : OffsetDateTime.ofInstant(confirmedAt, ZoneOffset.UTC), id)
			.update();
	}

	/**
	 * PostgreSQL text cannot hold U+0000 and refuses it even as a query parameter (an error, so a
	 * 500): a value with a NUL matches no stored row, and lookups answer "none" without asking.
	 */
	private static boolean storable(String value) {
		return value == null || value.indexOf('\u0000') < 0;
	}

	private static String likePrefix(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** One user and its role names in one statement (a row per role): this runs on every authenticated request. */
	private Optional<User> findOneWithRoles(String condition, Object key) {
		return jdbc.sql("select " + USER_COLUMNS + ", r.name as role_name from gh_user u "
				+ "left join gh_user_role ur on ur.user_id = u.id left join gh_role r on r.id = ur.role_id where "
				+ condition).param(key).query((ResultSet rs) -> {
					if (!rs.next()) {
						return Optional.<User>empty();
					}
					User user = mapUser(rs, 0);
					Set<String> roles = new HashSet<>();
					do {
						String role = rs.getString(COLUMN_COUNT + 1);
						if (role != null) {
							roles.add(role);
						}
					}
					while (rs.next());
					return Optional.of(user.withRoles(Set.copyOf(roles)));
				});
	}

	/** Reads the columns by their position in {@link #COLUMNS}: H2 builds a name-to-index map per result set. */
	private User mapUser(ResultSet rs, int row) throws SQLException {
		return new User(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
				instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9), rs.getString(10), rs.getString(11),
				rs.getInt(12), rs.getString(13), Set.of());
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private String newStamp() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
