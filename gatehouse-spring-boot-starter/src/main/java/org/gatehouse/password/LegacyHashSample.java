package org.gatehouse.password;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.account.LoginNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy hashes of the user population, as a login that finds no password must mirror them:
 * for each legacy cost shape ({@link PasswordContext#costShape}: scheme and cost parameters) present
 * among the stored hashes, how many accounts have it and one real stored hash of it. A login that
 * finds no password picks a shape by a keyed HMAC of its normal form, with the probability of that
 * shape among all accounts with a password, and verifies a throwaway password against the shape's
 * sample hash: it then costs what a wrong password of such an account costs. The pick is fixed per
 * login, so repeated probes of one name always time alike, and the share of unknown names that
 * look legacy is the share of accounts that are: timing shows no more than that base rate.
 * <p>
 * Until the first {@link #refresh} (and whenever no account has a legacy hash), {@link #pick}
 * answers null: no legacy verification. Hashes the context writes ({@link PasswordContext#isCurrent})
 * count as "no legacy cost". At most {@value #MAX_SHAPES} shapes are kept; hashes of further shapes
 * count as having no legacy cost (logged once per refresh).
 */
public class LegacyHashSample {

	static final String PURPOSE = "gatehouse.legacy-timing-sample";
	static final int MAX_SHAPES = 64;

	private static final Logger log = LoggerFactory.getLogger(LegacyHashSample.class);

	private record Shape(String shape, long accounts, String sampleHash) {
	}

	/** Legacy shapes in a fixed order and the number of accounts with a password. */
	private record Snapshot(List<Shape> shapes, long accounts) {
	}

	private final PasswordContext context;
	private final SecretKeySpec key;
	private volatile Snapshot snapshot;

	public LegacyHashSample(PasswordContext context, byte[] key) {
		this.context = context;
		this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
	}

	/** Recomputes the snapshot from every stored hash ({@code hashes} feeds each non-null hash once). */
	public void refresh(Consumer<Consumer<String>> hashes) {
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, String> samples = new LinkedHashMap<>();
		long[] accounts = { 0 };
		long[] dropped = { 0 };
		hashes.accept(hash -> {
			accounts[0]++;
			if (context.isCurrent(hash)) {
				return;
			}
			String shape = context.costShape(hash);
			if (shape == null) {
				return; // in no enabled scheme: verifying it costs nothing either
			}
			long[] count = counts.get(shape);
			if (count == null) {
				if (counts.size() >= MAX_SHAPES) {
					dropped[0]++;
					return;
				}
				count = new long[1];
				counts.put(shape, count);
				samples.put(shape, hash);
			}
			count[0]++;
		});
		if (dropped[0] > 0) {
			log.warn("{} legacy password hashes have more than {} distinct cost shapes; {} of them are not mirrored "
					+ "by logins that find no password", dropped[0] + counts.size(), MAX_SHAPES, dropped[0]);
		}
		List<Shape> shapes = new ArrayList<>();
		counts.forEach((shape, count) -> shapes.add(new Shape(shape, count[0], samples.get(shape))));
		shapes.sort(Comparator.comparing(Shape::shape));
		this.snapshot = new Snapshot(List.copyOf(shapes), accounts[0]);
	}

	/**
	 * The sample hash a login that finds no password verifies a throwaway password against, or null
	 * when its pick is "no legacy cost" (or there is no snapshot yet). Deterministic per normal form.
	 */
	public String pick(String login) {
		Snapshot current = snapshot;
		if (current == null || current.shapes().isEmpty() || current.accounts() == 0) {
			return null;
		}
		double point = fraction(LoginNames.normalise(login));
		double cumulative = 0;
		for (Shape shape : current.shapes()) {
			cumulative += (double) shape.accounts() / current.accounts();
			if (point < cumulative) {
				return shape.sampleHash();
			}
		}
		return null;
	}

	/** Whether a snapshot exists (for tests and the start-up log). */
	boolean ready() {
		return snapshot != null;
	}

	/** The share of accounts with a password whose hash has a legacy cost, per shape (for the log). */
	public Map<String, Long> shapes() {
		Snapshot current = snapshot;
		Map<String, Long> result = new LinkedHashMap<>();
		if (current != null) {
			current.shapes().forEach(shape -> result.put(shape.shape(), shape.accounts()));
		}
		return result;
	}

	/** HMAC-SHA256 of the login's normal form, its first 53 bits as a number in [0, 1). */
	private double fraction(String normalForm) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			long bits = ByteBuffer.wrap(mac.doFinal(normalForm.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.getLong();
			return (bits >>> 11) * 0x1.0p-53;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
