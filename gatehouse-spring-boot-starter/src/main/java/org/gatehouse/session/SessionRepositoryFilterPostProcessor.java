package org.gatehouse.session;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Replaces Spring Session's request filter by one over a {@link ReadableSessionRepository}, so a session with an
 * unreadable attribute is treated as absent, and a {@link LastAccessThrottlingSessionRepository}, so requests that
 * only touch a session do not write it and a rotated id is moved by the request that rotated it. Spring Session builds its filter straight from the store's
 * repository bean and offers no hook for this; the store beans themselves stay as they are, because the Redis
 * configuration wires its expiry listener to the concrete repository.
 */
class SessionRepositoryFilterPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<SessionRepository<?>> repositories;
	private final ObjectProvider<CookieSerializer> cookieSerializer;
	private final ObjectProvider<HttpSessionIdResolver> idResolver;
	private final ObjectProvider<SessionIdRotation> rotation;
	private final Supplier<Duration> writeInterval;

	SessionRepositoryFilterPostProcessor(ObjectProvider<SessionRepository<?>> repositories,
			ObjectProvider<CookieSerializer> cookieSerializer, ObjectProvider<HttpSessionIdResolver> idResolver,
			ObjectProvider<SessionIdRotation> rotation, Supplier<Duration> writeInterval) {
		this.repositories = repositories;
		this.cookieSerializer = cookieSerializer;
		this.idResolver = idResolver;
		this.rotation = rotation;
		this.writeInterval = writeInterval;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (!(bean instanceof SessionRepositoryFilter<?>)) {
			return bean;
		}
		SessionRepositoryFilter<?> filter = filterOver(this.repositories.getObject(), this.writeInterval.get());
		// the application's own resolver (a header, say) if it declares one
		filter.setHttpSessionIdResolver(this.idResolver.getIfAvailable(() -> {
			CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
			resolver.setCookieSerializer(this.cookieSerializer.getObject());
			return resolver;
		}));
		return filter;
	}

	private <S extends Session> SessionRepositoryFilter<?> filterOver(SessionRepository<S> store, Duration interval) {
		return new SessionRepositoryFilter<>(new LastAccessThrottlingSessionRepository<>(
				new ReadableSessionRepository<>(store), interval, this.rotation.getIfAvailable(() -> SessionIdRotation.BY_STORE)));
	}
}
