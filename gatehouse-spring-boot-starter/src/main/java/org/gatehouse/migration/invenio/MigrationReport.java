package org.gatehouse.migration.invenio;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a migration did (or, in a dry run, would do), table by table. Problems are handed to the
 * {@link Listener} as they happen and only the first {@value #KEPT_PROBLEMS} are kept, so that a run over
 * millions of rows keeps its memory flat.
 */
public final class MigrationReport {

	static final int KEPT_PROBLEMS = 1000;
	static final int SAMPLE_SIZE = 5;

	/** Invenio's tables, in the order they are migrated. */
	public enum Table {
		ROLES("accounts_role"), USERS("accounts_user"), LOGIN_INFORMATION("accounts_user_login_information"),
		USER_ROLES("accounts_userrole"), IDENTITIES("accounts_useridentity"),
		SESSIONS("accounts_user_session_activity"), TOKENS("oauth2server_token");

		private final String invenioName;

		Table(String invenioName) {
			this.invenioName = invenioName;
		}

		public String invenioName() {
			return invenioName;
		}
	}

	/** A row that was not migrated (rejected: a problem with the row; skipped: not meant to move) or moved with a change noted. */
	public enum Outcome { REJECTED, SKIPPED, NOTE }

	public record Problem(Table table, String invenioKey, Outcome outcome, String reason) {
	}

	/** A migrated user to try logging in as. */
	public record SampleUser(String email, String kind) {
	}

	/** Told each problem as it is found, e.g. to print it. */
	public interface Listener {
		void problem(Problem problem);
	}

	public static final class Counts {
		private long migrated;
		private long alreadyMigrated;
		private long rejected;
		private long skipped;
		private long updated;

		public long migrated() { return migrated; }
		public long alreadyMigrated() { return alreadyMigrated; }
		public long rejected() { return rejected; }
		public long skipped() { return skipped; }
		/** Rows migrated by an earlier run that changed in Invenio since, and were brought up to date. */
		public long updated() { return updated; }
	}

	private final boolean dryRun;
	private final Listener listener;
	private final Map<Table, Counts> counts = new EnumMap<>(Table.class);
	private final List<Problem> problems = new ArrayList<>();
	private final List<SampleUser> sample = new ArrayList<>();
	private final List<String> warnings = new ArrayList<>();
	private String schemaRevision;

	MigrationReport(boolean dryRun, Listener listener) {
		this.dryRun = dryRun;
		this.listener = listener;
		for (Table table : Table.values()) {
			counts.put(table, new Counts());
		}
	}

	void schema(String revision) {
		this.schemaRevision = revision;
	}

	void migrated(Table table, long n) {
		counts.get(table).migrated += n;
	}

	void alreadyMigrated(Table table, long n) {
		counts.get(table).alreadyMigrated += n;
	}

	void updated(Table table, Object key, String what) {
		counts.get(table).updated++;
		note(table, key, what);
	}

	void rejected(Table table, Object key, String reason) {
		counts.get(table).rejected++;
		problem(new Problem(table, String.valueOf(key), Outcome.REJECTED, reason));
	}

	void skipped(Table table, Object key, String reason) {
		counts.get(table).skipped++;
		problem(new Problem(table, String.valueOf(key), Outcome.SKIPPED, reason));
	}

	void note(Table table, Object key, String reason) {
		problem(new Problem(table, String.valueOf(key), Outcome.NOTE, reason));
	}

	void warning(String warning) {
		warnings.add(warning);
	}

	void sample(String email, String kind) {
		if (sample.stream().filter(s -> s.kind().equals(kind)).count() < 2 && sample.size() < SAMPLE_SIZE * 2) {
			sample.add(new SampleUser(email, kind));
		}
	}


	private void problem(Problem problem) {
		if (problems.size() < KEPT_PROBLEMS) {
			problems.add(problem);
		}
		if (listener != null) {
			listener.problem(problem);
		}
	}

	public boolean dryRun() { return dryRun; }
	public String schemaRevision() { return schemaRevision; }
	public Counts counts(Table table) { return counts.get(table); }
	public List<Problem> problems() { return List.copyOf(problems); }
	public List<SampleUser> sample() { return List.copyOf(sample); }
	public List<String> warnings() { return List.copyOf(warnings); }

	public long rejectedTotal() {
		return counts.values().stream().mapToLong(Counts::rejected).sum();
	}
}
