package org.gatehouse.migration.invenio;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** One run of the migration: its source, its report, and the Gatehouse side it writes one batch transaction at a time. */
final class MigrationRun {

	final InvenioSource source;
	final MigrationReport report;
	final MigrationLedger ledger;
	final JdbcTemplate jdbc;
	final NamedParameterJdbcTemplate named;
	final int batchSize;
	final Instant now;
	private final TransactionTemplate transactions;
	private final Runnable afterBatch;

	MigrationRun(InvenioSource source, MigrationReport report, JdbcTemplate jdbc, TransactionTemplate transactions,
			int batchSize, Instant now, Runnable afterBatch) {
		this.source = source;
		this.report = report;
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.ledger = new MigrationLedger(jdbc, source.name());
		this.transactions = transactions;
		this.batchSize = batchSize;
		this.now = now;
		this.afterBatch = afterBatch;
	}

	/** One batch, one transaction (joined to the dry run's outer one, which rolls back). */
	void inTransaction(Runnable batch) {
		transactions.executeWithoutResult(status -> batch.run());
		afterBatch.run();
	}

	boolean dryRun() {
		return report.dryRun();
	}

	OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	OffsetDateTime nowAt() {
		return at(now);
	}

	/** Invenio user id -> Gatehouse user id, for the users of a batch of rows that were migrated. */
	Map<Integer, Long> gatehouseUsers(Collection<Integer> invenioUserIds) {
		Set<String> keys = invenioUserIds.stream().map(String::valueOf).collect(Collectors.toSet());
		Map<Integer, Long> users = new HashMap<>();
		ledger.migrated(MigrationLedger.Kind.USER, keys).forEach((k, v) -> users.put(Integer.valueOf(k), v));
		return users;
	}

	/** Splits a batch into rows already in the ledger (counted) and rows still to migrate. */
	<T> List<T> notYetMigrated(MigrationReport.Table table, MigrationLedger.Kind kind, List<T> batch,
			Function<T, String> key) {
		Set<String> done = ledger.migrated(kind, batch.stream().map(key).collect(Collectors.toSet())).keySet();
		report.alreadyMigrated(table, batch.stream().filter(row -> done.contains(key.apply(row))).count());
		return batch.stream().filter(row -> !done.contains(key.apply(row))).toList();
	}
}
