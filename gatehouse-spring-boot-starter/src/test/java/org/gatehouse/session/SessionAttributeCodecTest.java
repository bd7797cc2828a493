package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;

import org.gatehouse.account.AccountPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * A value that would not read back is refused where it is stored, also after values of the same outer class were
 * stored (the codec reads back one value of each fixed shape, not every one it writes).
 */
class SessionAttributeCodecTest {

	private final SessionAttributeCodec codec = new SessionAttributeCodec(getClass().getClassLoader(), List.of());

	/** Not on the allow-list. */
	record Foreign(String name) {
	}

	@Test
	void aLoginsSecurityContextReadsBackEachTimeItIsWritten() {
		for (String email : List.of("a@example.org", "b@example.org")) {
			SecurityContextImpl context = context(new AccountPrincipal(7, email, null, Set.of("admin")), details());
			Object read = codec.read(codec.write(context));
			assertThat(read).isInstanceOf(SecurityContextImpl.class);
			assertThat(((SecurityContextImpl) read).getAuthentication().getPrincipal())
				.isEqualTo(context.getAuthentication().getPrincipal());
		}
	}

	@Test
	void aSecurityContextHoldingATypeOffTheListIsRefusedAfterAnAllowedOne() {
		codec.write(context(new AccountPrincipal(7, "a@example.org", null, Set.of()), details()));

		assertThatIllegalArgumentException().isThrownBy(() -> codec.write(context(new Foreign("x"), details())))
			.withMessageContaining("gatehouse.session.attribute-types");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> codec.write(context(new AccountPrincipal(7, "a@example.org", null, Set.of()),
					new Foreign("details"))));
	}

	@Test
	void aTypeOffTheListIsRefusedAfterAllowedValues() {
		codec.write("text");
		codec.write(42L);

		assertThatIllegalArgumentException().isThrownBy(() -> codec.write(new Foreign("x")));
		assertThatIllegalArgumentException().isThrownBy(() -> codec.write(List.of(new Foreign("x"))));
	}

	private static SecurityContextImpl context(Object principal, Object details) {
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, List.of(new SimpleGrantedAuthority("ROLE_admin")));
		authentication.setDetails(details);
		return new SecurityContextImpl(authentication);
	}

	private static WebAuthenticationDetails details() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("192.0.2.1");
		return new WebAuthenticationDetails(request);
	}
}
