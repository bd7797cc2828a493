package org.gatehouse.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Gatehouse's Redis connection (see {@link RedisUse}). Its own connection, from gatehouse.session.redis-url, is built
 * here and not from spring.data.redis.*, which stay the application's: it is not a default candidate, so the
 * application's own Redis connection (and Spring Boot's conditions about it) are unaffected.
 */
@AutoConfiguration(after = GatehouseAutoConfiguration.class)
@Conditional(RedisUse.InUse.class)
public class GatehouseRedisAutoConfiguration {

	static final String OWN_CONNECTION = "gatehouseRedisConnectionFactory";

	/** Lettuce waits 60 s by default while Redis is down; fail closed (503) within seconds instead. */
	static final Duration TIMEOUT = Duration.ofSeconds(3);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RedisConnectionFactory.class, LettuceConnectionFactory.class })
	static class Lettuce {

		/** Lettuce backs off up to 30 s between reconnects; retry every second so sessions return at once with Redis. */
		@Bean(defaultCandidate = false, destroyMethod = "shutdown")
		@Conditional(RedisUse.OwnConnection.class)
		ClientResources gatehouseRedisClientResources() {
			return ClientResources.builder().reconnectDelay(Delay.constant(Duration.ofSeconds(1))).build();
		}

		@Bean(name = OWN_CONNECTION, defaultCandidate = false)
		@Qualifier(OWN_CONNECTION)
		@Conditional(RedisUse.OwnConnection.class)
		LettuceConnectionFactory gatehouseRedisConnectionFactory(GatehouseProperties properties,
				@Qualifier("gatehouseRedisClientResources") ClientResources resources, Environment environment) {
			RedisURI uri = RedisURI.create(RedisUse.of(properties).url());
			RedisConfiguration server = LettuceConnectionFactory.createRedisConfiguration(uri);
			passwordFromSpringsSetting(server, environment);
			LettuceClientConfiguration client = LettuceClientConfiguration.builder()
				.apply(uri)
				.commandTimeout(TIMEOUT)
				.clientOptions(ClientOptions.builder()
					.socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
					.build())
				.clientResources(resources)
				.build();
			return new LettuceConnectionFactory(server, client);
		}

		/**
		 * Installations that put the password in spring.data.redis.password beside a password-less URL keep working:
		 * the setting is read (never set), and only when the URL carries no password.
		 */
		private static void passwordFromSpringsSetting(RedisConfiguration server, Environment environment) {
			String password = environment.getProperty("spring.data.redis.password", "");
			if (!password.isEmpty() && server instanceof RedisConfiguration.WithPassword withPassword
					&& !withPassword.getPassword().isPresent()) {
				withPassword.setPassword(password);
				String username = environment.getProperty("spring.data.redis.username", "");
				if (!username.isEmpty() && server instanceof RedisConfiguration.WithAuthentication authentication) {
					authentication.setUsername(username);
				}
			}
		}

		@Bean
		GatehouseRedisConnection gatehouseRedisConnection(
				@Qualifier(OWN_CONNECTION) ObjectProvider<RedisConnectionFactory> own,
				ObjectProvider<RedisConnectionFactory> application) {
			return new GatehouseRedisConnection(() -> own.getIfAvailable(application::getObject));
		}
	}

	/** Redis down makes Gatehouse's health DOWN, as it did when its connection was the application's. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DataRedisHealthIndicator.class, HealthIndicator.class, LettuceConnectionFactory.class })
	@ConditionalOnEnabledHealthIndicator("redis")
	@Conditional(RedisUse.OwnConnection.class)
	static class Health {

		@Bean
		HealthIndicator gatehouseRedisHealthIndicator(
				@Qualifier(OWN_CONNECTION) RedisConnectionFactory connection) {
			return new DataRedisHealthIndicator(connection);
		}
	}

	/** Configured to use Redis without its library: say so at start instead of failing at the first request. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory")
	static class LibraryMissing {

		LibraryMissing() {
			throw new IllegalStateException("Gatehouse is configured to use Redis (gatehouse.session.redis-url, "
					+ "gatehouse.session.store=redis or gatehouse.throttle.redis) but Spring Data Redis with Lettuce is "
					+ "not on the class path: add org.springframework.boot:spring-boot-starter-session-data-redis");
		}
	}
}
