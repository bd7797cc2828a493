package org.gatehouse.server.launcher;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.gatehouse.server.GatehouseServer;

/**
 * A jar of nothing but a manifest whose Main-Class is the server jar's application class and whose Class-Path is
 * the running test's class path: what bin/gatehouse can run in the test phase, before the real jar is packaged.
 */
public final class PathingJar {

	private PathingJar() {
	}

	public static Path create(Path jar) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, GatehouseServer.class.getName());
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
				Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
					.map(entry -> Path.of(entry).toUri().toString())
					.collect(Collectors.joining(" ")));
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
			out.flush();
		}
		return jar;
	}
}
