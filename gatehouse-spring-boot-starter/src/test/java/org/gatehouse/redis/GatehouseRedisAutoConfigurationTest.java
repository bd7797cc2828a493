package org.gatehouse.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Gatehouse's Redis connection comes from gatehouse.session.redis-url and leaves the application's alone. */
class GatehouseRedisAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, GatehouseRedisAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void withoutRedisSettingsGatehouseHasNoConnection() {
		runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GatehouseRedisConnection.class));
	}

	@Test
	void gatehousesUrlGivesItsOwnConnectionBesideTheApplications() {
		runner.withPropertyValues("gatehouse.session.redis-url=redis://:s3cret@sessions.internal:6380/2",
				"spring.data.redis.host=cache.internal").run(context -> {
					assertThat(context).hasNotFailed();
					LettuceConnectionFactory application = (LettuceConnectionFactory) context
						.getBean(RedisConnectionFactory.class);
					assertThat(application.getHostName()).isEqualTo("cache.internal");
					assertThat(application.getPort()).isEqualTo(6379);

					LettuceConnectionFactory own = (LettuceConnectionFactory) context
						.getBean(GatehouseRedisConnection.class).factory();
					assertThat(own).isNotSameAs(application);
					assertThat(own.getHostName()).isEqualTo("sessions.internal");
					assertThat(own.getPort()).isEqualTo(6380);
					assertThat(own.getDatabase()).isEqualTo(2);
					assertThat(own.getClientConfiguration().getCommandTimeout()).hasSeconds(3);
					assertThat(context.getEnvironment().getProperty("spring.data.redis.url")).isNull();
				});
	}

	/** Redis for the counters or sessions without a URL of its own: the application's connection is used. */
	@Test
	void withoutItsUrlGatehouseUsesTheApplicationsConnection() {
		runner.withPropertyValues("gatehouse.throttle.redis=true", "spring.data.redis.host=cache.internal")
			.run(context -> assertThat(context.getBean(GatehouseRedisConnection.class).factory())
				.isSameAs(context.getBean(RedisConnectionFactory.class)));
	}

	@Test
	void aPasswordInSpringsSettingStillReachesAPasswordlessUrl() {
		runner.withPropertyValues("gatehouse.session.redis-url=redis://sessions.internal",
				"spring.data.redis.password=s3cret").run(context -> {
					LettuceConnectionFactory own = (LettuceConnectionFactory) context
						.getBean(GatehouseRedisConnection.class).factory();
					assertThat(own.getPassword()).isEqualTo("s3cret");
				});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatehouseProperties.class)
	static class Properties {
	}
}
