package org.gatehouse.login.external;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.User;
import org.gatehouse.admin.AdminActionRule;
import org.gatehouse.admin.AdminUserActions;
import org.gatehouse.api.ApiController;
import org.gatehouse.http.LocalizedStatusException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Linked identities in JSON, through the service the Accounts page and the admin user page use: the signed-in
 * user's own (their last way to sign in is refused with 409), and any user's for an administrator (recent password or
 * admin-scoped token, as every admin action; the last way to sign in may go).
 */
@ApiController
class IdentitiesApiController {

	static final String ME = "/api/me/identities";
	static final String ADMIN = "/api/admin/users/{id}/identities";
	private static final String JSON = "application/json";

	/** What the Accounts page shows: the provider's subject stays out (an identifier of the provider's). */
	record IdentityJson(String provider, @JsonProperty("provider_name") String providerName, String email,
			@JsonProperty("linked_at") Instant linkedAt, @JsonProperty("last_used_at") Instant lastUsedAt) {

		static IdentityJson of(IdentityLinks.Link link) {
			return new IdentityJson(link.provider(), link.providerName(), link.email(), link.linkedAt(),
					link.lastUsedAt());
		}
	}

	/** An administrator also sees the subject, to match the identity with the provider's records. */
	record AdminIdentityJson(String provider, @JsonProperty("provider_name") String providerName, String subject,
			String email, @JsonProperty("linked_at") Instant linkedAt, @JsonProperty("last_used_at") Instant lastUsedAt) {

		static AdminIdentityJson of(IdentityLinks.Link link) {
			return new AdminIdentityJson(link.provider(), link.providerName(), link.subject(), link.email(),
					link.linkedAt(), link.lastUsedAt());
		}
	}

	private final IdentityLinks links;
	private final AdminUserActions adminActions;
	private final AdminActionRule adminRule;

	IdentitiesApiController(IdentityLinks links, AdminUserActions adminActions, AdminActionRule adminRule) {
		this.links = links;
		this.adminActions = adminActions;
		this.adminRule = adminRule;
	}

	@GetMapping(path = ME, produces = JSON)
	List<IdentityJson> mine(@AuthenticationPrincipal AccountPrincipal user) {
		return links.of(user.id()).stream().map(IdentityJson::of).toList();
	}

	/** 204; 404 when no identity of that provider is linked; 409 when it is the last way to sign in. */
	@DeleteMapping(ME + "/{provider}")
	ResponseEntity<Void> unlinkMine(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String provider) {
		return switch (links.unlink(user.id(), provider)) {
			case UNLINKED -> ResponseEntity.noContent().build();
			case NOT_LINKED -> throw notLinked();
			case LAST_WAY_TO_SIGN_IN -> throw new LocalizedStatusException(HttpStatus.CONFLICT,
					"problem.external.last-way-to-sign-in");
		};
	}

	@GetMapping(path = ADMIN, produces = JSON)
	List<AdminIdentityJson> ofUser(@PathVariable String id) {
		return links.of(adminActions.find(id).id()).stream().map(AdminIdentityJson::of).toList();
	}

	/** 204; 404 for an unknown user or no identity of that provider; 403 without a recent password or admin token. */
	@DeleteMapping(ADMIN + "/{provider}")
	ResponseEntity<Void> unlinkOfUser(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String id,
			@PathVariable String provider) {
		User user = adminActions.find(id);
		adminRule.require();
		if (links.unlinkByAdmin(admin.id(), user.id(), provider) != ExternalAccounts.UnlinkOutcome.UNLINKED) {
			throw notLinked();
		}
		return ResponseEntity.noContent().build();
	}

	private static LocalizedStatusException notLinked() {
		return new LocalizedStatusException(HttpStatus.NOT_FOUND, "problem.external.not-linked");
	}
}
