package org.gatehouse.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.crypto.Signer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Session cookie whose value is the session id plus an HMAC made with a key derived from
 * the secret key: a forged or altered cookie is dropped here, before any store lookup.
 */
public class SignedCookieSerializer implements CookieSerializer {

	private final DefaultCookieSerializer delegate;
	private final Signer signer;

	public SignedCookieSerializer(DefaultCookieSerializer delegate, Signer signer) {
		this.delegate = delegate;
		this.signer = signer;
	}

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		String value = cookieValue.getCookieValue();
		if (value == null || value.isEmpty()) {
			delegate.writeCookieValue(cookieValue);
			return;
		}
		CookieValue signed = new CookieValue(cookieValue.getRequest(), cookieValue.getResponse(), signer.sign(value));
		signed.setCookieMaxAge(cookieValue.getCookieMaxAge());
		delegate.writeCookieValue(signed);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return delegate.readCookieValues(request).stream().map(signer::unsign).flatMap(java.util.Optional::stream)
			.toList();
	}
}
