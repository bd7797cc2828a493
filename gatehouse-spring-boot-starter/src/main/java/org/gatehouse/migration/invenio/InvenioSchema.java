package org.gatehouse.migration.invenio;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which Invenio-Accounts schema a database has, told from its tables and columns and checked against
 * {@code alembic_version} when there is one. Only the revisions below are known; anything else is refused,
 * since reading a schema we have not seen could lose or misread accounts.
 */
public record InvenioSchema(String revision, Set<Feature> features, boolean tokens, boolean legacyProfiles) {

	/** What a revision added that the migration reads differently. */
	public enum Feature {
		/** e12419831262: browser, os, device, country, ip of each session. */
		SESSION_DETAILS,
		/** 999dcbd19ace: created/updated/version_id on users and roles. */
		USER_CREATED,
		/** dfbdf43a3e96: accounts_user_login_information instead of login columns on accounts_user. */
		LOGIN_INFO_TABLE,
		/** 62efc52773d4: accounts_useridentity (before: invenio-oauthclient's oauthclient_useridentity). */
		IDENTITY_TABLE,
		/** eb9743315a9d: username, displayname, profile and preferences JSON on accounts_user. */
		USERNAME_AND_PROFILE,
		/** f2522cdd5fcd: role ids are strings. */
		STRING_ROLE_IDS,
		/** 037afe10e9ff: blocked_at and verified_at. */
		MODERATION,
		/** 6ec5ce377ca3: accounts_user.domain (and accounts_domains). */
		DOMAIN
	}

	/** Invenio-Accounts' Alembic revisions, oldest first, with the features each has. */
	static final Map<String, Set<Feature>> KNOWN = known();

	/** Revisions that change no column the migration reads: told apart by alembic_version only. */
	private static final Map<String, String> SAME_COLUMNS_AS = Map.of("23e196599f9f", "6ec5ce377ca3",
			"843bc79c426f", "9848d0149abd");

	private static Map<String, Set<Feature>> known() {
		Map<String, Set<Feature>> known = new LinkedHashMap<>();
		EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
		known.put("9848d0149abd", EnumSet.noneOf(Feature.class));
		String[][] steps = { { "e12419831262", "SESSION_DETAILS" }, { "999dcbd19ace", "USER_CREATED" },
				{ "dfbdf43a3e96", "LOGIN_INFO_TABLE" }, { "62efc52773d4", "IDENTITY_TABLE" },
				{ "eb9743315a9d", "USERNAME_AND_PROFILE" }, { "f2522cdd5fcd", "STRING_ROLE_IDS" },
				{ "037afe10e9ff", "MODERATION" }, { "6ec5ce377ca3", "DOMAIN" } };
		for (String[] step : steps) {
			features.add(Feature.valueOf(step[1]));
			known.put(step[0], EnumSet.copyOf(features));
		}
		known.put("23e196599f9f", EnumSet.copyOf(features));
		return Map.copyOf(known);
	}

	public boolean has(Feature feature) {
		return features.contains(feature);
	}

