package org.gatehouse.emailchange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.account.AccountLinks;
import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.Reauthentication;
import org.gatehouse.account.User;
import org.gatehouse.admin.AdminActionRule;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.SecurityEvent;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.http.TooManyRequestsException;
import org.gatehouse.mail.AccountMailer;
import org.gatehouse.throttle.PageRateLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * Change of email address, for the pages, the JSON API and the admin area. The user asks with their
 * password; the new address gets a confirmation link (the change happens when it is opened), the old
 * one a notice whose link, for the revert period, cancels or undoes the change and ends every login
 * (whoever asked knew the password). The unique email_key decides between two accounts claiming one
 * address: the change that commits first wins, the other fails and says so.
 */
public class EmailChanges {

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** What opening a confirmation link did. */
	public enum Confirmation {
		CHANGED, ADDRESS_TAKEN, INVALID
	}

	/** What opening a revert link did. */
	public enum Revert {
		RESTORED, ADDRESS_TAKEN, INVALID
	}

	private final UserStore users;
	private final EmailChangeStore requests;
	private final Reauthentication reauthentication;
	private final AccountLinks links;
	private final AccountMailer mailer;
	private final CredentialRevocation revocation;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final PageRateLimits rateLimits;
	private final AdminActionRule adminRule;
	private final EmailChangeProperties properties;
	private final Clock clock;

	EmailChanges(UserStore users, EmailChangeStore requests, Reauthentication reauthentication, AccountLinks links,
			AccountMailer mailer, CredentialRevocation revocation, ApplicationEventPublisher events,
			TransactionTemplate transactions, PageRateLimits rateLimits, AdminActionRule adminRule, EmailChangeProperties properties,
			Clock clock) {
		this.users = users;
		this.requests = requests;
		this.reauthentication = reauthentication;
		this.links = links;
		this.mailer = mailer;
		this.revocation = revocation;
		this.events = events;
		this.transactions = transactions;
		this.rateLimits = rateLimits;
		this.adminRule = adminRule;
		this.properties = properties;
		this.clock = clock;
	}

	private static final String WRONG_PASSWORD_OR_CODE = "mfa.account.refused.wrong-code";

	/** Whether the request needs a code of the user's second factor besides the password. */
	public boolean asksForCode(long userId) {
		return reauthentication.asksForCode(userId);
	}

