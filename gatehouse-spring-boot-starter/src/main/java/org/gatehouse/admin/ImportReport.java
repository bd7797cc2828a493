package org.gatehouse.admin;

import java.util.ArrayList;
import java.util.List;

/** What an import did (or, in a dry run, would do), row by row. */
public final class ImportReport {

	public record Row(int line, String email, String reason) {
	}

	private final boolean dryRun;
	private final List<Row> imported = new ArrayList<>();
	private final List<Row> skipped = new ArrayList<>();
	private final List<Row> rejected = new ArrayList<>();

	ImportReport(boolean dryRun) {
		this.dryRun = dryRun;
	}

	void imported(int line, String email) {
		imported.add(new Row(line, email, null));
	}

	void skipped(int line, String email, String reason) {
		skipped.add(new Row(line, email, reason));
	}

	void rejected(int line, String email, String reason) {
		rejected.add(new Row(line, email, reason));
	}

	public boolean dryRun() { return dryRun; }
	public List<Row> imported() { return List.copyOf(imported); }
	public List<Row> skipped() { return List.copyOf(skipped); }
	public List<Row> rejected() { return List.copyOf(rejected); }
}
