package org.gatehouse.oidc;

import java.util.List;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.account.ApiProblems;
import org.gatehouse.admin.AdminActionRule;
import org.gatehouse.api.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * OpenID Connect clients in the admin API (role admin; a token needs the admin scope): the command line's and the
 * admin page's service, so the same validation and audit. The secret is in the creation answer only. Registering a
 * client and letting it skip consent give it access to users' data: like granting a role, they need a recent
 * password or an admin-scoped token ({@link AdminActionRule}).
 */
@ApiController
@PreAuthorize("hasRole('admin')")
class OidcClientApiController {

	static final String CLIENTS = "/api/admin/oidc/clients";

	private final OidcClients clients;
	private final AdminActionRule adminRule;
	private final MessageSource messages;

	OidcClientApiController(OidcClients clients, AdminActionRule adminRule, MessageSource messages) {
		this.clients = clients;
		this.adminRule = adminRule;
		this.messages = messages;
	}

	@GetMapping(CLIENTS)
	List<OidcClient> list() {
		return clients.list();
	}

	@GetMapping(CLIENTS + "/{clientId}")
	OidcClient show(@PathVariable String clientId) {
		return clients.find(clientId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping(CLIENTS)
	ResponseEntity<CreatedOidcClient> create(@AuthenticationPrincipal AccountPrincipal admin,
			@RequestBody NewOidcClient request) {
		adminRule.require();
		return ResponseEntity.status(HttpStatus.CREATED).body(clients.create(request, admin.id()));
	}

	@PatchMapping(CLIENTS + "/{clientId}")
	OidcClient change(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String clientId,
			@RequestBody OidcClientChange change) {
		if (change.skipConsent() == null) {
			throw new InvalidOidcClientException("oidc.client.invalid.no-change", "Nothing to change: skip_consent");
		}
		adminRule.require();
		return clients.setSkipConsent(clientId, change.skipConsent(), admin.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@DeleteMapping(CLIENTS + "/{clientId}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal AccountPrincipal admin, @PathVariable String clientId) {
		if (!clients.delete(clientId, admin.id())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(InvalidOidcClientException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidOidcClientException ex) {
		return ApiProblems.problem(HttpStatus.BAD_REQUEST,
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.getMessage(), LocaleContextHolder.getLocale()));
	}
}
