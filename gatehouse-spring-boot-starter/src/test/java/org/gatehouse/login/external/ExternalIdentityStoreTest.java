package org.gatehouse.login.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.gatehouse.account.UserStore;
import org.gatehouse.crypto.Signers;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity and token tables on the shared context's database: tokens are stored encrypted and go with their
 * identity (unlink) and with their account (deletion); the V8 constraints keep one account per subject and one
 * identity per provider and account.
 */
@GatehouseIntegrationTest
class ExternalIdentityStoreTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Signers signers;

	@Autowired
	UserStore users;

	private ExternalIdentityStore store() {
		return new ExternalIdentityStore(jdbc, signers.fieldEncryptor("external-provider-tokens"), Clock.systemUTC());
	}

	private long newUser() {
		return users.create("ext-" + UUID.randomUUID() + "@example.org", null, null, true);
	}

	@Test
	void tokensAreStoredEncryptedAndDeletedWithTheIdentity() {
		ExternalIdentityStore store = store();
		long userId = newUser();
		long identityId = store.link(userId, new ExternalIdentity("orcid", "0000-0002-" + UUID.randomUUID(), null, false));
		Instant expiry = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		store.saveTokens(identityId, new ProviderTokens("access-secret", "refresh-secret", expiry, "openid"));

		String stored = jdbc.sql("select access_token || refresh_token from gh_external_token where identity_id = ?")
			.param(identityId).query(String.class).single();
		assertThat(stored).doesNotContain("access-secret").doesNotContain("refresh-secret");
		assertThat(store.tokens(userId, "orcid")).contains(new ProviderTokens("access-secret", "refresh-secret", expiry,
				"openid"));

		assertThat(store.unlink(userId, "orcid")).isTrue();
		assertThat(store.tokens(userId, "orcid")).isEmpty();
		assertThat(jdbc.sql("select count(*) from gh_external_token where identity_id = ?").param(identityId)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void deletingTheAccountDeletesItsIdentitiesAndTokens() {
		ExternalIdentityStore store = store();
		long userId = newUser();
		long identityId = store.link(userId, new ExternalIdentity("github", UUID.randomUUID().toString(), null, false));
		store.saveTokens(identityId, new ProviderTokens("gho_x", null, null, "read:user"));

		jdbc.sql("delete from gh_user where id = ?").param(userId).update();

		assertThat(store.ofUser(userId)).isEmpty();
		assertThat(jdbc.sql("select count(*) from gh_external_token where identity_id = ?").param(identityId)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aSubjectBelongsToOneAccountAndAnAccountHasOneIdentityPerProvider() {
		ExternalIdentityStore store = store();
		long first = newUser();
		long second = newUser();
		String subject = UUID.randomUUID().toString();
		store.link(first, new ExternalIdentity("idp", subject, null, false));

		assertThatThrownBy(() -> store.link(second, new ExternalIdentity("idp", subject, null, false)))
			.isInstanceOf(DuplicateKeyException.class);
		assertThatThrownBy(() -> store.link(first, new ExternalIdentity("idp", subject + "-other", null, false)))
			.isInstanceOf(DuplicateKeyException.class);
	}
}
