package org.gatehouse.session;

import java.time.Duration;
import java.util.function.Supplier;

import org.gatehouse.cache.NearCaches;
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
 * only touch a session do not write it and a rotated id is moved by the request that rotated it, and between them
 * (JDBC and Redis stores) a {@link NearCachedSessionRepository}, so a request reads its session from memory. Spring Session builds its filter straight from the store's
 * repository bean and offers no hook for this; the store beans themselves stay as they are, because the Redis
 * configuration wires its expiry listener to the concrete repository.
 */
class SessionRepositoryFilterPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<SessionRepository<?>> repositories;
	private final ObjectProvider<CookieSerializer> cookieSerializer;
	private final ObjectProvider<HttpSessionIdResolver> applicationResolver;
	private final ObjectProvider<SessionIdRotation> rotation;
	private final Supplier<Duration> writeInterval;
	private final ObjectProvider<NearCaches> nearCaches;

	SessionRepositoryFilterPostProcessor(ObjectProvider<SessionRepository<?>> repositories,
			ObjectProvider<CookieSerializer> cookieSerializer, ObjectProvider<HttpSessionIdResolver> applicationResolver,
			ObjectProvider<SessionIdRotation> rotation, Supplier<Duration> writeInterval,
			ObjectProvider<NearCaches> nearCaches) {
		this.repositories = repositories;
		this.cookieSerializer = cookieSerializer;
		this.applicationResolver = applicationResolver;
		this.rotation = rotation;
		this.writeInterval = writeInterval;
		this.nearCaches = nearCaches;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		if (!(bean instanceof SessionRepositoryFilter<?>)) {
			return bean;
		}
		SessionRepositoryFilter<?> filter = filterOver(this.repositories.getObject(), this.writeInterval.get());
		filter.setHttpSessionIdResolver(this.applicationResolver.getIfAvailable(this::cookieResolver));
		return filter;
	}

	/** The session id in the cookie written by the application's serializer, else Gatehouse's signed one. */
	private HttpSessionIdResolver cookieResolver() {
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(this.cookieSerializer.getObject());
		return resolver;
	}

	private <S extends Session> SessionRepositoryFilter<?> filterOver(SessionRepository<S> store, Duration interval) {
		SessionIdRotation rotation = this.rotation.getIfAvailable(() -> SessionIdRotation.BY_STORE);
		SessionRepository<S> readable = new ReadableSessionRepository<>(store);
		NearCaches caches = this.nearCaches.getIfAvailable();
		// the memory store is this process's memory already
		if (caches == null || store instanceof InMemoryIndexedSessionRepository) {
			return new SessionRepositoryFilter<>(new LastAccessThrottlingSessionRepository<>(readable, interval, rotation));
		}
		return new SessionRepositoryFilter<>(new LastAccessThrottlingSessionRepository<>(
				new NearCachedSessionRepository<>(readable, caches.cache(NearCaches.SESSIONS)), interval, rotation));
	}
}
