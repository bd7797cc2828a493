package org.gatehouse.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.gatehouse.account.JdbcUserStore;
import org.gatehouse.database.DatabaseMigrationAutoConfiguration;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;

/**
 * The WebAuthn tables on H2 (PostgreSQL mode) and on PostgreSQL: a credential round-trips, its
 * signature counter only grows (a copy of the key with a counter already seen is refused), keys are
 * renamed and removed only by their owner, and go with the account.
 */
class JdbcWebAuthnStoresTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				DatabaseMigrationAutoConfiguration.class));

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void credentialsRoundTripAndTheirCounterOnlyGrows(String database) {
		runner.withPropertyValues(datasource(database)).run(context -> {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));
			JdbcUserStore users = new JdbcUserStore(jdbc, Clock.systemUTC());
			long owner = users.create("owner-" + UUID.randomUUID() + "@example.org", null, "x", true);
			long stranger = users.create("stranger-" + UUID.randomUUID() + "@example.org", null, "x", true);
			JdbcWebAuthnUserEntities entities = new JdbcWebAuthnUserEntities(jdbc);
			JdbcWebAuthnCredentials credentials = new JdbcWebAuthnCredentials(jdbc, Clock.systemUTC());

			PublicKeyCredentialUserEntity entity = entities.forUser(owner);
			assertThat(entities.forUser(owner).getId()).isEqualTo(entity.getId());
			assertThat(entities.findById(entity.getId()).getName()).startsWith("owner-");
			Bytes id = Bytes.random();
			credentials.save(record(id, entity.getId(), 0));
			CredentialRecord stored = credentials.findByCredentialId(id);
			assertThat(stored.getLabel()).isEqualTo("Key");
			assertThat(stored.getPublicKey().getBytes()).containsExactly(1, 2, 3);
			assertThat(stored.getTransports()).containsExactlyInAnyOrder(AuthenticatorTransport.USB,
					AuthenticatorTransport.NFC);
			assertThat(stored.getAttestationClientDataJSON()).isNull();
			assertThat(credentials.findByUserId(entity.getId())).hasSize(1);
			assertThat(credentials.hasAny(owner)).isTrue();
			assertThat(credentials.hasAny(stranger)).isFalse();

			credentials.save(record(id, entity.getId(), 5));
			assertThat(credentials.findByCredentialId(id).getSignatureCount()).isEqualTo(5);
			assertThatThrownBy(() -> credentials.save(record(id, entity.getId(), 5)))
				.isInstanceOf(SignCounterRegressionException.class);
			assertThatThrownBy(() -> credentials.save(record(id, entity.getId(), 3)))
				.isInstanceOf(SignCounterRegressionException.class);
			assertThat(credentials.findByCredentialId(id).getSignatureCount()).isEqualTo(5);
			assertThat(credentials.listFor(owner).get(0).lastUsedAt()).isNotNull();

			Bytes counterless = Bytes.random();
			credentials.save(record(counterless, entity.getId(), 0));
			credentials.save(record(counterless, entity.getId(), 0));

			assertThat(credentials.rename(stranger, id, "Mine")).isFalse();
			assertThat(credentials.rename(owner, id, "Desk")).isTrue();
			assertThat(credentials.find(owner, id).orElseThrow().name()).isEqualTo("Desk");
			assertThat(credentials.delete(stranger, id)).isFalse();
			assertThat(credentials.delete(owner, id)).isTrue();
			assertThat(credentials.findByCredentialId(id)).isNull();

			jdbc.sql("delete from gh_user where id = ?").param(owner).update();
			assertThat(credentials.findByCredentialId(counterless)).isNull();
			assertThat(entities.findById(entity.getId())).isNull();
		});
	}

	private static CredentialRecord record(Bytes id, Bytes userHandle, long counter) {
		return ImmutableCredentialRecord.builder()
			.credentialId(id)
			.userEntityUserId(userHandle)
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(counter)
			.transports(Set.of(AuthenticatorTransport.USB, AuthenticatorTransport.NFC))
			.label("Key")
			.build();
	}

	private static String[] datasource(String database) {
		if (database.equals("h2")) {
			return new String[] { "spring.datasource.url=jdbc:h2:mem:webauthn-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
					"spring.datasource.username=sa", "spring.datasource.password=" };
		}
		String name = "webauthn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		TestPostgres postgres = TestPostgres.get();
		try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "");
				Statement sql = admin.createStatement()) {
			sql.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new String[] { "spring.datasource.url=" + postgres.jdbcUrl().replace("/gatehouse", "/" + name),
				"spring.datasource.username=" + postgres.username(), "spring.datasource.password=" };
	}
}
