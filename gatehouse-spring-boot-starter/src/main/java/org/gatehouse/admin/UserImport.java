package org.gatehouse.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports users exported from Invenio-Accounts / Flask-Security, keeping their password
 * hashes as they are (login upgrades them). One run is one transaction: valid rows are
 * imported, invalid rows rejected with their line and reason, known emails skipped, so a
 * second run of the same file imports nothing. A dry run rolls everything back.
 */
public class UserImport {

	/** Set by the reader on a CSV row whose field count differs from the header. */
	static final String MALFORMED = "\0malformed";
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,254}");

	private record ValidUser(String email, String username, String hash, boolean active, Instant confirmedAt,
			List<String> roles) {
	}

	private final UserStore users;
	private final ImportedHashes hashes;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;

	public UserImport(UserStore users, ImportedHashes hashes, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.users = users;
		this.hashes = hashes;
		this.transactions = transactions;
		this.events = events;
	}

	public ImportReport run(List<ExportRow> rows, boolean dryRun) {
		ImportReport report = new ImportReport(dryRun);
		transactions.executeWithoutResult(status -> {
			Set<String> emailsInFile = new HashSet<>();
			Set<String> usernamesInFile = new HashSet<>();
			for (ExportRow row : rows) {
				importRow(row, report, emailsInFile, usernamesInFile);
			}
			if (dryRun) {
				status.setRollbackOnly();
			}
		});
		return report;
	}

	private void importRow(ExportRow row, ImportReport report, Set<String> emailsInFile, Set<String> usernamesInFile) {
		String email = row.field("email");
		String problem = problem(row, email);
		if (problem != null) {
			report.rejected(row.line(), email, problem);
			return;
		}
		if (!emailsInFile.add(UserStore.emailKey(email))) {
			report.rejected(row.line(), email, "email appears earlier in the file");
			return;
		}
		if (users.emailTaken(email)) {
			report.skipped(row.line(), email, "a user with this email exists");
			return;
		}
		String username = row.field("username");
		if (username != null && (!usernamesInFile.add(UserStore.usernameKey(username)) || users.usernameTaken(username))) {
			report.rejected(row.line(), email, "username " + username + " is taken");
			return;
		}
		ValidUser user = new ValidUser(email, username, row.field("password"), active(row.field("active")),
				instant(row.field("confirmed_at")), RoleList.parse(row.field("roles")));
		long id = users.create(user.email(), user.username(), user.hash(), false);
		users.setImportedState(id, user.active(), user.confirmedAt());
		user.roles().forEach(role -> users.addRole(id, role));
		events.publishEvent(new SecurityEvent(SecurityEventType.USER_IMPORTED, null, id,
				user.hash() == null ? "without password" : null));
		report.imported(row.line(), email);
	}

	/** Why the row cannot be imported, or null. */
	private String problem(ExportRow row, String email) {
		if (row.fields().containsKey(MALFORMED)) {
			return row.fields().get(MALFORMED);
		}
		if (!isValidEmail(email)) {
			return "not an email address: " + email;
		}
		String username = row.field("username");
		if (username != null && !isValidUsername(username)) {
			return "not a valid username: " + username;
		}
		String hash = row.field("password");
		if (hash != null) {
			String hashProblem = hashes.problem(hash);
			if (hashProblem != null) {
				return hashProblem;
			}
		}
		if (row.field("active") != null && active(row.field("active")) == null) {
			return "active is not true or false: " + row.field("active");
		}
		String confirmedAt = row.field("confirmed_at");
		if (confirmedAt != null && instant(confirmedAt) == null) {
			return "confirmed_at is not a date and time: " + confirmedAt;
		}
		for (String role : RoleList.parse(row.field("roles"))) {
			if (!RoleAssignments.isValidName(role)) {
				return "not a valid role name: " + role;
			}
		}
		return null;
	}

	/** An address users can sign in and be mailed with; the rule of every import. */
	public static boolean isValidEmail(String email) {
		return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
	}

	/** A username of the form sign-up accepts (a letter, then letters, digits, '_' and '.'). */
	public static boolean isValidUsername(String username) {
		return username != null && USERNAME.matcher(username).matches();
	}

	/** True when missing: Flask-Security's default. Null when not a boolean. */
	private static Boolean active(String value) {
		if (value == null) {
			return true;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "t", "1", "yes", "y" -> true;
			case "false", "f", "0", "no", "n" -> false;
			default -> null;
		};
	}

	/** ISO-8601 or Python's str(datetime) ("2020-01-02 03:04:05.123456"), UTC when without offset. */
	private static Instant instant(String value) {
		if (value == null) {
			return null;
		}
		String iso = value.replace(' ', 'T');
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notLocal) {
				try {
					return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
				}
				catch (DateTimeParseException notDate) {
					return null;
				}
			}
		}
	}
}
