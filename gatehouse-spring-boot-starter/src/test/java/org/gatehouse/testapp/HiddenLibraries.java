package org.gatehouse.testapp;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * A class loader as if some jars were not on the class path: their packages' classes and also their resources (a
 * library's META-INF/spring.factories would otherwise still name its now missing classes).
 */
public final class HiddenLibraries extends FilteredClassLoader {

	private final List<String> jars;

	/**
	 * @param jars parts of the jar file names to hide, e.g. "springdoc-openapi"
	 * @param packages package prefixes of their classes, e.g. "org.springdoc."
	 */
	public HiddenLibraries(List<String> jars, String... packages) {
		super(packages);
		this.jars = jars;
	}

	@Override
	public URL getResource(String name) {
		URL resource = super.getResource(name);
		return (resource == null || hidden(resource)) ? null : resource;
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		return Collections.enumeration(Collections.list(super.getResources(name)).stream()
			.filter(url -> !hidden(url)).toList());
	}

	private boolean hidden(URL resource) {
		String location = resource.toString();
		return jars.stream().anyMatch(location::contains);
	}
}