	/** Reads the catalogue of the connection's current schema and tells the revision, or refuses. */
	public static InvenioSchema detect(Connection connection) throws SQLException {
		Map<String, Map<String, String>> tables = columns(connection);
		for (String required : List.of("accounts_user", "accounts_role", "accounts_userrole")) {
			if (!tables.containsKey(required)) {
				throw new UnknownInvenioSchemaException("No table " + required + ": this is not an Invenio-Accounts "
						+ "database (tables found: " + String.join(", ", new TreeSet<>(tables.keySet())) + ")");
			}
		}
		Map<String, String> user = tables.get("accounts_user");
		EnumSet<Feature> found = EnumSet.noneOf(Feature.class);
		checkColumns(tables, "accounts_user", "id", "email", "password", "active", "confirmed_at");
		checkColumns(tables, "accounts_role", "id", "name", "description");
		checkColumns(tables, "accounts_userrole", "user_id", "role_id");
		if (tables.getOrDefault("accounts_user_session_activity", Map.of()).containsKey("browser")) {
			found.add(Feature.SESSION_DETAILS);
		}
		if (user.containsKey("created")) {
			found.add(Feature.USER_CREATED);
		}
		if (tables.containsKey("accounts_user_login_information")) {
			found.add(Feature.LOGIN_INFO_TABLE);
		}
		else if (!user.containsKey("login_count")) {
			throw new UnknownInvenioSchemaException("accounts_user has no login columns and there is no "
					+ "accounts_user_login_information table");
		}
		if (tables.containsKey("accounts_useridentity")) {
			found.add(Feature.IDENTITY_TABLE);
		}
		if (user.containsKey("username") || user.containsKey("profile")) {
			checkColumns(tables, "accounts_user", "username", "displayname", "profile", "preferences");
			found.add(Feature.USERNAME_AND_PROFILE);
		}
		String roleIdType = tables.get("accounts_role").get("id");
		if (roleIdType.contains("char") || roleIdType.equals("text")) {
			found.add(Feature.STRING_ROLE_IDS);
		}
		if (user.containsKey("blocked_at") || user.containsKey("verified_at")) {
			checkColumns(tables, "accounts_user", "blocked_at", "verified_at");
			found.add(Feature.MODERATION);
		}
		if (user.containsKey("domain")) {
			found.add(Feature.DOMAIN);
		}
		String byColumns = KNOWN.entrySet().stream().filter(e -> e.getValue().equals(found))
			.filter(e -> !SAME_COLUMNS_AS.containsKey(e.getKey())).map(Map.Entry::getKey).findFirst()
			.orElseThrow(() -> new UnknownInvenioSchemaException("The tables match no Invenio-Accounts revision this "
					+ "Gatehouse knows (their features: " + found + "; known revisions: " + String.join(", ", KNOWN.keySet())
					+ "). Upgrade Invenio (invenio alembic upgrade) to a known revision first."));
		String revision = checkAlembic(connection, tables, byColumns);
		boolean tokens = tables.containsKey("oauth2server_token") && tables.containsKey("oauth2server_client");
		if (tokens) {
			checkColumns(tables, "oauth2server_token", "id", "client_id", "user_id", "access_token", "expires", "_scopes",
					"is_personal", "is_internal");
		}
		// before eb9743315a9d usernames and full names lived in invenio-userprofiles' table
		boolean legacyProfiles = tables.containsKey("userprofiles_userprofile");
		if (legacyProfiles) {
			checkColumns(tables, "userprofiles_userprofile", "user_id", "username", "displayname", "full_name");
		}
		return new InvenioSchema(revision, found, tokens, legacyProfiles);
	}

	/** The revision alembic_version names for Invenio-Accounts, which must agree with the columns. */
	private static String checkAlembic(Connection connection, Map<String, Map<String, String>> tables, String byColumns)
			throws SQLException {
		if (!tables.containsKey("alembic_version")) {
			return byColumns;
		}
		List<String> versions = new ArrayList<>();
		try (var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version_num from alembic_version")) {
			while (rs.next()) {
				versions.add(rs.getString(1));
			}
		}
		List<String> accounts = versions.stream().filter(KNOWN::containsKey).toList();
		if (accounts.isEmpty()) {
			throw new UnknownInvenioSchemaException("alembic_version names no Invenio-Accounts revision this Gatehouse "
					+ "knows (found: " + String.join(", ", versions) + "; known: " + String.join(", ", KNOWN.keySet())
					+ "): a newer Invenio-Accounts? Its schema is refused rather than guessed.");
		}
		String stated = accounts.get(0);
		if (!SAME_COLUMNS_AS.getOrDefault(stated, stated).equals(byColumns)) {
			throw new UnknownInvenioSchemaException("alembic_version says Invenio-Accounts revision " + stated
					+ " but the tables look like revision " + byColumns + ": a half-applied upgrade? Refused.");
		}
		return stated;
	}

	private static void checkColumns(Map<String, Map<String, String>> tables, String table, String... columns) {
		List<String> missing = java.util.Arrays.stream(columns).filter(c -> !tables.get(table).containsKey(c)).toList();
		if (!missing.isEmpty()) {
			throw new UnknownInvenioSchemaException("Table " + table + " lacks column(s) " + String.join(", ", missing)
					+ " that every known Invenio-Accounts revision has: refused.");
		}
	}

	/** Table name -> column name -> data type, for the tables the connection's search path shows first. */
	private static Map<String, Map<String, String>> columns(Connection connection) throws SQLException {
		Map<String, Map<String, String>> tables = new HashMap<>();
		try (var statement = connection.prepareStatement("select table_name, column_name, data_type "
				+ "from information_schema.columns where table_schema = current_schema()");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				tables.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), t -> new HashMap<>())
					.put(rs.getString(2).toLowerCase(Locale.ROOT), rs.getString(3).toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	@Override
	public String toString() {
		return revision + " " + features.stream().map(Enum::name).collect(Collectors.joining(",", "[", "]"));
	}
}
