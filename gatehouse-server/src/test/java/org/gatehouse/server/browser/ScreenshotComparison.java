package org.gatehouse.server.browser;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

/**
 * Compares a screenshot with its committed reference under src/test/resources/screenshots/.
 * A pixel differs when one of its colour channels is off by more than {@link #CHANNEL_TOLERANCE};
 * a page fails when more than {@link #MAX_DIFFERING_SHARE} of its pixels differ, or when its size
 * changed. On failure the actual image and a diff (differing pixels red on a faded copy of the
 * reference) are written to target/screenshots/. With {@code -Dscreenshots.update=true} the actual
 * images become the references instead.
 */
final class ScreenshotComparison {

	static final int CHANNEL_TOLERANCE = 40;
	static final double MAX_DIFFERING_SHARE = 0.001;

	static final Path REFERENCES = Paths.get("src", "test", "resources", "screenshots");
	static final Path OUTPUT = Paths.get("target", "screenshots");

	private static final boolean UPDATE = Boolean.getBoolean("screenshots.update");

	private ScreenshotComparison() {
	}

	/** Null when the shot matches its reference (or has just become it), else what is wrong. */
	static String check(String name, byte[] png) {
		try {
			Path reference = REFERENCES.resolve(name + ".png");
			if (UPDATE) {
				Files.createDirectories(REFERENCES);
				Files.write(reference, png);
				return null;
			}
			if (!Files.exists(reference)) {
				write(name + "-actual.png", png);
				return name + ": no reference " + reference + " (run with -Dscreenshots.update=true to create it)";
			}
			BufferedImage expected = ImageIO.read(reference.toFile());
			BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
			if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
				write(name + "-actual.png", png);
				return name + ": size " + actual.getWidth() + "x" + actual.getHeight() + ", reference "
						+ expected.getWidth() + "x" + expected.getHeight() + "; actual in " + OUTPUT;
			}
			BufferedImage diff = new BufferedImage(expected.getWidth(), expected.getHeight(), BufferedImage.TYPE_INT_RGB);
			long differing = 0;
			for (int y = 0; y < expected.getHeight(); y++) {
				for (int x = 0; x < expected.getWidth(); x++) {
					int e = expected.getRGB(x, y);
					int a = actual.getRGB(x, y);
					boolean differs = channelDistance(e, a) > CHANNEL_TOLERANCE;
					differing += differs ? 1 : 0;
					diff.setRGB(x, y, differs ? 0xff0000 : faded(e));
				}
			}
			double share = (double) differing / ((long) expected.getWidth() * expected.getHeight());
			if (share <= MAX_DIFFERING_SHARE) {
				return null;
			}
			write(name + "-actual.png", png);
			ImageIO.write(diff, "png", OUTPUT.resolve(name + "-diff.png").toFile());
			return String.format("%s: %.3f%% of pixels differ (allowed %.3f%%); actual and diff in %s", name, share * 100,
					MAX_DIFFERING_SHARE * 100, OUTPUT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int channelDistance(int rgb1, int rgb2) {
		int max = 0;
		for (int shift = 0; shift <= 16; shift += 8) {
			max = Math.max(max, Math.abs(((rgb1 >> shift) & 0xff) - ((rgb2 >> shift) & 0xff)));
		}
		return max;
	}

	private static int faded(int rgb) {
		int r = 192 + (((rgb >> 16) & 0xff) >> 2);
		int g = 192 + (((rgb >> 8) & 0xff) >> 2);
		int b = 192 + ((rgb & 0xff) >> 2);
		return (r << 16) | (g << 8) | b;
	}

	private static void write(String file, byte[] png) throws IOException {
		Files.createDirectories(OUTPUT);
		Files.write(OUTPUT.resolve(file), png);
	}
}
