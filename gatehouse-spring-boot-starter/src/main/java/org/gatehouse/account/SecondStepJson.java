package org.gatehouse.account;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /api/login} when the password was right but the login needs another step.
 *
 * @param status {@code second-factor-required}, or {@code enrolment-required} when the user's role requires a
 * second factor they have not set up yet
 * @param factors what the user can answer with: {@code totp}, {@code recovery-code}, ...
 * @param next the endpoint that completes the login
 */
public record SecondStepJson(String status, List<String> factors, String next,
		@JsonProperty("expires_at") Instant expiresAt) {

	public static SecondStepJson of(LoginCompletion.PendingStep step) {
		return new SecondStepJson(step.enrolment() ? "enrolment-required" : "second-factor-required", step.factors(),
				step.api(), step.expiresAt());
	}
}
