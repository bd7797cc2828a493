package org.gatehouse.login.external;

import java.util.List;

import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionRegistry;

/**
 * Keeps nothing. Spring Security's default registry remembers, in one instance's memory, the session of each OIDC
 * callback; but that callback is not yet a Gatehouse login (the user may still be asked to choose or to prove an
 * account), and the session's id changes at the login. Gatehouse marks the session itself ({@link ProviderSession})
 * in the shared session store, and {@link ProviderLogout} finds it there.
 */
class DiscardingOidcSessionRegistry implements OidcSessionRegistry {

	@Override
	public void saveSessionInformation(OidcSessionInformation info) {
	}

	@Override
	public OidcSessionInformation removeSessionInformation(String clientSessionId) {
		return null;
	}

	@Override
	public Iterable<OidcSessionInformation> removeSessionInformation(OidcLogoutToken logoutToken) {
		return List.of();
	}
}
