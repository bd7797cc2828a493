package org.gatehouse.mfa;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.gatehouse.account.AccountJson;
import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.api.ApiController;
import org.gatehouse.csrf.RestCsrfTokens;
import org.gatehouse.http.LocalizedStatusException;
import org.gatehouse.token.ApiTokenAuthentication;
import org.gatehouse.token.TokenScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The second step and the user's factors in JSON, through the services the pages use. A half-signed-in session
 * can complete its login here, or enrol when its role requires a factor; nothing else.
 */
@ApiController
@Validated
public class MfaApiController {

	private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	/** A code, or a security key's assertion (JSON, a few kilobytes): each factor checks its own length. */
	record SecondFactorAnswer(@Size(max = 64) String factor, @NotNull @Size(max = 16384) String code) {
	}

	record Code(@NotNull @Size(max = 64) String code) {
	}

	record Reauthentication(@Size(max = 4096) String password, @Size(max = 64) String code) {
	}

	record RecoveryCodesJson(@JsonProperty("recovery_codes") List<String> recoveryCodes) {
	}

	private final SecondStep secondStep;
	private final MfaUsers mfaUsers;
	private final TotpEnrolment enrolment;
	private final MfaAccount account;
	private final UserStore users;
	private final RestCsrfTokens csrf;

	MfaApiController(SecondStep secondStep, MfaUsers mfaUsers, TotpEnrolment enrolment, MfaAccount account,
			UserStore users, RestCsrfTokens csrf) {
		this.secondStep = secondStep;
		this.mfaUsers = mfaUsers;
		this.enrolment = enrolment;
		this.account = account;
		this.users = users;
		this.csrf = csrf;
	}

	/** 200 and the account when right; 401 when wrong, 401 when no login is pending (or it expired), 429 when locked. */
	@PostMapping(path = MfaPaths.API_SECOND_STEP, consumes = JSON)
	ResponseEntity<AccountJson> secondFactor(@jakarta.validation.Valid @RequestBody SecondFactorAnswer body,
			HttpServletRequest request, HttpServletResponse response) {
		PendingLogin pending = secondStep.pending(request);
		String factor = body.factor() == null ? TotpFactor.ID : body.factor();
		if (!secondStep.fits(factor, body.code())) {
			throw new LocalizedStatusException(HttpStatus.BAD_REQUEST, "problem.mfa.answer-too-long");
		}
		return switch (secondStep.answer(factor, body.code(), request, response)) {
			case COMPLETED -> {
				csrf.renew(request, response);
				yield ResponseEntity.ok(AccountJson.of(users.findById(pending.userId()).orElseThrow()));
			}
			case WRONG -> throw new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "problem.mfa.wrong-code");
			case LOCKED -> throw new LocalizedStatusException(HttpStatus.TOO_MANY_REQUESTS, "problem.mfa.locked");
			case EXPIRED -> throw new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "problem.mfa.no-pending-login");
		};
	}

	/**
	 * The challenge for the pending login's security key (options for navigator.credentials.get naming only that
	 * user's keys); 401 when no login is pending, it expired, or its user has no key.
	 */
	@PostMapping(path = MfaPaths.API_SECURITY_KEY_OPTIONS, produces = JSON)
	String securityKeyOptions(HttpServletRequest request) {
		return secondStep.challenge("webauthn", request).orElseThrow(
				() -> new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "problem.mfa.no-pending-login"));
	}

	@GetMapping(path = MfaPaths.API, produces = JSON)
	MfaAccount.Status status() {
		return account.status(signedIn());
	}

	/** A new secret to set up (the same one again until it is confirmed), with its otpauth URI and QR code. */
	@PostMapping(path = MfaPaths.API + "/totp", produces = JSON)
	TotpEnrolment.Offer offerTotp(HttpServletRequest request) {
		return enrolment.offer(enrolling(request), request.getSession());
	}

	/** Confirms the offered secret with a code from it; a login waiting for this enrolment completes. */
	@PostMapping(path = MfaPaths.API + "/totp/confirm", consumes = JSON, produces = JSON)
	RecoveryCodesJson confirmTotp(@jakarta.validation.Valid @RequestBody Code body, HttpServletRequest request,
			HttpServletResponse response) {
		User user = enrolling(request);
		Optional<PendingLogin> pending = mfaUsers.enrolling(request);
		List<String> codes = enrolment.confirm(user, body.code(), request.getSession());
		if (codes == null) {
			throw new LocalizedStatusException(HttpStatus.UNPROCESSABLE_CONTENT, "problem.mfa.wrong-code");
		}
		if (pending.isPresent() && mfaUsers.signedIn().isEmpty()) {
			secondStep.completeAfterEnrolment(pending.get(), TotpFactor.AUTHORITY, request, response);
			csrf.renew(request, response);
		}
		return new RecoveryCodesJson(codes);
	}

	@DeleteMapping(path = MfaPaths.API + "/totp", consumes = JSON)
	ResponseEntity<Void> removeTotp(@jakarta.validation.Valid @RequestBody Reauthentication body,
			HttpServletRequest request) {
		refuseUnless(account.removeTotp(signedIn(), body.password(), body.code(), request));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = MfaPaths.API + "/recovery-codes", consumes = JSON, produces = JSON)
	RecoveryCodesJson regenerate(@jakarta.validation.Valid @RequestBody Reauthentication body,
			HttpServletRequest request) {
		List<String> codes = account.regenerateRecoveryCodes(signedIn(), body.password(), body.code(), request);
		if (codes == null) {
			throw new LocalizedStatusException(HttpStatus.FORBIDDEN, "problem.mfa.reauthentication-failed");
		}
		return new RecoveryCodesJson(codes);
	}

	/**
	 * An administrator removes a user's factors: with a session, confirmed by the administrator's password and own
	 * code; an admin-scoped token is the credential itself, as for every administrative action.
	 */
	@PostMapping(path = "/api/admin/users/{id}/mfa-reset")
	@PreAuthorize("hasRole('admin')")
	ResponseEntity<Void> adminReset(@PathVariable String id,
			@jakarta.validation.Valid @RequestBody(required = false) Reauthentication body, HttpServletRequest request) {
		User user = MfaAdminController.find(users, id);
		Long adminId;
		if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication token
				&& token.scopes().contains(TokenScope.ADMIN)) {
			adminId = token.getPrincipal().id();
		}
		else {
			AccountPrincipal admin = (AccountPrincipal) SecurityContextHolder.getContext().getAuthentication()
				.getPrincipal();
			refuseUnless(account.reauthenticate(users.findById(admin.id()).orElseThrow(),
					body == null ? null : body.password(), body == null ? null : body.code(), request));
			adminId = admin.id();
		}
		account.reset(user.id(), adminId);
		return ResponseEntity.noContent().build();
	}

	private static void refuseUnless(MfaAccount.Check check) {
		switch (check) {
			case OK -> { }
			case LOCKED -> throw new LocalizedStatusException(HttpStatus.TOO_MANY_REQUESTS, "problem.mfa.locked");
			default -> throw new LocalizedStatusException(HttpStatus.FORBIDDEN, "problem.mfa.reauthentication-failed");
		}
	}

	private User signedIn() {
		return mfaUsers.signedIn()
			.orElseThrow(() -> new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "problem.authentication-required"));
	}

	private User enrolling(HttpServletRequest request) {
		return mfaUsers.enrollingUser(request)
			.orElseThrow(() -> new LocalizedStatusException(HttpStatus.UNAUTHORIZED, "problem.authentication-required"));
	}

}
