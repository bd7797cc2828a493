package org.gatehouse.breach;

import java.net.http.HttpClient;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.password.CompromisedPasswordChecker;
import org.springframework.security.authentication.password.CompromisedPasswordDecision;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Have I Been Pwned's range API (k-anonymity): only the first 5 hex digits of the password's SHA-1 leave the
 * server, with {@code Add-Padding: true} so that the size of the answer does not tell the prefix either;
 * padding lines (count 0) never count as a hit. Answers are cached per prefix. Unlike Spring Security's
 * {@code HaveIBeenPwnedRestApiPasswordChecker}, which answers "not compromised" when the service cannot be
 * reached, a failure is thrown ({@link BreachCorpusUnavailableException}) so that the caller can fail closed.
 */
public class PwnedRangeApiChecker implements CompromisedPasswordChecker {

	private static final int PREFIX_HEX = 5;

	private final RestClient client;
	private final Cache<String, RangeAnswer> ranges;

	public PwnedRangeApiChecker(String baseUrl, Duration timeout, int cacheSize, Duration cacheDuration) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build());
		requests.setReadTimeout(timeout);
		this.client = RestClient.builder()
			.baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
			.requestFactory(requests)
			.defaultHeader("Add-Padding", "true")
			.defaultHeader("User-Agent", "Gatehouse")
			.build();
		this.ranges = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterWrite(cacheDuration).build();
	}

	@Override
	public CompromisedPasswordDecision check(String password) {
		if (password == null) {
			return new CompromisedPasswordDecision(false);
		}
		String hash = Sha1.hex(password);
		RangeAnswer range = ranges.get(hash.substring(0, PREFIX_HEX), this::fetch);
		return new CompromisedPasswordDecision(range.contains(hash.substring(PREFIX_HEX)));
	}

	private RangeAnswer fetch(String prefix) {
		try {
			String body = client.get().uri("{prefix}", prefix).retrieve().body(String.class);
			return RangeAnswer.parse(body == null ? "" : body);
		}
		catch (RestClientResponseException ex) {
			throw new BreachCorpusUnavailableException("The range API answered " + ex.getStatusCode(), ex);
		}
		catch (RestClientException ex) {
			// its message names the URL, and with it the prefix: kept out of the logs
			throw new BreachCorpusUnavailableException(
					"The range API could not be asked: " + ex.getMostSpecificCause().getClass().getName(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new BreachCorpusUnavailableException("The range API answered something else than a range", ex);
		}
	}
}
