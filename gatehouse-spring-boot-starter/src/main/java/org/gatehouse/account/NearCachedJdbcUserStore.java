package org.gatehouse.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.gatehouse.cache.NearCache;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gatehouse's user store with users by id (what every authenticated request reads) kept in this instance's near
 * cache; every write drops the user on every instance once it is done. Lookups by login and lists always go to the
 * database.
 */
class NearCachedJdbcUserStore extends JdbcUserStore {

	private final NearCache<User> cache;

	NearCachedJdbcUserStore(JdbcClient jdbc, Clock clock, NearCache<User> cache) {
		super(jdbc, clock);
		this.cache = cache;
	}

	@Override
	public Optional<User> findById(long id) {
		return Optional.ofNullable(this.cache.get(Long.toString(id), key -> super.findById(id).orElse(null)));
	}

	@Override
	public boolean replacePasswordHashIfUnchanged(long id, String expectedHash, String newHash) {
		return written(id, () -> super.replacePasswordHashIfUnchanged(id, expectedHash, newHash));
	}

	@Override
	public void changePassword(long id, String newHash) {
		written(id, () -> {
			super.changePassword(id, newHash);
			return null;
		});
	}

	@Override
	public boolean confirm(long id) {
		return written(id, () -> super.confirm(id));
	}

	@Override
	public void changeEmail(long id, String newEmail) {
		written(id, () -> {
			super.changeEmail(id, newEmail);
			return null;
		});
	}

	@Override
	public void setActive(long id, boolean active) {
		written(id, () -> {
			super.setActive(id, active);
			return null;
		});
	}

	@Override
	public void recordLogin(long id, String ip) {
		written(id, () -> {
			super.recordLogin(id, ip);
			return null;
		});
	}

	@Override
	public int eraseLoginIpsBefore(Instant cutoff) {
		try {
			return super.eraseLoginIpsBefore(cutoff);
		}
		finally {
			this.cache.invalidateAll();
		}
	}

	@Override
	public void addRole(long userId, String role) {
		written(userId, () -> {
			super.addRole(userId, role);
			return null;
		});
	}

	@Override
	public void removeRole(long userId, String role) {
		written(userId, () -> {
			super.removeRole(userId, role);
			return null;
		});
	}

	@Override
	public void setImportedState(long id, boolean active, Instant confirmedAt) {
		written(id, () -> {
			super.setImportedState(id, active, confirmedAt);
			return null;
		});
	}

	/** The write's result, once the user it changed is dropped on every instance (also when it failed half-way). */
	private <T> T written(long id, Supplier<T> write) {
		try {
			return write.get();
		}
		finally {
			this.cache.invalidate(Long.toString(id));
		}
	}
}
