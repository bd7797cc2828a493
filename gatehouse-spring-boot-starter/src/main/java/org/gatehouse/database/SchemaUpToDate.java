package org.gatehouse.database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether Gatehouse's schema is already up to date, decided with one query on its history table and the migration
 * scripts' checksums, without starting Flyway: a restart of an installed server, the usual case, then skips
 * Flyway's class loading, its scan of the locations and its validation (seconds on two cores). Only an exact match
 * counts: every script applied successfully with the checksum Flyway gave it (or covered by a baseline), no failed
 * row and nothing applied that the scripts do not hold. Anything else, including any error while checking (another
 * database's quoting, a missing table), answers "no", and Flyway migrates, validates and reports as always.
 */
final class SchemaUpToDate {

	private static final String CLASSPATH = "classpath:";

	private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

	private SchemaUpToDate() {
	}

	/**
	 * @param dataSource the connection to the schema (Gatehouse's history table in its default schema)
	 * @param locations Flyway locations; any but {@code classpath:} ones answer "no"
	 */
	static boolean check(DataSource dataSource, List<String> locations) {
		try {
			List<Applied> history = history(dataSource);
			Set<Applied> scripts = scripts(locations);
			return upToDate(history, scripts);
		}
		catch (SQLException | IOException | RuntimeException ex) {
			return false;
		}
	}

	static boolean upToDate(List<Applied> history, Set<Applied> scripts) {
		if (scripts.isEmpty() || history.stream().anyMatch(row -> !row.success())) {
			return false;
		}
		Set<Applied> applied = new HashSet<>();
		BigInteger[] baseline = null;
		for (Applied row : history) {
			if ("SQL".equals(row.type())) {
				applied.add(row.withoutState());
			}
			else if ("BASELINE".equals(row.type())) {
				baseline = version(row.version());
			}
		}
		Set<Applied> expected = new HashSet<>();
		for (Applied script : scripts) {
			if (baseline == null || compare(version(script.version()), baseline) > 0) {
				expected.add(script);
			}
		}
		return applied.equals(expected);
	}

	private static List<Applied> history(DataSource dataSource) throws SQLException {
		List<Applied> rows = new ArrayList<>();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select \"version\", \"script\", \"checksum\", \"type\", "
						+ "\"success\" from \"" + GatehouseSchemaMigration.HISTORY_TABLE + "\"")) {
			while (result.next()) {
				int checksum = result.getInt(3);
				rows.add(new Applied(result.getString(1), result.getString(2), result.wasNull() ? null : checksum,
						result.getString(4), result.getBoolean(5)));
			}
		}
		return rows;
	}

	/** Gatehouse's versioned scripts in the configured locations, as Flyway would record them. */
	private static Set<Applied> scripts(List<String> locations) throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				SchemaUpToDate.class.getClassLoader());
		Set<Applied> scripts = new HashSet<>();
		for (String location : locations) {
			if (!location.startsWith(CLASSPATH)) {
				throw new IllegalStateException("only class path locations are checked here");
			}
			String root = location.substring(CLASSPATH.length()).replaceAll("^/+|/+$", "");
			for (Resource resource : resolver.getResources("classpath*:" + root + "/*.sql")) {
				Matcher name = VERSIONED.matcher(resource.getFilename());
				if (!name.matches()) {
					throw new IllegalStateException("not a versioned migration: " + resource.getFilename());
				}
				scripts.add(new Applied(name.group(1).replace('_', '.'), resource.getFilename(),
						checksum(resource, StandardCharsets.UTF_8), "SQL", true));
			}
		}
		return scripts;
	}

	/** Flyway's checksum: CRC32 over the script's lines without their line breaks, a leading byte order mark dropped. */
	static int checksum(Resource resource, Charset encoding) throws IOException {
		CRC32 crc32 = new CRC32();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), encoding))) {
			String line = reader.readLine();
			if (line != null && line.startsWith("\uFEFF")) {
				line = line.substring(1);
			}
			for (; line != null; line = reader.readLine()) {
				crc32.update(line.getBytes(StandardCharsets.UTF_8));
			}
		}
		return (int) crc32.getValue();
	}

	private static BigInteger[] version(String version) {
		return Arrays.stream(version.split("\\.")).map(BigInteger::new).toArray(BigInteger[]::new);
	}

	private static int compare(BigInteger[] a, BigInteger[] b) {
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int c = (i < a.length ? a[i] : BigInteger.ZERO).compareTo(i < b.length ? b[i] : BigInteger.ZERO);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/** A row of the history table, or a script as Flyway would record it. */
	record Applied(String version, String script, Integer checksum, String type, boolean success) {

		Applied withoutState() {
			return new Applied(version, script, checksum, "SQL", true);
		}
	}
}
