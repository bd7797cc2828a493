package org.gatehouse.account;

import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.passwords.PasswordScheme;

/**
 * A password scheme that counts its key derivations: those at the configured cost of the default
 * scheme (what one login must spend exactly once) and all others (legacy hashes).
 */
final class CountingScheme implements PasswordScheme {

	private final PasswordScheme scheme;
	private final boolean defaultScheme;
	private final AtomicInteger atDefaultCost;
	private final AtomicInteger legacy;

	CountingScheme(PasswordScheme scheme, boolean defaultScheme, AtomicInteger atDefaultCost, AtomicInteger legacy) {
		this.scheme = scheme;
		this.defaultScheme = defaultScheme;
		this.atDefaultCost = atDefaultCost;
		this.legacy = legacy;
	}

	@Override
	public String name() {
		return scheme.name();
	}

	@Override
	public boolean identifies(String hash) {
		return scheme.identifies(hash);
	}

	@Override
	public String hash(byte[] password) {
		(defaultScheme ? atDefaultCost : legacy).incrementAndGet();
		return scheme.hash(password);
	}

	@Override
	public boolean verify(byte[] password, String hash) {
		(defaultScheme && !scheme.needsUpgrade(hash) ? atDefaultCost : legacy).incrementAndGet();
		return scheme.verify(password, hash);
	}

	@Override
	public boolean needsUpgrade(String hash) {
		return scheme.needsUpgrade(hash);
	}
}
