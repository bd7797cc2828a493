package org.gatehouse.crypto;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

/**
 * An estimate of how many bits of a secret key an attacker would have to guess, from the
 * zxcvbn model (nbvcxz): repeats, sequences, keyboard walks, dictionary words and dates cost
 * almost nothing, only the rest counts at the size of its alphabet. A key printed by
 * {@code secret-key generate} or {@code openssl rand} rates above 180 bits; {@code changeme}
 * repeated four times rates about 40, English text about 2 bits per character.
 */
public final class SecretKeyStrength {

	/** Half a random 32-byte key: far out of reach of guessing, far above any human-made text of that length. */
	public static final double MINIMUM_BITS = 128;

	private static final int LONGEST_RATED_KEY = 256;

	private SecretKeyStrength() {
	}

	public static double estimatedBits(String key) {
		// runs once at start-up: more time than nbvcxz's 500 ms cut-off for a busy machine; a random
		// key takes about 20 ms, only long repetitive text reaches the cut-off (and rates low either way)
		Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder()
				.setMaxLength(LONGEST_RATED_KEY)
				.setCombinationAlgorithmTimeout(2_000L)
				.createConfiguration());
		return estimator.estimate(key).getEntropy();
	}

	static boolean isGuessable(String key) {
		return estimatedBits(key) < MINIMUM_BITS;
	}
}