	/**
	 * Checks the password (a wrong one counts as a failed login) and, when the user has a second factor, a code of
	 * it; then mails the confirmation link to the new address and the notice with the revert link to the old one; a
	 * newer request replaces a pending one. False with the reasons in {@code errors} (fields "email" and "password").
	 */
	public boolean request(long userId, ChangeEmailForm form, Errors errors, HttpServletRequest request) {
		User user = users.findById(userId).orElseThrow();
		if (form.getPassword() == null || form.getPassword().isBlank()) {
			// as the JSON request's validation: no password typed is not a wrong one (no failed login counted)
			errors.rejectValue("password", "account.password.required");
		}
		else if (!reauthentication.confirm(userId, form.getPassword(), form.getCode(), request)) {
			errors.rejectValue("password", asksForCode(userId) ? WRONG_PASSWORD_OR_CODE : "account.current-password.wrong");
		}
		if (!errors.hasFieldErrors("email")) {
			checkNewAddress(user, form.getEmail(), errors);
		}
		if (errors.hasErrors()) {
			return false;
		}
		rateLimits.emailChange(userId).ifPresent(retryAfter -> {
			throw new TooManyRequestsException(retryAfter);
		});
		String newEmail = form.getEmail().trim();
		String confirmToken = EmailChangeTokens.newToken();
		String revertToken = EmailChangeTokens.newToken();
		Instant now = clock.instant();
		Instant confirmUntil = now.plus(properties.getConfirmationValidity());
		Instant revertUntil = now.plus(properties.getRevertPeriod());
		transactions.executeWithoutResult(status -> {
			requests.cancelPending(userId);
			requests.insertPending(userId, user.email(), newEmail, EmailChangeTokens.hash(confirmToken),
					EmailChangeTokens.hash(revertToken), confirmUntil, revertUntil);
		});
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.EMAIL_CHANGE_REQUESTED, userId,
				user.email() + " -> " + newEmail));
		mailer.send(newEmail, "email-change-confirm", links.absolute(request, EmailChangePaths.CONFIRM + confirmToken),
				user.email(), UNTIL.format(confirmUntil));
		mailer.send(user.email(), "email-change-notice", links.absolute(request, EmailChangePaths.REVERT + revertToken),
				newEmail, UNTIL.format(revertUntil));
		return true;
	}

	/** The pending request of a confirmation link that still works; changes nothing (the page's GET). */
	public Optional<String> confirmableAddress(String token) {
		return requests.findConfirmable(EmailChangeTokens.hash(token)).map(EmailChangeRequest::newEmail);
	}

	/** Whether a revert link still works; changes nothing. */
	public boolean revertable(String token) {
		return requests.findRevertable(EmailChangeTokens.hash(token)).isPresent();
	}

	/**
	 * Makes the new address the account's, once: the link's request moves to confirmed (one conditional
	 * update, so of two openings one goes on), then the user's address changes (the unique email_key
	 * decides against another account; the request is then marked failed). No transaction spans the two: the
	 * user store's near cache drops the user on every instance right after each write, which must not happen
	 * before a commit nor inside a transaction a unique violation has aborted. Sessions, remember-me logins and
	 * tokens stay; the new security stamp ends password-reset links sent to the old address. The caller's own
	 * session, when it is the user's, shows the new address at once.
	 */
	public Confirmation confirm(String token, HttpServletRequest request) {
		// a deactivated account keeps its address: the deactivation may be why the change must not happen
		Optional<EmailChangeRequest> found = requests.findConfirmable(EmailChangeTokens.hash(token))
			.filter(change -> users.findById(change.userId()).filter(User::active).isPresent());
		if (found.isEmpty()) {
			return Confirmation.INVALID;
		}
		EmailChangeRequest change = found.get();
		if (!requests.markConfirmed(change.id())) {
			return Confirmation.INVALID;
		}
		try {
			users.changeEmail(change.userId(), change.newEmail());
		}
		catch (DuplicateKeyException taken) {
			requests.markFailed(change.id());
			return Confirmation.ADDRESS_TAKEN;
		}
		catch (RuntimeException ex) {
			requests.markFailed(change.id());
			throw ex;
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.EMAIL_CHANGED, change.userId(), change.change()));
		SessionPrincipal.refresh(request, users.findById(change.userId()).orElseThrow());
		return Confirmation.CHANGED;
	}

	/**
	 * Cancels the change (pending) or restores the old address (confirmed; also after a newer change of the
	 * user's own), once, and ends every
	 * session, remember-me login and personal access token of the user, this browser's included:
	 * whoever asked for the change knew the password. The address is not restored when another account
	 * has taken it meanwhile; the logins end all the same.
	 */
	public Revert revert(String token, HttpServletRequest request) {
		Optional<EmailChangeRequest> found = requests.findRevertable(EmailChangeTokens.hash(token));
		if (found.isEmpty()) {
			return Revert.INVALID;
		}
		EmailChangeRequest change = found.get();
		if (!requests.markReverted(change.id())) {
			return Revert.INVALID;
		}
		requests.cancelPending(change.userId());
		Revert outcome = Revert.RESTORED;
		try {
			// for a pending change this keeps the address and still ends the reset links of whoever asked
			users.changeEmail(change.userId(), change.oldEmail());
		}
		catch (DuplicateKeyException taken) {
			outcome = Revert.ADDRESS_TAKEN;
		}
		events.publishEvent(SecurityEvent.byUser(SecurityEventType.EMAIL_CHANGE_REVERTED, change.userId(),
				change.newEmail() + " -> " + change.oldEmail() + (outcome == Revert.ADDRESS_TAKEN ? " (address taken)" : "")));
		revocation.afterReset(change.userId());
		SessionPrincipal.endIfOf(request, change.userId());
		return outcome;
	}

	/**
	 * An administrator sets the address at once (the admin action rule applies: a recent password or an
	 * admin token); both addresses get a notice, without a revert link (an administrator's change is often
	 * made because the old address is lost). False with the reason in {@code errors} (field "email").
	 */
	public boolean changeByAdmin(long adminId, long userId, String newEmail, Errors errors) {
		adminRule.require();
		User user = users.findById(userId).orElseThrow();
		checkNewAddress(user, newEmail, errors);
		if (errors.hasErrors()) {
			return false;
		}
		String address = newEmail.trim();
		try {
			users.changeEmail(userId, address);
		}
		catch (DuplicateKeyException taken) {
			errors.rejectValue("email", "email-change.taken");
			return false;
		}
		requests.cancelPending(userId);
		requests.endRevertLinks(userId);
		requests.insertByAdmin(userId, user.email(), address, adminId);
		events.publishEvent(SecurityEvent.byAdmin(SecurityEventType.EMAIL_CHANGED, adminId, userId,
				user.email() + " -> " + address));
		mailer.send(user.email(), "email-changed-by-admin", null, address);
		mailer.send(address, "email-changed-by-admin", null, address);
		return true;
	}

	private void checkNewAddress(User user, String newEmail, Errors errors) {
		if (UserStore.emailKey(newEmail).equals(UserStore.emailKey(user.email()))) {
			errors.rejectValue("email", "email-change.same");
		}
		else if (users.emailTaken(newEmail)) {
			errors.rejectValue("email", "email-change.taken");
		}
	}
}
