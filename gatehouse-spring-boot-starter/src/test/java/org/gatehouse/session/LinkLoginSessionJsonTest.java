package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gatehouse.account.AccountPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A sign-in by emailed link (passwordless) keeps its FACTOR_OTT authority through the JDBC and Redis session stores'
 * JSON: the login is stored as the password login's token type, which Spring Security's JSON support reads back.
 */
class LinkLoginSessionJsonTest {

	@Test
	void theLinkLoginsFactorReadsBackFromTheStoredSession() {
		SessionAttributeCodec codec = new SessionAttributeCodec(getClass().getClassLoader(), List.of());
		AccountPrincipal principal = new AccountPrincipal(7, "ada@example.org", null, Set.of("admin"));
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.OTT_AUTHORITY));
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		login.setDetails(new WebAuthenticationDetails("192.0.2.1", null));

		Object read = codec.read(codec.write(new SecurityContextImpl(login)));

		assertThat(read).isInstanceOf(SecurityContext.class);
		Authentication stored = ((SecurityContext) read).getAuthentication();
		assertThat(stored.getPrincipal()).isEqualTo(principal);
		assertThat(stored.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_admin", FactorGrantedAuthority.OTT_AUTHORITY);
	}
}
