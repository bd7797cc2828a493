package org.gatehouse.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpSession;

import org.gatehouse.account.User;
import org.gatehouse.audit.SecurityEventType;
import org.gatehouse.crypto.FieldEncryptor;

/**
 * Setting up the authenticator app: a new secret waits (encrypted) in the session until the user types a
 * valid code from it; only then is it stored, and a first set of recovery codes is made when the user has none.
 */
public class TotpEnrolment {

	/** A secret being set up, with what the page shows of it. */
	public record Offer(String secret, String uri, @JsonProperty("qr_code") String qrCodeDataUri) {
	}

	private static final String SESSION_ATTRIBUTE = "gatehouse.mfa.totp-offer";
	private static final int SECRET_BYTES = 20;

	private final MfaStore store;
	private final FieldEncryptor secrets;
	private final Totp totp;
	private final MfaProperties properties;
	private final RecoveryCodes recoveryCodes;
	private final FactorChanges changes;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	public TotpEnrolment(MfaStore store, FieldEncryptor secrets, Totp totp, MfaProperties properties,
			RecoveryCodes recoveryCodes, FactorChanges changes, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.totp = totp;
		this.properties = properties;
		this.recoveryCodes = recoveryCodes;
		this.changes = changes;
		this.clock = clock;
	}

	/** The secret this session is setting up, a new one when it has none. */
	public Offer offer(User user, HttpSession session) {
		String secret = session.getAttribute(SESSION_ATTRIBUTE) instanceof String sealed ? secrets.decrypt(sealed) : null;
		if (secret == null) {
			byte[] bytes = new byte[SECRET_BYTES];
			random.nextBytes(bytes);
			secret = Base32.encode(bytes);
			session.setAttribute(SESSION_ATTRIBUTE, secrets.encrypt(secret));
		}
		String issuer = properties.getTotp().getIssuer();
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(user.email()) + "?secret=" + secret
				+ "&issuer=" + encode(issuer) + "&algorithm=" + totp.algorithmName() + "&digits=" + totp.digits()
				+ "&period=" + totp.periodSeconds();
		String svg = QrCodeSvg.of(uri);
		return new Offer(secret, uri, "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Stores the offered secret when the code is one of it; returns the new recovery codes (empty when the user
	 * kept an older set), or null for a wrong code or no offer.
	 */
	public List<String> confirm(User user, String code, HttpSession session) {
		if (!(session.getAttribute(SESSION_ATTRIBUTE) instanceof String sealed)) {
			return null;
		}
		String secret = secrets.decrypt(sealed);
		OptionalLong step = totp.matchingStep(Base32.decode(secret), code, clock.instant());
		if (step.isEmpty()) {
			return null;
		}
		session.removeAttribute(SESSION_ATTRIBUTE);
		store.saveTotp(user.id(), secrets.encrypt(secret), step.getAsLong(), clock.instant());
		List<String> codes = recoveryCodes.unused(user.id()) > 0 ? List.of() : recoveryCodes.regenerate(user.id());
		changes.changed(user, SecurityEventType.SECOND_FACTOR_ENROLLED, TotpFactor.ID, session.getId());
		return codes;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
