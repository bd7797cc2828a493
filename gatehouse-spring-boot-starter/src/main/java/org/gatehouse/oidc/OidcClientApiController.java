package org.gatehouse.oidc;

import java.util.List;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.api.ApiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * OpenID Connect clients in the admin API (role admin; a token needs the admin scope): the command line's service,
 * so the same validation and audit. The secret is in the creation answer only.
 */
@ApiController
@PreAuthorize("hasRole('admin')")
class OidcClientApiController {

	static final String CLIENTS = "/api/admin/oidc/clients";

	private final OidcClients clients;

	OidcClientApiController(OidcClients clients) {
		this.clients = clients;
	}

	@GetMapping(CLIENTS)
	List<OidcClient> list() {
		return clients.list();
	}

	@PostMapping(CLIENTS)
	ResponseEntity<CreatedOidcClient> create(@AuthenticationPrincipal AccountPrincipal admin,
			@RequestBody NewOidcClient request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(clients.create(request, admin.id()));
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
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}
}
