package org.gatehouse.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A whole application (environment post-processors included) whose own Redis is configured with spring.data.redis.*
 * while Gatehouse keeps its sessions in another one: each keeps its own.
 */
class HostRedisSettingsTest {

	@Test
	void theApplicationsRedisSettingsAreLeftAlone() {
		String gatehouseRedis = TestRedis.get().url() + "/6";
		try (GatehouseInstance app = GatehouseInstance.start(Map.of("spring.datasource.url", "jdbc:h2:mem:host-redis-"
				+ UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"gatehouse.session.redis-url", gatehouseRedis, "spring.data.redis.host", "cache.internal",
				"spring.mail.host", "127.0.0.1"))) {
			assertThat(app.bean(Environment.class).getProperty("spring.data.redis.url")).isNull();
			assertThat(app.bean(Environment.class).getProperty("spring.data.redis.timeout")).isNull();
			LettuceConnectionFactory application = (LettuceConnectionFactory) app.bean(RedisConnectionFactory.class);
			assertThat(application.getHostName()).isEqualTo("cache.internal");

			RedisConnectionFactory own = app.bean(GatehouseRedisConnection.class).factory();
			assertThat(own).isNotSameAs(application);
			assertThat(((LettuceConnectionFactory) own).getDatabase()).isEqualTo(6);
		}
	}
}
