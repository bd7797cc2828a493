package org.gatehouse.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.password.PasswordsProperties;
import org.gatehouse.passwords.Argon2Scheme;
import org.gatehouse.passwords.BcryptScheme;
import org.gatehouse.passwords.InvenioAesScheme;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordScheme;
import org.gatehouse.passwords.Pbkdf2Scheme;
import org.gatehouse.passwords.Sha512CryptScheme;

/**
 * Whether an imported hash is one that login can verify: in an enabled scheme and well
 * formed. Checked by parsing its cost, which costs no key derivation.
 */
public class ImportedHashes {

	private final List<PasswordScheme> schemes = new ArrayList<>();

	public ImportedHashes(PasswordsProperties properties) {
		Map<String, Integer> rounds = PasswordContext.DEFAULT_ROUNDS;
		for (String name : properties.getSchemes()) {
			switch (name) {
				case "pbkdf2_sha512" -> schemes.add(Pbkdf2Scheme.sha512(rounds.get(name)));
				case "pbkdf2_sha256" -> schemes.add(Pbkdf2Scheme.sha256(rounds.get(name)));
				case "pbkdf2_sha1" -> schemes.add(Pbkdf2Scheme.sha1(rounds.get(name)));
				case "bcrypt" -> schemes.add(new BcryptScheme(rounds.get(name)));
				case "argon2" -> schemes.add(new Argon2Scheme(rounds.get("argon2.memory_cost"), rounds.get(name),
						rounds.get("argon2.parallelism")));
				case "sha512_crypt" -> schemes.add(new Sha512CryptScheme(rounds.get(name)));
				case "invenio_aes_encrypted_email" -> schemes.add(new InvenioAesScheme());
				default -> { }
			}
		}
	}

	/** Null when login can verify the hash, else why not. */
	public String problem(String hash) {
		for (PasswordScheme scheme : schemes) {
			if (scheme.identifies(hash)) {
				try {
					if (scheme instanceof InvenioAesScheme) {
						scheme.verify(new byte[0], hash);
					}
					else {
						scheme.needsUpgrade(hash);
					}
					return null;
				}
				catch (RuntimeException ex) {
					return "malformed " + scheme.name() + " hash: " + ex.getMessage();
				}
			}
		}
		return "password hash in no enabled scheme";
	}
}
