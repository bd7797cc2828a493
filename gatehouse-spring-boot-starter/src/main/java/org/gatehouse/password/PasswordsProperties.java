package org.gatehouse.password;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.passwords.*} settings: hashing schemes, legacy hashes and password length. */
@ConfigurationProperties(prefix = "gatehouse.passwords")
public class PasswordsProperties {
	/** SECURITY_PASSWORD_HASH: scheme of new hashes. */
	private String hash = "pbkdf2_sha512";
	/** SECURITY_PASSWORD_SCHEMES: schemes that verify. */
	private List<String> schemes = new ArrayList<>(List.of("pbkdf2_sha512", "pbkdf2_sha256", "pbkdf2_sha1",
			"bcrypt", "argon2", "sha512_crypt", "invenio_aes_encrypted_email"));
	/**
	 * SECURITY_DEPRECATED_PASSWORD_SCHEMES: verify, then re-hash at login; "auto" (Flask-Security's default) means
	 * every scheme but the default one. Until it is re-hashed, a login of an account with such a hash costs that
	 * scheme's verification on top of the one every login costs.
	 */
	private List<String> deprecatedSchemes = new ArrayList<>(List.of("auto"));
	/** SECURITY_PASSWORD_SALT: HMAC pre-hash salt of imported Flask-Security hashes. */
	private String legacyHmacSalt;
	/** SECURITY_PASSWORD_SINGLE_HASH: schemes verified without the pre-hash. */
	private List<String> singleHashSchemes = new ArrayList<>(List.of("invenio_aes_encrypted_email"));
	/** Shortest accepted new password (never below 8). */
	private int minLength = 12;
	/** Longest accepted password in UTF-8 bytes, refused before hashing (at most 4096). */
	private int maxLength = 4096;
	/** Rounds / cost per scheme, e.g. pbkdf2_sha512: 220000, bcrypt: 12. */
	private Map<String, Integer> rounds = new LinkedHashMap<>();

	public String getHash() { return hash; }
	public void setHash(String hash) { this.hash = hash; }
	public List<String> getSchemes() { return schemes; }
	public void setSchemes(List<String> schemes) { this.schemes = schemes; }
	public List<String> getDeprecatedSchemes() { return deprecatedSchemes; }
	public void setDeprecatedSchemes(List<String> deprecatedSchemes) { this.deprecatedSchemes = deprecatedSchemes; }
	public String getLegacyHmacSalt() { return legacyHmacSalt; }
	public void setLegacyHmacSalt(String legacyHmacSalt) { this.legacyHmacSalt = legacyHmacSalt; }
	public List<String> getSingleHashSchemes() { return singleHashSchemes; }
	public void setSingleHashSchemes(List<String> singleHashSchemes) { this.singleHashSchemes = singleHashSchemes; }
	public int getMinLength() { return minLength; }
	public void setMinLength(int minLength) { this.minLength = minLength; }
	public int getMaxLength() { return maxLength; }
	public void setMaxLength(int maxLength) { this.maxLength = maxLength; }
	public Map<String, Integer> getRounds() { return rounds; }
	public void setRounds(Map<String, Integer> rounds) { this.rounds = rounds; }
}
