package org.gatehouse.webauthn;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code gatehouse.webauthn.*} settings of security keys and passkeys (on/off:
 * {@code gatehouse.features.webauthn}). Left empty, the relying party is the host the browser
 * asked for (one of gatehouse.http.allowed-hosts, already checked) and the only allowed origin is
 * that request's own {@code scheme://host[:port]}.
 */
@ConfigurationProperties(prefix = "gatehouse.webauthn")
public class WebAuthnProperties {
	/** Relying party id: the domain passkeys are bound to (e.g. example.org); empty: the request's host. */
	private String rpId;
	/** Name shown by the browser and the authenticator. */
	private String rpName = "Gatehouse";
	/** Origins whose ceremonies are accepted (e.g. https://login.example.org); empty: the request's own origin. */
	private List<String> allowedOrigins = new ArrayList<>();
	/**
	 * Whether the authenticator must verify the user (PIN, fingerprint): preferred asks for it and
	 * accepts keys that cannot; required refuses them; discouraged skips it.
	 */
	private String userVerification = "preferred";

	public String getRpId() { return rpId; }
	public void setRpId(String rpId) { this.rpId = rpId; }
	public String getRpName() { return rpName; }
	public void setRpName(String rpName) { this.rpName = rpName; }
	public List<String> getAllowedOrigins() { return allowedOrigins; }
	public void setAllowedOrigins(List<String> allowedOrigins) { this.allowedOrigins = allowedOrigins; }
	public String getUserVerification() { return userVerification; }
	public void setUserVerification(String userVerification) { this.userVerification = userVerification; }
}
