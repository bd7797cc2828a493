package org.gatehouse.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.gatehouse.cache.NearCache;

/**
 * Gatehouse's user store with users by id (what every authenticated request reads) kept in this instance's near
 * cache; every write drops the user on every instance once it is done. Lookups by login and lists always go to the
 * store.
 */
final class NearCachedUserStore implements UserStore {

	private final UserStore store;
	private final NearCache<User> cache;

	NearCachedUserStore(UserStore store, NearCache<User> cache) {
		this.store = store;
		this.cache = cache;
	}

	@Override
	public Optional<User> findById(long id) {
		return Optional.ofNullable(this.cache.get(Long.toString(id), key -> this.store.findById(id).orElse(null)));
	}

	@Override
	public Optional<User> findByEmail(String email) {
		return this.store.findByEmail(email);
	}

	@Override
	public Optional<User> findByLogin(String login) {
		return this.store.findByLogin(login);
	}

	@Override
	public boolean emailTaken(String email) {
		return this.store.emailTaken(email);
	}

	@Override
	public boolean usernameTaken(String username) {
		return this.store.usernameTaken(username);
	}

	@Override
	public long create(String email, String username, String passwordHash, boolean confirmed) {
		return this.store.create(email, username, passwordHash, confirmed);
	}

	@Override
	public boolean replacePasswordHashIfUnchanged(long id, String expectedHash, String newHash) {
		return written(id, () -> this.store.replacePasswordHashIfUnchanged(id, expectedHash, newHash));
	}

	@Override
	public void changePassword(long id, String newHash) {
		written(id, () -> {
			this.store.changePassword(id, newHash);
			return null;
		});
	}

	@Override
	public boolean confirm(long id) {
		return written(id, () -> this.store.confirm(id));
	}

	@Override
	public void setActive(long id, boolean active) {
		written(id, () -> {
			this.store.setActive(id, active);
			return null;
		});
	}

	@Override
	public void recordLogin(long id, String ip) {
		written(id, () -> {
			this.store.recordLogin(id, ip);
			return null;
		});
	}

	@Override
	public int eraseLoginIpsBefore(Instant cutoff) {
		try {
			return this.store.eraseLoginIpsBefore(cutoff);
		}
		finally {
			this.cache.invalidateAll();
		}
	}

	@Override
	public void addRole(long userId, String role) {
		written(userId, () -> {
			this.store.addRole(userId, role);
			return null;
		});
	}

	@Override
	public void removeRole(long userId, String role) {
		written(userId, () -> {
			this.store.removeRole(userId, role);
			return null;
		});
	}

	@Override
	public void forEachPasswordHash(int pageSize, Consumer<String> action) {
		this.store.forEachPasswordHash(pageSize, action);
	}

	@Override
	public List<User> listAfterId(long afterId, int limit) {
		return this.store.listAfterId(afterId, limit);
	}

	@Override
	public List<User> searchByEmailPrefix(String prefix, String afterKey, int limit) {
		return this.store.searchByEmailPrefix(prefix, afterKey, limit);
	}

	@Override
	public List<User> searchByUsernamePrefix(String prefix, String afterKey, int limit) {
		return this.store.searchByUsernamePrefix(prefix, afterKey, limit);
	}

	@Override
	public List<User> withRoles(List<User> found) {
		return this.store.withRoles(found);
	}

	@Override
	public boolean anyActiveUserWithRole(String role) {
		return this.store.anyActiveUserWithRole(role);
	}

	@Override
	public List<String> roleNames() {
		return this.store.roleNames();
	}

	@Override
	public void setImportedState(long id, boolean active, Instant confirmedAt) {
		written(id, () -> {
			this.store.setImportedState(id, active, confirmedAt);
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
